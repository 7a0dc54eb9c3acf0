/**
 * The gateway with journaling on (the durable journal on PostgreSQL, group commit) vs the same gateway with
 * journaling off (an entry serialised and hashed, nothing kept): issue 5 wants at least 85%. Same process layout as
 * bench/gateway (bench/gateway/server.ts, variants "negiz" and "negiz-journal"), operation (a), four services on
 * one person; rounds alternate. A fresh PostgreSQL database (BENCH_PG, default postgres://postgres@127.0.0.1:5432/test)
 * is created and dropped. Env: BENCH_DURATION (s, 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16), BENCH_WARMUP (3).
 * JSON in bench/results/journal-gateway.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { defaultWorld } from '@negiz/mocks';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { BENCH_CASE, fourServiceQuery } from '../gateway/queries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ADMIN = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const VARIANTS = ['negiz', 'negiz-journal'] as const;

const facts = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const query = fourServiceQuery(facts.apiSchema, facts, defaultWorld().personAt(0).iin);
const body = JSON.stringify({ query, extensions: { basis: { type: BENCH_CASE.type, number: BENCH_CASE.number } } });

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function start(variant: string, port: number, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; token: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${here}/../gateway/server.ts`, variant, String(port)], {
      cwd: `${here}/../gateway`,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let token = '';
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        if (line.startsWith('token ')) token = line.slice(6);
        if (line.startsWith('ready ')) resolve({ child, token });
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => reject(new Error(`${variant} exited with ${code}`)));
  });
}

async function load(url: string, token: string, duration: number) {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections: CONNECTIONS,
    duration,
  });
  return {
    requestsPerSecond: Math.round(r.requests.average * 10) / 10,
    medianMs: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

const database = `negiz_bench_journal_${randomBytes(4).toString('hex')}`;
await admin(`create database ${database}`);
const journalUrl = ADMIN.replace(/\/[^/]*$/, `/${database}`);
const running = new Map<string, { child: ChildProcess; url: string; token: string }>();
type Run = Awaited<ReturnType<typeof load>>;
const runs: Record<string, Run[]> = { negiz: [], 'negiz-journal': [] };
let entries = 0;
try {
  let port = 4700;
  for (const variant of VARIANTS) {
    const { child, token } = await start(variant, ++port, { ...process.env, BENCH_JOURNAL_URL: journalUrl });
    running.set(variant, { child, url: `http://127.0.0.1:${port}/graphql`, token });
  }
  for (const variant of VARIANTS) {
    const g = running.get(variant)!;
    const first = (await (
      await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${g.token}` }, body })
    ).json()) as { data?: unknown; extensions?: unknown };
    if (!first.data) throw new Error(`${variant} answered no data: ${JSON.stringify(first).slice(0, 300)}`);
    if (WARMUP > 0) await load(g.url, g.token, WARMUP);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 ? [...VARIANTS].reverse() : VARIANTS) {
      const g = running.get(variant)!;
      const run = await load(g.url, g.token, DURATION);
      runs[variant]!.push(run);
      console.log(variant, `round ${round + 1}`, JSON.stringify(run));
    }
  }
} finally {
  for (const { child } of running.values()) {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const client = new pg.Client({ connectionString: journalUrl });
  await client.connect().then(
    async () => {
      entries = Number((await client.query('select count(*)::int as n from journal_entries')).rows[0].n);
      await client.end();
    },
    () => undefined,
  );
  await admin(`drop database if exists ${database} with (force)`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const results = Object.fromEntries(
  VARIANTS.map((v) => [
    v,
    {
      requestsPerSecond: median(runs[v]!.map((r) => r.requestsPerSecond)),
      medianMs: median(runs[v]!.map((r) => r.medianMs)),
      p99Ms: median(runs[v]!.map((r) => r.p99Ms)),
      requests: runs[v]!.reduce((n, r) => n + r.requests, 0),
      non2xx: runs[v]!.reduce((n, r) => n + r.non2xx, 0),
      errors: runs[v]!.reduce((n, r) => n + r.errors, 0),
    },
  ]),
) as Record<(typeof VARIANTS)[number], { requestsPerSecond: number; medianMs: number; p99Ms: number; requests: number; non2xx: number; errors: number }>;
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1073741824), node: process.version },
  settings: { durationSeconds: DURATION, warmupSeconds: WARMUP, rounds: ROUNDS, connections: CONNECTIONS, operation: 'a: four services on one person' },
  runs,
  results,
  journaledEntries: entries,
  journalOnVersusOff: {
    throughput: Math.round((results['negiz-journal'].requestsPerSecond / results.negiz.requestsPerSecond) * 1000) / 1000,
    addedMedianMs: results['negiz-journal'].medianMs - results.negiz.medianMs,
    target: 0.85,
  },
};
mkdirSync(`${here}/../results`, { recursive: true });
writeFileSync(`${here}/../results/journal-gateway.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.journalOnVersusOff, null, 2));
