/**
 * Per-request cost without the noise of concurrency: both gateways in one process over the same in-process
 * subgraphs, requests sent one at a time through Fastify's inject, alternating in blocks; reports the median
 * wall time and the CPU time per request of each. `node overhead.ts [requests per block] [blocks]`; env
 * OVERHEAD_QUERIES (a,b) and OVERHEAD_VARIANTS (bare,negiz) narrow it, e.g. to profile one side with --cpu-prof.
 * Building the Negiz gateway installs its operation memo (execute/operation-memo.ts) for the whole process, so
 * here bare has it too: this measures the cost of the stages themselves (bench.ts compares the products).
 * NEGIZ_OPERATION_MEMO=off puts Apollo's own operationFromDocument back once the gateway is built, for both
 * sides: what the memo buys.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultWorld } from '@negiz/mocks';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { signGatewayContext } from '@negiz/subgraphs/context.ts';
import { createSubgraphHost } from '@negiz/subgraphs/host.ts';
import { InProcessGraphQLDataSource } from '@negiz/subgraphs/inprocess.ts';
import { devIdentityProvider } from '@negiz/gateway/authenticate/dev-idp.ts';
import { cachedUserRegistry, createAuthenticator, createTokenVerifier, jwksFromObject, MemoryUserRegistry } from '@negiz/gateway/authenticate/index.ts';
import { createBasisVerifier, MemoryCaseRegistry } from '@negiz/gateway/basis/index.ts';
import { contextSigner, inProcessContextKeys } from '@negiz/gateway/execute/context-signer.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { buildGatewayServer } from '@negiz/gateway/server.ts';
import { BENCH_CASE, BENCH_USER, dossierQuery, fourServiceQuery } from './queries.ts';

const [perBlock = 200, blocks = 6] = process.argv.slice(2).map(Number);
const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const world = defaultWorld();
const keys = inProcessContextKeys();
const host = await createSubgraphHost({ world, publicKey: keys.publicKey });
const service = (name: string) => host.services.get(name)!;

const claims = { sub: BENCH_USER.login, role: 3, org: 'MVD', basis: { type: 'CRIMINAL' as const, number: BENCH_CASE.number }, articlesQualify: true };
const tokens = new Map<string, string>();
for (const name of host.services.keys()) tokens.set(name, await signGatewayContext(claims, { privateKey: keys.privateKey, audience: name, alg: keys.alg }));
const bare = Fastify({ logger: false });
const apollo = new ApolloServer({
  gateway: new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new InProcessGraphQLDataSource({ service: service(name), contextToken: () => tokens.get(name) }),
  }),
  includeStacktraceInErrorResponses: false,
  plugins: [ApolloServerPluginLandingPageDisabled()],
});
await apollo.start();
bare.post('/graphql', fastifyApolloHandler(apollo));

const idp = await devIdentityProvider(mkdtempSync(join(tmpdir(), 'negiz-bench-')));
const negiz = await buildGatewayServer({
  supergraphSdl,
  authenticate: createAuthenticator(
    createTokenVerifier({ keys: jwksFromObject(idp.jwks), issuer: idp.issuer, audience: idp.audience }),
    cachedUserRegistry(new MemoryUserRegistry([{ login: BENCH_USER.login, status: 'ACTIVE', role: 3 }])),
  ),
  verifyBasis: createBasisVerifier({ registry: new MemoryCaseRegistry([{ ...BENCH_CASE, status: 'OPEN', assignees: [BENCH_USER.login] }]) }),
  journal: { record: async () => ({ id: '0', leafHash: '' }), close: async () => {} },
  dataSource: (name) => new InProcessGraphQLDataSource({ service: service(name) }),
  sign: contextSigner(keys.privateKey, keys.alg),
  logger: false,
  defaultMetrics: false,
  // One user sends every request: the per-user rate limit would refuse the run, not measure it.
  clients: { limits: { rate: { requests: 1_000_000 } } },
});
const token = await idp.issue({ ...BENCH_USER, amr: ['hwk', 'fpt'] });
if (process.env.NEGIZ_OPERATION_MEMO === 'off') {
  const require = createRequire(import.meta.url);
  const gatewayEntry = require.resolve('@apollo/gateway');
  const operations = require(require.resolve('@apollo/federation-internals/dist/operations.js', { paths: [gatewayEntry] }));
  operations.operationFromDocument = operations.operationFromDocument.negizOriginal ?? operations.operationFromDocument;
}

const facts = readSupergraph(supergraphSdl);
const iin = world.personAt(0).iin;
const queries = { a: fourServiceQuery(facts.apiSchema, facts, iin), b: dossierQuery(facts.apiSchema, facts, iin, 3, 'CRIMINAL', BENCH_CASE.articles) };
const payload = (q: string) => JSON.stringify({ query: q, extensions: { basis: { type: BENCH_CASE.type, number: BENCH_CASE.number } } });

async function block(app: FastifyInstance, headers: Record<string, string>, q: string, n: number): Promise<{ wall: number[]; cpuMs: number }> {
  const wall: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: payload(q) });
    if (r.statusCode !== 200) throw new Error(`status ${r.statusCode}: ${r.body.slice(0, 200)}`);
    wall.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  return { wall, cpuMs: (used.user + used.system) / 1000 / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const out: Record<string, Record<string, { medianMs: number; cpuMsPerRequest: number }>> = { bare: {}, negiz: {} };
const only = (env: string | undefined, all: string[]) => (env ? env.split(',') : all);
for (const name of only(process.env.OVERHEAD_QUERIES, ['a', 'b']) as Array<'a' | 'b'>) {
  const n = name === 'a' ? perBlock : Math.max(10, Math.floor(perBlock / 10));
  const walls: Record<string, number[]> = { bare: [], negiz: [] };
  const cpus: Record<string, number[]> = { bare: [], negiz: [] };
  for (let b = 0; b < blocks; b++) {
    const sides = (
      [
        ['bare', bare, {}],
        ['negiz', negiz.app, { authorization: `Bearer ${token}` }],
      ] as Array<[string, FastifyInstance, Record<string, string>]>
    ).filter(([v]) => only(process.env.OVERHEAD_VARIANTS, ['bare', 'negiz']).includes(v));
    for (const [variant, app, headers] of b % 2 ? sides.reverse() : sides) {
      const r = await block(app, headers, queries[name], n);
      if (b > 0) {
        walls[variant]!.push(...r.wall);
        cpus[variant]!.push(r.cpuMs);
      }
    }
  }
  for (const variant of Object.keys(walls).filter((v) => walls[v]!.length))
    out[variant]![name] = { medianMs: Math.round(median(walls[variant]!) * 100) / 100, cpuMsPerRequest: Math.round(median(cpus[variant]!) * 100) / 100 };
}
console.log(JSON.stringify(out));
await negiz.app.close();
await apollo.stop();
await host.close();
