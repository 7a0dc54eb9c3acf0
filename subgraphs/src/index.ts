// The construction shared by the 93 services; the gateway uses the schema, in-process and context exports.
export * from './define.ts';
export { loadServices, registerService, SERVICES_DIR, ServiceRegistryError, type RegisteredService } from './registry.ts';
export { buildServiceSchema } from './schema.ts';
export { PRELUDE_SCALARS, IINScalar, BINScalar, DateScalar, DateTimeScalar, isIsoDate, isIsoDateTime } from './scalars.ts';
export { redactInputError, INPUT_MESSAGES, type SubgraphErrorCode } from './errors.ts';
export { signGatewayContext, verifyGatewayContext, developmentContextKeys, contextKeys, type ContextKeys, type VerificationKey } from './context.ts';
export { serviceAccess, serviceRules, shieldServiceSchema } from './shield.ts';
export { authorizationKey, serviceCacheOptions, DEFAULT_CACHE_TTL_SECONDS, type CacheConfig } from './cache.ts';
export { mountService, formatSubgraphErrors, type HostedService, type ExecuteOperation } from './service-app.ts';
export { createSubgraphHost, type SubgraphHost, type SubgraphHostOptions } from './host.ts';
export { InProcessGraphQLDataSource, inProcessBuildService, type InProcessDataSourceConfig } from './inprocess.ts';
export { composeSupergraph, writeSupergraph, readSupergraph, SUPERGRAPH_PATH, CompositionFailed } from './compose.ts';
export { catalogue, catalogueEntry, demoSubject, exampleQuery, serviceCoordinates, ENTRY_POINTS, type CatalogueEntry } from './catalogue.ts';
export { fullSelection } from './selection.ts';
export { registerSubgraphCommands } from './cli.ts';
export { mockSource } from './source/mock.ts';
export { httpSource, type HttpSourceOptions } from './source/http.ts';
export type { DataSource } from './source/types.ts';
