/**
 * The clients' part of the gateway: persisted operations for court systems, APQ for portals, the limits against
 * bulk harvesting (the clients' stage of the pipeline), and GraphiQL for analysts (routes beside the door).
 */
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { PolicyStage } from '../policy/index.ts';
import { fieldServiceMap } from './graphiql/field-services.ts';
import { graphiqlPlugin, type GraphiqlPluginOptions } from './graphiql/plugin.ts';
import { limitsOptions, type LimitsInput } from './limits/options.ts';
import { rateLimiter } from './limits/rate.ts';
import { apqCache } from './operations/apq-cache.ts';
import type { OperationManifest } from './operations/manifest.ts';
import type { ClientRegistry } from './operations/registry.ts';
import type { ClientsStageOptions } from './stage.ts';

export { clientsStage, type ClientsStageOptions } from './stage.ts';
export { graphiqlPlugin, GRAPHIQL_DIST, type GraphiqlPluginOptions, type UserCase, type DemoUser } from './graphiql/plugin.ts';
export { ensureGraphiqlBundle } from './graphiql/bundle.ts';
export { fieldServiceMap, type FieldServiceMap } from './graphiql/field-services.ts';
export { loadManifest, operationId, type OperationManifest } from './operations/manifest.ts';
export { loadClientRegistry, type ClientRegistry } from './operations/registry.ts';
export { registerOperationsCommands } from './operations/command.ts';
export { limitsOptions, type LimitsOptions, type LimitsInput } from './limits/options.ts';
export { rateLimiter, type RateLimiter } from './limits/rate.ts';
export { apqCache } from './operations/apq-cache.ts';

/** The clients' stage's stores: budgets and APQ shared across gateway instances through Redis, else in memory. */
export function clientsOptions(options: {
  manifest?: OperationManifest;
  clients?: ClientRegistry;
  limits?: LimitsInput;
  redis?: Redis;
}): Omit<ClientsStageOptions, 'schema'> {
  const limits = limitsOptions(options.limits);
  const shared = options.redis ? { redis: options.redis } : {};
  return {
    ...(options.manifest ? { manifest: options.manifest } : {}),
    ...(options.clients ? { clients: options.clients } : {}),
    limits,
    limiter: rateLimiter({ ...limits.rate, ...shared }),
    apq: apqCache(shared),
  };
}

/** GraphiQL at /graphiql, with the field -> service map from the supergraph. */
export function graphiqlRoutes(
  options: Pick<GraphiqlPluginOptions, 'casesOf' | 'devLogin' | 'distDir'>,
): (app: FastifyInstance, facts: { policy: PolicyStage; authenticate: GraphiqlPluginOptions['authenticate'] }) => Promise<void> {
  return async (app, facts) => {
    const fields = fieldServiceMap(facts.policy.facts.fields);
    await app.register(graphiqlPlugin, { ...options, authenticate: facts.authenticate, fieldServices: () => fields });
  };
}
