/**
 * Negiz against its peers, every gateway over the same HTTP subgraphs, in one command (`npm run bench -- peers`):
 *  - `negiz`: Negiz, all stages, the embedded journal (the `negiz start` default), subgraphs over HTTP;
 *  - `negiz-pg`: the same with the journal and the account register on PostgreSQL, as in production (two fresh
 *    databases on BENCH_PG, dropped afterwards);
 *  - `negiz-inprocess`: `negiz start` as a user runs it (subgraphs in-process, default settings), embedded journal;
 *  - `apollo`: bare @apollo/gateway over HTTP;
 *  - `hive`: Hive Gateway's runtime over HTTP (its default JavaScript planner);
 *  - `hive-rust`: the same with Hive Router's Rust query planner (@graphql-hive/router-runtime).
 * Operations: (a) four services on one person, 16 connections; (b) the dossier of one person over every service a
 * criminal case with a Chapter 8 article opens to role 3, 4 connections (queries.ts: the demo user and case).
 *
 * Per session: one `negiz serve-subgraphs` (all 93 services on one port) pinned to core 0, each gateway in its own
 * process pinned to core 1, this driver (autocannon) on core 0 with the subgraphs. The Negiz variants are started
 * through the CLI (negiz.ts), the peers from servers/<name>.ts; the peers have none of Negiz's stages and send one
 * pre-signed context to every subgraph (servers/context.ts). Before any load, each gateway's answer to each
 * operation must equal Negiz's (data and sorted error messages with paths; Negiz's own `extensions` left out) or
 * the run stops; after each round the answer must still be the same (`sameAnswerAfter`). Per operation, every
 * gateway is warmed up, then rounds alternate the order of the gateways; each round is one saturating autocannon
 * run per gateway (req/s, p50 and p99 of its latencies), the gateway's RSS sampled every 100 ms (peak).
 *
 * Env: BENCH_SESSIONS (1: all gateways started afresh each session), BENCH_ROUNDS (3 per session and operation),
 * BENCH_DURATION (s per run, 8), BENCH_WARMUP (s, 5), BENCH_GATEWAYS (comma list, default all six), BENCH_QUERIES
 * (a,b), BENCH_CONNECTIONS_A (16), BENCH_CONNECTIONS_B (4), BENCH_PG (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_OUT (bench/results/peers.json), BENCH_PIN (1; 0 = no taskset), BENCH_VERBOSE (1: the children's logs),
 * BENCH_HIVE_DEDUPE (1, Hive's default: identical subgraph queries in flight together are made once; 0: off),
 * BENCH_NEGIZ_SETTINGS (JSON of NEGIZ_* values for the Negiz variants, for before/after runs: negiz.ts).
 * Figures are medians over all rounds of all sessions; peak RSS is the highest of any round. Prints a markdown table
 * and each Negiz variant's throughput over the best peer's of the same run. Exits 1 when a check fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ask, canonical, load, type Run } from './load.ts';
import { cleanEnv, journalDatabase, negizSettings, startNegiz, startSubgraphs, type ContextKeyPair, type NegizVariant } from './negiz.ts';
import { contextKeyPair } from '@negiz/gateway/development/cluster.ts';
import { PIN, startPinned, type Child } from './processes.ts';
import { BASIS, body, CASE, CLAIMS, QUERIES, USER, type QueryName } from './queries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const ALL = ['negiz', 'negiz-pg', 'negiz-inprocess', 'apollo', 'hive', 'hive-rust'] as const;
type Gateway = (typeof ALL)[number];
const NEGIZ_VARIANTS: readonly Gateway[] = ['negiz', 'negiz-pg', 'negiz-inprocess'];
const PEERS: readonly Gateway[] = ['apollo', 'hive', 'hive-rust'];

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CONNECTIONS: Record<QueryName, number> = { a: Number(process.env.BENCH_CONNECTIONS_A ?? 16), b: Number(process.env.BENCH_CONNECTIONS_B ?? 4) };
const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUT = process.env.BENCH_OUT ?? `${here}/../results/peers.json`;
const SUBGRAPH_CORE = 0;
const GATEWAY_CORE = cpus().length - 1;

function list<T extends string>(variable: string, all: readonly T[]): T[] {
  const wanted = (process.env[variable] ?? all.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((w) => !all.includes(w as T));
  if (unknown.length || !wanted.length) {
    console.error(`bench peers: ${variable} has ${unknown.join(', ') || 'nothing'}; choose from ${all.join(', ')}`);
    process.exit(2);
  }
  return all.filter((name) => wanted.includes(name));
}
const GATEWAYS = list('BENCH_GATEWAYS', ALL);
const NAMES = list<QueryName>('BENCH_QUERIES', ['a', 'b']);
// Every gateway's answer is checked against Negiz's (the first Negiz variant run), or the first gateway's without one.
const REFERENCE = GATEWAYS.find((g) => NEGIZ_VARIANTS.includes(g)) ?? GATEWAYS[0]!;

interface Running {
  child: Child;
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}

async function startPeer(name: Gateway, subgraphBaseUrl: string, keys: ContextKeyPair): Promise<Running> {
  const env = {
    ...cleanEnv(),
    BENCH_SUBGRAPH_BASE_URL: subgraphBaseUrl,
    NEGIZ_CONTEXT_PRIVATE_KEY: keys.privateKey,
    BENCH_CONTEXT_CLAIMS: JSON.stringify(CLAIMS),
  };
  const { child, found } = await startPinned(
    name,
    GATEWAY_CORE,
    [process.execPath, `${here}/servers/${name}.ts`, '0'],
    env,
    (line) => /^ready \S+ (\S+)/.exec(line)?.[1],
  );
  return { child, url: found, headers: {}, close: () => child.stop() };
}

/** The installed version of a package (its package.json, wherever npm put it). */
function versionOf(name: string): string | undefined {
  for (const dir of [`${here}/node_modules`, `${here}/../node_modules`, `${here}/../../node_modules`]) {
    const file = `${dir}/${name}/package.json`;
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// Stopped on any exit path: the gateways, the subgraphs, the journal database.
const cleanups = new Set<() => Promise<void>>();
async function cleanUp(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((c) => c()));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench peers: ${signal}, stopping every process`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const runs = Object.fromEntries(GATEWAYS.map((g) => [g, { a: [] as Run[], b: [] as Run[] }])) as Record<Gateway, Record<QueryName, Run[]>>;
const answers = Object.fromEntries(GATEWAYS.map((g) => [g, {}])) as Record<Gateway, Partial<Record<QueryName, string>>>;
const started: Record<string, number[]> = {};

console.log(
  `peers: ${GATEWAYS.join(', ')}; queries ${NAMES.join(', ')}; ${SESSIONS} session(s) x ${ROUNDS} round(s) of ${DURATION} s after ${WARMUP} s warm-up; ` +
    `user ${USER.login}, ${CASE.type} case ${CASE.number} (${CASE.articles.join(', ')}); pinned: ${PIN}`,
);
try {
  for (let session = 0; session < SESSIONS; session++) {
    const keys = contextKeyPair();
    const running = new Map<Gateway, Running>();
    const subgraphs = await startSubgraphs(SUBGRAPH_CORE, keys);
    const stopSubgraphs = () => subgraphs.child.stop();
    cleanups.add(stopSubgraphs);
    const database = GATEWAYS.includes('negiz-pg') ? await journalDatabase(PG, session + 1) : undefined;
    if (database) cleanups.add(database.drop);
    const accountsDatabase = GATEWAYS.includes('negiz-pg') ? await journalDatabase(PG, session + 1, 'accounts') : undefined;
    if (accountsDatabase) cleanups.add(accountsDatabase.drop);
    try {
      for (const name of GATEWAYS) {
        const t = performance.now();
        const gateway = NEGIZ_VARIANTS.includes(name)
          ? await startNegiz(name as NegizVariant, {
              core: GATEWAY_CORE,
              login: USER.login,
              subgraphBaseUrl: subgraphs.baseUrl,
              keys,
              ...(database ? { journalUrl: database.url } : {}),
              ...(accountsDatabase ? { accountsUrl: accountsDatabase.url } : {}),
            })
          : await startPeer(name, subgraphs.baseUrl, keys);
        running.set(name, gateway);
        cleanups.add(gateway.close);
        (started[name] ??= []).push(round((performance.now() - t) / 1000));
        console.log(`${name}: ${gateway.url} (pid ${gateway.child.process.pid!}, started in ${round((performance.now() - t) / 1000)} s)`);
      }

      // The data check: the same answer from every gateway, and from each the same as in the first session.
      for (const name of NAMES) {
        const seen = new Map<Gateway, string>();
        for (const g of GATEWAYS) {
          const gateway = running.get(g)!;
          const { status, text } = await ask(gateway.url, gateway.headers, body(name));
          const answer = canonical(status, text);
          answers[g][name] ??= answer;
          if (answer !== answers[g][name]) throw new Error(`${g} answered (${name}) differently in session ${session + 1} than in session 1`);
          seen.set(g, answer);
        }
        const expected = seen.get(REFERENCE)!;
        if (!/^\{"status":200,"data":\{"person":\{/.test(expected)) throw new Error(`${REFERENCE} gave no person for (${name}): ${expected.slice(0, 400)}`);
        for (const [g, answer] of seen) {
          if (answer === expected) continue;
          const at = [...answer].findIndex((c, i) => c !== expected[i]);
          throw new Error(
            `${g}'s answer to (${name}) is not ${REFERENCE}'s; first difference at character ${at}:\n` +
              `  ${REFERENCE}: ...${expected.slice(Math.max(0, at - 120), at + 200)}\n  ${g}: ...${answer.slice(Math.max(0, at - 120), at + 200)}`,
          );
        }
        console.log(`(${name}) every gateway gives ${REFERENCE}'s answer (${expected.length} characters canonical)`);
      }

      for (const name of NAMES) {
        if (WARMUP > 0) {
          for (const g of GATEWAYS) {
            const gateway = running.get(g)!;
            await load(gateway.url, gateway.headers, body(name), CONNECTIONS[name], WARMUP, gateway.child.process.pid!);
          }
        }
        for (let r = 0; r < ROUNDS; r++) {
          for (const g of (session + r) % 2 ? [...GATEWAYS].reverse() : GATEWAYS) {
            const gateway = running.get(g)!;
            const run = await load(
              gateway.url,
              gateway.headers,
              body(name),
              CONNECTIONS[name],
              DURATION,
              gateway.child.process.pid!,
              subgraphs.child.process.pid!,
            );
            // A degraded gateway answering errors fast would otherwise look quick.
            const after = await ask(gateway.url, gateway.headers, body(name));
            run.sameAnswerAfter = canonical(after.status, after.text) === answers[g][name];
            runs[g][name].push(run);
            console.log(`${g} (${name}) session ${session + 1} round ${r + 1}: ${JSON.stringify(run)}`);
          }
        }
      }
    } finally {
      await Promise.allSettled([...running.values()].map((g) => (cleanups.delete(g.close), g.close())));
      cleanups.delete(stopSubgraphs);
      await stopSubgraphs();
      for (const db of [database, accountsDatabase]) {
        if (!db) continue;
        cleanups.delete(db.drop);
        await db.drop();
      }
    }
  }
} catch (error) {
  await cleanUp();
  console.error(`bench peers: FAILED: ${(error as Error).message}`);
  process.exit(1);
}

