import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { World } from '@negiz/mocks/model.ts';
import { Agent } from 'undici';
import type { CacheConfig } from './cache.ts';
import { contextKeys, type VerificationKey } from './context.ts';
import { mountBatch } from './batch.ts';
import { loadServices, type RegisteredService } from './registry.ts';
import { mountService, type HostedService } from './service-app.ts';
import { httpSource, type HttpSourceOptions } from './source/http.ts';
import { defaultMockWorld, mockSource } from './source/mock.ts';
import type { DataSource } from './source/types.ts';

export interface SubgraphHostOptions {
  /** Slugs to host (`s01-individuals`...); all discovered services by default. */
  services?: readonly string[];
  /** Where to discover services (tests point at fixtures). */
  servicesDir?: string;
  /** Already loaded services (skips discovery). */
  registered?: readonly RegisteredService[];
  /** `mock` reads the synthetic world; `http` the real upstreams of `upstreams`. */
  source?: 'mock' | 'http';
  /** The world for the mocks; the mocks' default world otherwise. */
  world?: World;
  /** Per-service upstream base URLs for the HTTP adapter, by slug; a service without one falls back to its mock. */
  upstreams?: Readonly<Record<string, string>>;
  /** Timeout, retries, breaker settings of the HTTP adapter. */
  http?: Omit<HttpSourceOptions, 'baseUrl' | 'service' | 'dispatcher'>;
  cache?: CacheConfig;
  /** A data source of your own for some services (another adapter, an instrumented source); undefined keeps the default. */
  sourceFor?: (service: RegisteredService, world: World | undefined) => DataSource | undefined;
  /** The gateway's public key (or JWKS getter) that context signatures must verify against. */
  publicKey?: VerificationKey;
  logger?: FastifyServerOptions['logger'];
}

export interface SubgraphHost {
  app: FastifyInstance;
  /** The hosted services by slug, for in-process execution. */
  services: ReadonlyMap<string, HostedService>;
  registered: readonly RegisteredService[];
  /** The circuit breakers of the HTTP upstreams, by slug (none for mock sources). */
  breakers: ReadonlyMap<string, { readonly opened: boolean; readonly halfOpen: boolean }>;
  close(): Promise<void>;
}

/**
 * One Fastify + Mercurius process hosting any subset of the services, each at `/<slug>/graphql`, with `/healthz`
 * and `POST /batch` (several services' operations in one request, batch.ts).
 * Call `app.listen()` to serve over HTTP, or use `services` in process; either way every operation needs the
 * gateway's signed context.
 */
export async function createSubgraphHost(options: SubgraphHostOptions = {}): Promise<SubgraphHost> {
  const registered = options.registered ?? (await loadServices({ dir: options.servicesDir, only: options.services }));
  const publicKey = options.publicKey ?? (await contextKeys()).publicKey;
  const wantsMock = options.source !== 'http' || registered.some((s) => !options.upstreams?.[s.slug]);
  const world = wantsMock ? (options.world ?? defaultMockWorld()) : undefined;
  // One keep-alive pool for every upstream of the process.
  const dispatcher = options.source === 'http' ? new Agent({ keepAliveTimeout: 10_000, connections: 64 }) : undefined;

  const app = Fastify({ logger: options.logger ?? false });
  const services = new Map<string, HostedService>();
  const sources: DataSource[] = [];
  const breakers = new Map<string, { opened: boolean; halfOpen: boolean }>();
  for (const service of registered) {
    const upstream = options.source === 'http' ? options.upstreams?.[service.slug] : undefined;
    const custom = options.sourceFor?.(service, world);
    const remote = !custom && upstream ? httpSource({ ...options.http, baseUrl: upstream, service: service.slug, dispatcher }) : undefined;
    if (remote) breakers.set(service.slug, remote.breaker);
    const source = custom ?? remote ?? mockSource(service.definition, world!);
    sources.push(source);
    services.set(service.slug, await mountService(app, service, { source, publicKey, cache: options.cache }));
  }
  mountBatch(app, services);
  // Liveness plus the breakers of the HTTP upstreams: "degraded" while any of them is open.
  app.get('/healthz', async () => {
    const upstreams = Object.fromEntries([...breakers].map(([slug, b]) => [slug, b.opened ? 'open' : b.halfOpen ? 'half-open' : 'closed'] as const));
    const degraded = Object.values(upstreams).some((state) => state !== 'closed');
    return { status: degraded ? 'degraded' : 'ok', services: services.size, ...(breakers.size ? { upstreams } : {}) };
  });
  app.addHook('onClose', async () => {
    await Promise.all(sources.map((s) => s.close?.()));
    await dispatcher?.close();
  });
  await app.ready();
  return { app, services, registered, breakers, close: () => app.close() };
}
