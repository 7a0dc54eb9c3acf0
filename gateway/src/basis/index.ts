/** The basis stage: read the claim, then verify it against the registries. */
export { readBasisClaim, type BasisClaim } from './claim.ts';
export {
  MemoryCaseRegistry,
  RegistryUnavailableError,
  userCasesOf,
  type CaseRecord,
  type CaseRegistry,
  type InstructionRecord,
  type InstructionStatus,
  type UserCases,
} from './registry.ts';
export { HttpCaseRegistry, type HttpCaseRegistryOptions } from './http-registry.ts';
export { createBasisVerifier, type BasisVerifier, type BasisVerifierOptions, type VerifiedBasis } from './verify.ts';
