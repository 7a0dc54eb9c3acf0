/**
 * One gateway of the benchmark in its own process: `node server.ts <bare|negiz|negiz-journal> <port>`. Both variants host the
 * same subgraphs in-process (mocks over the synthetic world) and call them through the same in-process data
 * source; "bare" is @apollo/gateway on @apollo/server with nothing else (a context signed once at start, which the
 * subgraphs require), "negiz" is the full pipeline: authenticate, basis, policy, journal, signed contexts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { defaultWorld } from '@negiz/mocks';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { signGatewayContext } from '@negiz/subgraphs/context.ts';
import { createSubgraphHost } from '@negiz/subgraphs/host.ts';
import { InProcessGraphQLDataSource } from '@negiz/subgraphs/inprocess.ts';
import { devIdentityProvider } from '@negiz/gateway/authenticate/dev-idp.ts';
import { cachedUserRegistry, createAuthenticator, createTokenVerifier, jwksFromObject, MemoryUserRegistry } from '@negiz/gateway/authenticate/index.ts';
import { createBasisVerifier, MemoryCaseRegistry } from '@negiz/gateway/basis/index.ts';
import { createJournal, type Journal } from '@negiz/journal';
import { contextSigner, inProcessContextKeys } from '@negiz/gateway/execute/context-signer.ts';
import { buildGatewayServer } from '@negiz/gateway/server.ts';
import { BENCH_CASE, BENCH_USER } from './queries.ts';

const [variant, portText] = process.argv.slice(2);
const port = Number(portText);
const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const world = defaultWorld();
const keys = inProcessContextKeys();
const host = await createSubgraphHost({ world, publicKey: keys.publicKey });
const service = (name: string) => host.services.get(name)!;

let listen: () => Promise<void>;
if (variant === 'bare') {
  // The subgraphs refuse unsigned requests and contexts older than about a minute: one context per subgraph,
  // re-signed every 30 s in the background, is the cheapest context there is.
  const claims = { sub: BENCH_USER.login, role: 3, org: 'MVD', basis: { type: 'CRIMINAL' as const, number: BENCH_CASE.number }, articlesQualify: true };
  const tokens = new Map<string, string>();
  const resign = async () => {
    for (const name of host.services.keys()) tokens.set(name, await signGatewayContext(claims, { privateKey: keys.privateKey, audience: name, alg: keys.alg }));
  };
  await resign();
  setInterval(() => void resign(), 30_000).unref();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new InProcessGraphQLDataSource({ service: service(name), contextToken: () => tokens.get(name) }),
  });
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();
  app.post('/graphql', fastifyApolloHandler(apollo));
  listen = async () => void (await app.listen({ host: '127.0.0.1', port }));
} else {
  const idp = await devIdentityProvider(mkdtempSync(join(tmpdir(), 'negiz-bench-')));
  const users = cachedUserRegistry(new MemoryUserRegistry([{ login: BENCH_USER.login, status: 'ACTIVE', role: 3 }]));
  const cases = new MemoryCaseRegistry([
    { type: BENCH_CASE.type, number: BENCH_CASE.number, status: 'OPEN', assignees: [BENCH_USER.login], articles: BENCH_CASE.articles },
  ]);
  // "negiz": a journal that does an entry's serialisation and hashing but keeps nothing (journaling off);
  // "negiz-journal": the durable journal on PostgreSQL at BENCH_JOURNAL_URL (bench/journal-gateway).
  const durable = variant === 'negiz-journal' ? await createJournal({ url: process.env.BENCH_JOURNAL_URL!, devKeyPath: 'memory' }) : undefined;
  if (durable) process.once('SIGINT', () => void durable.close().finally(() => process.exit(0)));
  const journal: Journal = durable ?? {
    async record(entry) {
      const leafHash = createHash('sha256').update(JSON.stringify(entry)).digest('hex');
      return { id: '0', leafHash };
    },
    async close() {},
  };
  const server = await buildGatewayServer({
    // A load from one user on loopback: the per-user budgets would refuse it, every other limit applies.
    clients: { limits: { rate: { requests: 1e9, requestWindowSeconds: 60, subjects: 1e9, subjectWindowSeconds: 3600 } } },
    supergraphSdl,
    authenticate: createAuthenticator(createTokenVerifier({ keys: jwksFromObject(idp.jwks), issuer: idp.issuer, audience: idp.audience }), users),
    verifyBasis: createBasisVerifier({ registry: cases }),
    journal,
    dataSource: (name) => new InProcessGraphQLDataSource({ service: service(name) }),
    sign: contextSigner(keys.privateKey, keys.alg),
    logger: false,
    defaultMetrics: false,
  });
  const token = await idp.issue({ ...BENCH_USER, amr: ['hwk', 'fpt'] });
  process.stdout.write(`token ${token}\n`);
  listen = async () => void (await server.app.listen({ host: '127.0.0.1', port }));
}
await listen();
process.stdout.write(`ready ${variant} ${port}\n`);
// A clean exit on SIGINT lets --cpu-prof write its profile.
if (variant !== 'negiz-journal') process.once('SIGINT', () => process.exit(0));