interface Result {
  requestsPerSecond: number;
  perRound: number[];
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number;
  /** The gateway's CPU under load (% of one core), its and the subgraphs' CPU per request (ms): medians. */
  gatewayCpuPercent: number;
  gatewayCpuMsPerRequest: number;
  subgraphsCpuMsPerRequest: number;
  requests: number;
  non2xx: number;
  errors: number;
  answerStable: boolean;
}
const results = {} as Record<Gateway, Partial<Record<QueryName, Result>>>;
for (const g of GATEWAYS) {
  results[g] = {};
  for (const name of NAMES) {
    const rs = runs[g][name];
    results[g][name] = {
      requestsPerSecond: round(median(rs.map((r) => r.requestsPerSecond))),
      perRound: rs.map((r) => r.requestsPerSecond),
      p50Ms: median(rs.map((r) => r.p50Ms)),
      p99Ms: median(rs.map((r) => r.p99Ms)),
      peakRssMiB: Math.max(...rs.map((r) => r.peakRssMiB)),
      gatewayCpuPercent: median(rs.map((r) => r.gatewayCpuPercent)),
      gatewayCpuMsPerRequest: median(rs.map((r) => r.gatewayCpuMsPerRequest)),
      subgraphsCpuMsPerRequest: median(rs.map((r) => r.subgraphsCpuMsPerRequest ?? NaN)),
      requests: rs.reduce((n, r) => n + r.requests, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors + r.timeouts, 0),
      answerStable: rs.every((r) => r.sameAnswerAfter === true),
    };
  }
}

