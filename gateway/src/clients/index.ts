/**
 * The clients' part of the gateway: persisted operations for court systems, APQ for portals, the limits against
 * bulk harvesting, and GraphiQL for analysts. `clientsExtension` registers all of it on the gateway's Fastify
 * instance (buildGatewayServer's `extend`), and `clientOfRequest` tells the gateway which client a request is.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { PolicyStage } from '../policy/index.ts';
import { fieldServiceMap } from './graphiql/field-services.ts';
import { graphiqlPlugin, type GraphiqlPluginOptions } from './graphiql/plugin.ts';
import { limitsOptions, type LimitsInput } from './limits/options.ts';
import { rateLimiter } from './limits/rate.ts';
import { apqCache } from './operations/apq-cache.ts';
import { loadManifest, type OperationManifest } from './operations/manifest.ts';
import { loadClientRegistry, type ClientRegistry, type RegisteredClientKind } from './operations/registry.ts';
import { clientOfRequest, clientsStage } from './stage.ts';

export { clientsStage, clientOfRequest, persistedOfRequest, subjectsOfRequest, type ClientsStageOptions } from './stage.ts';
export { graphiqlPlugin, GRAPHIQL_DIST, type GraphiqlPluginOptions, type UserCase, type DemoUser } from './graphiql/plugin.ts';
export { ensureGraphiqlBundle } from './graphiql/bundle.ts';
export { fieldServiceMap, type FieldServiceMap } from './graphiql/field-services.ts';
export { loadManifest, operationId, type OperationManifest } from './operations/manifest.ts';
export { loadClientRegistry, type ClientRegistry } from './operations/registry.ts';
export { registerOperationsCommands } from './operations/command.ts';
export { limitsOptions, type LimitsOptions, type LimitsInput } from './limits/options.ts';
export { rateLimiter, type RateLimiter } from './limits/rate.ts';
export { apqCache } from './operations/apq-cache.ts';

export interface ClientsExtensionOptions {
  /** Default: schema/operations/manifest.json and schema/clients.yaml, validated at start. */
  manifest?: OperationManifest;
  clients?: ClientRegistry;
  limits?: LimitsInput;
  /** Shared budgets and APQ store across gateway instances; memory without it. */
  redis?: Redis;
  /** GraphiQL at /graphiql; omit to serve none. */
  graphiql?: Pick<GraphiqlPluginOptions, 'casesOf' | 'devLogin' | 'distDir'>;
}

/** For buildGatewayServer's `extend`: the clients' stage on /graphql, and GraphiQL. */
export function clientsExtension(
  options: ClientsExtensionOptions,
): (app: FastifyInstance, facts: { policy: PolicyStage; authenticate: GraphiqlPluginOptions['authenticate'] }) => Promise<void> {
  const manifest = options.manifest ?? loadManifest();
  const clients = options.clients ?? loadClientRegistry(manifest);
  const limits = limitsOptions(options.limits);
  return async (app, facts) => {
    await app.register(clientsStage, {
      schema: facts.policy.facts.apiSchema,
      manifest,
      clients,
      authenticate: facts.authenticate,
      limits,
      limiter: rateLimiter({ ...limits.rate, ...(options.redis ? { redis: options.redis } : {}) }),
      apq: apqCache(options.redis ? { redis: options.redis } : {}),
    });
    if (options.graphiql) {
      const fields = fieldServiceMap(facts.policy.facts.fields);
      await app.register(graphiqlPlugin, { ...options.graphiql, authenticate: facts.authenticate, fieldServices: () => fields });
    }
  };
}

/** For buildGatewayServer's `clientOf`: the client the stage resolved (a portal when the stage did not run). */
export function requestClient(request: FastifyRequest): { kind: RegisteredClientKind; id: string } {
  return clientOfRequest(request) ?? { kind: 'PORTAL', id: 'portal' };
}
