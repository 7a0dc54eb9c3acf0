export * from './model.ts';
export * from './identifiers.ts';
export { rng, hash32, weighted } from './random.ts';
export { createWorld, defaultWorld, DEFAULT_SEED, MAX_WORLD_PERSONS, MAX_WORLD_LEGAL_ENTITIES, type WorldOptions, type SyntheticWorld } from './world.ts';
export { REFERENCE_DATE } from './calendar.ts';
export { REGIONS, type Region } from './geography.ts';
export {
  createRegistries,
  type CaseRecord,
  type CaseRegistries,
  type CaseStatus,
  type CaseSubject,
  type InstructionRecord,
  type InstructionStatus,
} from './cases.ts';
export { demoUsers, demoUser, type DemoUser, type Grant, type MfaFactor, type UserStatus } from './users.ts';
export { registerMocksCommands, userCases, type UserCase } from './cli.ts';
