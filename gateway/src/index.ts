/** @negiz/gateway: the request pipeline (authenticate -> basis -> policy -> journal -> execute -> release). */
export { buildGatewayServer, type GatewayServer, type GatewayServerOptions } from './server.ts';
export { startGateway, type RunningGateway, type StartHooks } from './start.ts';
export { configFromEnv, ConfigError, type GatewayConfig } from './config.ts';
export { registerGatewayCommands } from './cli.ts';
export { Refusal, refusalBody, type RefusalCode } from './refusal.ts';
export * from './authenticate/index.ts';
export { devIdentityProvider, DEV_AUDIENCE, DEV_ISSUER, type DevIdentityProvider, type DevTokenClaims } from './authenticate/dev-idp.ts';
export * from './basis/index.ts';
export { PolicyStage, readSupergraph, type SupergraphFacts, type Outcome } from './policy/index.ts';
export { createGateway } from './execute/gateway.ts';
export { contextSigner, inProcessContextKeys } from './execute/context-signer.ts';
export { HttpDataSource } from './execute/http-data-source.ts';
// The journal is @negiz/journal; its contract is re-exported for those who build a gateway.
export { MemoryJournal, type Journal, type JournalEntryInput, type JournalReceipt } from '@negiz/journal';
