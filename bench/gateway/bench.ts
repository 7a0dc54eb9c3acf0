/**
 * Bare @apollo/gateway vs the Negiz gateway (authenticate + basis + policy + journal + signed contexts), same
 * subgraphs, same operations, one run: (a) four services on one person, (b) the full dossier of one person over
 * every service the basis allows. Throughput, median latency, peak memory under load; JSON in
 * bench/results/gateway.json. Each gateway runs in its own process; autocannon drives it over 127.0.0.1.
 * Env: BENCH_DURATION (s per run, default 10), BENCH_ROUNDS (3), BENCH_CONNECTIONS_A (16), BENCH_CONNECTIONS_B (4),
 * BENCH_WARMUP (s, 3). Figures are medians over the rounds; peak memory is the highest RSS sampled under load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { defaultWorld } from '@negiz/mocks';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { BENCH_CASE, BENCH_USER, dossierQuery, fourServiceQuery } from './queries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = { a: Number(process.env.BENCH_CONNECTIONS_A ?? 16), b: Number(process.env.BENCH_CONNECTIONS_B ?? 4) };

const facts = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const iin = defaultWorld().personAt(0).iin;
const queries = {
  a: fourServiceQuery(facts.apiSchema, facts, iin),
  b: dossierQuery(facts.apiSchema, facts, iin, BENCH_USER.role, BENCH_CASE.type, BENCH_CASE.articles),
};

interface Started {
  child: ChildProcess;
  token?: string;
}

function start(variant: 'bare' | 'negiz', port: number): Promise<Started> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=${variant}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, `${here}/server.ts`, variant, String(port)], { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] });
    let token: string | undefined;
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        if (line.startsWith('token ')) token = line.slice(6);
        if (line.startsWith('ready ')) resolve({ child, ...(token ? { token } : {}) });
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
    child.once('exit', (code) => reject(new Error(`${variant} exited with ${code}`)));
  });
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

function body(query: string): string {
  return JSON.stringify({ query, extensions: { basis: { type: BENCH_CASE.type, number: BENCH_CASE.number } } });
}

async function load(url: string, headers: Record<string, string>, query: string, connections: number, duration: number, pid: number) {
  let peak = rssOf(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body(query), connections, duration });
  clearInterval(sampler);
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMiB: Math.round((peak / 1048576) * 10) / 10,
  };
}

// Same data; subgraph errors may arrive in another order.
const canonical = (text: string) => {
  const r = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; path?: unknown[] }> };
  return JSON.stringify({ data: r.data, errors: (r.errors ?? []).map((e) => `${e.message} ${JSON.stringify(e.path)}`).sort() });
};
type Run = Awaited<ReturnType<typeof load>>;
const VARIANTS = ['bare', 'negiz'] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Both gateways stay up; rounds alternate between them, so the noise of a shared machine falls on both alike.
const running = new Map<string, { child: ChildProcess; url: string; headers: Record<string, string> }>();
let port = 4600;
for (const variant of VARIANTS) {
  const { child, token } = await start(variant, ++port);
  running.set(variant, { child, url: `http://127.0.0.1:${port}/graphql`, headers: token ? { authorization: `Bearer ${token}` } : {} });
}
const runs: Record<string, Record<string, Run[]>> = { bare: { a: [], b: [] }, negiz: { a: [], b: [] } };
const answers: Record<string, Record<string, string>> = { bare: {}, negiz: {} };
try {
  for (const name of ['a', 'b'] as const) {
    for (const variant of VARIANTS) {
      const g = running.get(variant)!;
      const response = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body: body(queries[name]) });
      answers[variant]![name] = await response.text();
      if (WARMUP > 0) await load(g.url, g.headers, queries[name], CONNECTIONS[name], WARMUP, g.child.pid!);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of round % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        const g = running.get(variant)!;
        const run = await load(g.url, g.headers, queries[name], CONNECTIONS[name], DURATION, g.child.pid!);
        // The answer after the load must still be the answer before it (a degraded gateway answering errors fast
        // would otherwise look quick).
        const after = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body: body(queries[name]) });
        (run as Run & { sameAnswerAfter?: boolean }).sameAnswerAfter = canonical(await after.text()) === canonical(answers[variant]![name]!);
        runs[variant]![name]!.push(run);
        console.log(variant, name, `round ${round + 1}`, JSON.stringify(run));
      }
    }
  }
} finally {
  for (const { child } of running.values()) {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const results: Record<string, Record<string, { requestsPerSecond: number; medianMs: number; p99Ms: number; peakRssMiB: number; requests: number; non2xx: number; errors: number; answerStable: boolean }>> = {};
for (const variant of VARIANTS) {
  results[variant] = {};
  for (const name of ['a', 'b'] as const) {
    const rs = runs[variant]![name]!;
    results[variant]![name] = {
      requestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
      medianMs: median(rs.map((r) => r.medianMs)),
      p99Ms: median(rs.map((r) => r.p99Ms)),
      peakRssMiB: Math.max(...rs.map((r) => r.peakRssMiB)),
      requests: rs.reduce((n, r) => n + r.requests, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors + r.timeouts, 0),
      answerStable: rs.every((r) => (r as Run & { sameAnswerAfter?: boolean }).sameAnswerAfter === true),
    };
  }
}

const same = (name: 'a' | 'b') => canonical(answers.bare![name]!) === canonical(answers.negiz![name]!);
const ratio = (name: 'a' | 'b') => ({
  throughput: Math.round((results.negiz![name]!.requestsPerSecond / results.bare![name]!.requestsPerSecond) * 1000) / 1000,
  addedMedianMs: results.negiz![name]!.medianMs - results.bare![name]!.medianMs,
  peakMemory: Math.round((results.negiz![name]!.peakRssMiB / results.bare![name]!.peakRssMiB) * 1000) / 1000,
  sameAnswer: same(name),
});
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1073741824), node: process.version },
  settings: { durationSeconds: DURATION, warmupSeconds: WARMUP, rounds: ROUNDS, connections: CONNECTIONS },
  runs,
  queries: { a: { services: 4, bytes: queries.a.length }, b: { services: 'all the basis allows', bytes: queries.b.length } },
  results,
  negizVersusBare: { a: ratio('a'), b: ratio('b') },
};
mkdirSync(`${here}/../results`, { recursive: true });
writeFileSync(`${here}/../results/gateway.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.negizVersusBare, null, 2));
if (process.env.BENCH_DUMP) writeFileSync('/tmp/bench-answers.json', JSON.stringify(answers));
