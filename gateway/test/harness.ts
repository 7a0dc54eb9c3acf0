/**
 * A whole gateway in one process for tests: services hosted in-process (fixtures, or real ones), composed into a
 * supergraph, the development identity provider in a temporary folder, memory registries and a memory journal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { MemoryJournal, type Journal } from '@negiz/journal';
import type { World } from '@negiz/mocks/model.ts';
import { serviceDocument } from '@negiz/subgraphs/define.ts';
import { createSubgraphHost, type SubgraphHost } from '@negiz/subgraphs/host.ts';
import { InProcessGraphQLDataSource } from '@negiz/subgraphs/inprocess.ts';
import { loadServices } from '@negiz/subgraphs/registry.ts';
import { createAuthenticator, createTokenVerifier, jwksFromObject, MemoryUserRegistry, type UserRecord } from '../src/authenticate/index.ts';
import { devIdentityProvider, type DevIdentityProvider, type DevTokenClaims } from '../src/authenticate/dev-idp.ts';
import { createBasisVerifier, MemoryCaseRegistry, type CaseRegistry } from '../src/basis/index.ts';
import { BatchedDataSource, SubgraphBatches } from '../src/execute/batched-data-source.ts';
import { contextSigner, inProcessContextKeys } from '../src/execute/context-signer.ts';
import { buildGatewayServer, type GatewayServer, type GatewayServerOptions } from '../src/server.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/services/', import.meta.url));

/** A valid IIN (check digit per the national algorithm). */
export const IIN = '850301300012';
/** A person whose state-employee record is broken (an entity-fetch error). */
export const IIN_BROKEN = '850301300022';

export interface Harness extends GatewayServer {
  idp: DevIdentityProvider;
  users: MemoryUserRegistry;
  cases: MemoryCaseRegistry;
  journal: MemoryJournal;
  host: SubgraphHost;
  supergraphSdl: string;
  /** Every subgraph request, in order (tests clear it). */
  calls: SubgraphCall[];
  /** The HTTP requests the host received (`POST /batch`...), with the `batch` transport. */
  hostRequests: string[];
  token(claims: Partial<DevTokenClaims> & { login: string }): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  servicesDir?: string;
  only?: readonly string[];
  world?: World;
  users?: UserRecord[];
  registry?: CaseRegistry;
  basisCacheMs?: number;
  /** A supergraph composed beforehand (e.g. schema/supergraph.graphql); composing 93 services takes seconds. */
  supergraphSdl?: string;
  /** Serve the development identity provider's JWKS. */
  devJwks?: boolean;
  /** Record into this journal instead of the harness's memory one (e.g. PostgreSQL). */
  journal?: Journal;
  /** The random justification challenge of the basis stage. */
  challenge?: GatewayServerOptions['challenge'];
  /** Routes beside the GraphQL door (e.g. the Reports API, GraphiQL). */
  routes?: GatewayServerOptions['routes'];
  /**
   * The clients' stage (registered clients and operations, limits, APQ). Default: the shipped registrations and
   * limits, with per-user budgets large enough that no test but the budgets' own runs into them.
   */
  clients?: GatewayServerOptions['clients'];
  /** The gateway's logger (default: none). */
  logger?: GatewayServerOptions['logger'];
  /** `batch`: the host listens on loopback and the gateway reaches it in batches over HTTP (`calls` stays empty). */
  transport?: 'inprocess' | 'batch';
}

/** What a subgraph received: its name and the HTTP headers the gateway set. */
export interface SubgraphCall {
  service: string;
  headers: Record<string, string>;
  query: string;
}

export async function composeSupergraph(services: Awaited<ReturnType<typeof loadServices>>): Promise<string> {
  const result = composeServices(services.map((s) => ({ name: s.slug, url: `inprocess://${s.slug}/graphql`, typeDefs: serviceDocument(s.definition) })));
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const registered = await loadServices({ dir: options.servicesDir ?? FIXTURES_DIR, ...(options.only ? { only: options.only } : {}) });
  const supergraphSdl = options.supergraphSdl ?? (await composeSupergraph(registered));
  const keys = inProcessContextKeys();
  const host = await createSubgraphHost({ registered, world: options.world ?? ({} as World), publicKey: keys.publicKey });
  const idp = await devIdentityProvider(mkdtempSync(join(tmpdir(), 'negiz-gw-')));
  const users = new MemoryUserRegistry(options.users ?? []);
  const cases = new MemoryCaseRegistry();
  const journal = new MemoryJournal();
  const calls: SubgraphCall[] = [];
  const hostRequests: string[] = [];
  let batches: SubgraphBatches | undefined;
  if (options.transport === 'batch') {
    batches = new SubgraphBatches(await host.app.listen({ host: '127.0.0.1', port: 0 }));
    host.app.server.on('request', (request: { method?: string; url?: string }) => hostRequests.push(`${request.method} ${request.url}`));
  }
  const inProcess = (name: string) =>
    new InProcessGraphQLDataSource({
      service: host.services.get(name)!,
      willSendRequest: ({ request }) => {
        const headers: Record<string, string> = {};
        (request.http?.headers as unknown as Headers | undefined)?.forEach((value, key) => (headers[key] = value));
        calls.push({ service: name, headers, query: request.query ?? '' });
      },
    });
  const server = await buildGatewayServer({
    supergraphSdl,
    authenticate: createAuthenticator(createTokenVerifier({ keys: jwksFromObject(idp.jwks), issuer: idp.issuer, audience: idp.audience }), users),
    verifyBasis: createBasisVerifier({ registry: options.registry ?? cases, cacheMs: options.basisCacheMs ?? 0 }),
    journal: options.journal ?? journal,
    clients: options.clients ?? { limits: { rate: { requests: 1_000_000, requestWindowSeconds: 60, subjects: 1_000_000, subjectWindowSeconds: 3600 } } },
    ...(options.challenge ? { challenge: options.challenge } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
    dataSource: (name) => (batches ? new BatchedDataSource(batches, name) : inProcess(name)),
    sign: contextSigner(keys.privateKey, keys.alg),
    logger: options.logger ?? false,
    defaultMetrics: false,
    ...(options.devJwks ? { devJwks: idp.jwks } : {}),
  });
  return {
    ...server,
    idp,
    users,
    cases,
    journal,
    host,
    supergraphSdl,
    calls,
    hostRequests,
    token: (claims) => idp.issue({ role: 3, organisation: 'MVD', ...claims }),
    async close() {
      await server.app.close();
      await host.close();
    },
  };
}

/** POST one GraphQL request through Fastify's inject. */
export async function post(
  h: Harness,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  } & Record<string, unknown>;
}> {
  const response = await h.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
  });
  return { status: response.statusCode, body: response.json() };
}