// Each Negiz variant's throughput over the best peer's of this run, per operation.
const peersRun = PEERS.filter((p) => GATEWAYS.includes(p));
const ratios: Record<string, Partial<Record<QueryName, { bestPeer: string; ratio: number }>>> = {};
for (const g of GATEWAYS.filter((v) => NEGIZ_VARIANTS.includes(v))) {
  ratios[g] = {};
  for (const name of NAMES) {
    const best = [...peersRun].sort((x, y) => results[y][name]!.requestsPerSecond - results[x][name]!.requestsPerSecond)[0];
    if (best) ratios[g][name] = { bestPeer: best, ratio: round(results[g][name]!.requestsPerSecond / results[best][name]!.requestsPerSecond, 3) };
  }
}

const failures = GATEWAYS.flatMap((g) =>
  NAMES.flatMap((name) => {
    const r = results[g][name]!;
    return [
      ...(r.answerStable ? [] : [`${g} (${name}): the answer after a round was not the answer before it`]),
      ...(r.non2xx ? [`${g} (${name}): ${r.non2xx} non-2xx answers`] : []),
      ...(r.errors ? [`${g} (${name}): ${r.errors} transport errors or timeouts`] : []),
    ];
  }),
);

const runtime = JSON.parse(readFileSync(new URL('../../cli/bin/runtime.json', import.meta.url), 'utf8')) as { serverFlags: string[] };
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1073741824), node: process.version, loadavg: loadavg() },
  settings: {
    sessions: SESSIONS,
    roundsPerSession: ROUNDS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    connections: CONNECTIONS,
    pinned: PIN ? { subgraphsAndDriver: SUBGRAPH_CORE, gateway: GATEWAY_CORE } : false,
    negizNodeFlags: runtime.serverFlags.join(' '),
    peerNodeFlags: "Node's defaults",
    hiveInflightDeduplication: process.env.BENCH_HIVE_DEDUPE !== '0',
    negizSettings: 'development mode, defaults except NEGIZ_LOG_LEVEL=warn, NEGIZ_RATE_REQUESTS and NEGIZ_RATE_SUBJECTS raised',
    negizSettingsOverride: negizSettings(),
  },
  versions: Object.fromEntries(
    [
      '@apollo/gateway',
      '@apollo/server',
      '@graphql-hive/gateway',
      '@graphql-hive/gateway-runtime',
      '@graphql-hive/router-runtime',
      '@graphql-hive/router-query-planner',
    ].map((p) => [p, versionOf(p)]),
  ),
  bench: { user: USER, basis: BASIS, case: { articles: CASE.articles, title: CASE.title, servicesOpened: CASE.services } },
  queries: Object.fromEntries(NAMES.map((name) => [name, { connections: CONNECTIONS[name], bytes: QUERIES[name].length }])),
  answerReference: REFERENCE,
  startSeconds: started,
  runs,
  results,
  negizOverBestPeer: ratios,
  failures,
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(summary, null, 2)}\n`);

const rps = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const cell = (g: Gateway, name: QueryName, f: (r: Result) => string) => (results[g][name] ? f(results[g][name]!) : '-');
const lines = [
  '| gateway | (a) req/s | (b) req/s | p50/p99 (a), (b) | peak RSS (a)/(b) MB |',
  '|---|---:|---:|---|---|',
  ...GATEWAYS.map(
    (g) =>
      `| ${g} | ${cell(g, 'a', (r) => rps(r.requestsPerSecond))} | ${cell(g, 'b', (r) => rps(r.requestsPerSecond))} | ` +
      `${cell(g, 'a', (r) => `${r.p50Ms}/${r.p99Ms} ms`)}, ${cell(g, 'b', (r) => `${r.p50Ms}/${r.p99Ms} ms`)} | ` +
      `${cell(g, 'a', (r) => String(Math.round(r.peakRssMiB)))}/${cell(g, 'b', (r) => String(Math.round(r.peakRssMiB)))} |`,
  ),
];
console.log(`\n${lines.join('\n')}\n`);
for (const [g, byQuery] of Object.entries(ratios)) {
  const parts = NAMES.flatMap((name) => (byQuery[name] ? [`(${name}) ${byQuery[name]!.ratio} of ${byQuery[name]!.bestPeer}`] : []));
  if (parts.length) console.log(`${g} over the best peer: ${parts.join(', ')}`);
}
console.log(`results in ${OUT}`);
if (failures.length) {
  console.error(`bench peers: FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
