/**
 * Bare @apollo/gateway vs the Negiz gateway (authenticate + basis + policy + journal + signed contexts), same
 * subgraphs, same operations, one run: (a) four services on one person, (b) the full dossier of one person over
 * every service the basis allows. JSON in bench/results/gateway.json.
 *
 * Each gateway runs in its own process, pinned to the second core (taskset) while this driver keeps the first, so
 * the load generator never competes with the gateway it measures. Per query, after a warm-up, rounds alternate
 * between the gateways:
 *  - throughput: autocannon saturating the gateway (requests/s);
 *  - latency: requests at a fixed pace well below either gateway's capacity (LATENCY_SHARE of bare's throughput),
 *    timed here to the microsecond: the median is what one user waits, without the queueing a saturated run adds
 *    (there, median latency is only connections / throughput);
 *  - peak memory: the highest RSS of the gateway's process sampled every 100 ms under both kinds of load.
 * Env: BENCH_SESSIONS (3: both gateways started afresh each time), BENCH_ROUNDS (2 per session and query),
 * BENCH_DURATION (s per run, default 8), BENCH_CONNECTIONS_A (16), BENCH_CONNECTIONS_B (4),
 * BENCH_WARMUP (s, 10), BENCH_QUERIES (a,b), BENCH_OUT (bench/results/gateway.json), BENCH_PIN (1; 0 = no taskset),
 * BENCH_NEGIZ_FLAGS (Node flags for Negiz; default those `negiz start` runs with, cli/bin/runtime.json).
 * Figures are medians over all rounds of all sessions; peak memory is the highest of any.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { defaultWorld } from '@negiz/mocks';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { BENCH_CASE, BENCH_USER, dossierQuery, fourServiceQuery } from './queries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const LATENCY_SHARE = 0.25;
const NEGIZ_RUNTIME = JSON.parse(readFileSync(new URL('../../cli/bin/runtime.json', import.meta.url), 'utf8')) as { serverFlags: string[] };
const CONNECTIONS = { a: Number(process.env.BENCH_CONNECTIONS_A ?? 16), b: Number(process.env.BENCH_CONNECTIONS_B ?? 4) };

const NAMES = (process.env.BENCH_QUERIES ?? 'a,b').split(',').filter((n): n is 'a' | 'b' => n === 'a' || n === 'b');
const facts = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const iin = defaultWorld().personAt(0).iin;
const queries = {
  a: fourServiceQuery(facts.apiSchema, facts, iin),
  b: dossierQuery(facts.apiSchema, facts, iin, BENCH_USER.role, BENCH_CASE.type, BENCH_CASE.articles),
};

// Pin this driver to the first core and each gateway to the second, where there are two cores and taskset.
const PIN = process.env.BENCH_PIN !== '0' && cpus().length >= 2 && hasTaskset();
function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface Started {
  child: ChildProcess;
  token?: string;
}

function start(variant: 'bare' | 'negiz', port: number): Promise<Started> {
  return new Promise((resolve, reject) => {
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=${variant}.cpuprofile`] : [];
    // Negiz runs as `negiz start` runs it (the launcher's V8 settings); bare with Node's defaults.
    const nodeFlags = variant === 'bare' ? [] : (process.env.BENCH_NEGIZ_FLAGS?.split(' ').filter(Boolean) ?? NEGIZ_RUNTIME.serverFlags);
    const command = [process.execPath, ...nodeFlags, ...profile, `${here}/server.ts`, variant, String(port)];
    const pinned = PIN ? ['taskset', '-c', String(cpus().length - 1), ...command] : command;
    const child = spawn(pinned[0]!, pinned.slice(1), { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Samples the process's RSS every 100 ms until stopped; returns the highest, in MiB. */
function peakRss(pid: number): () => number {
  let peak = rssOf(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  return () => {
    clearInterval(sampler);
    return Math.round((peak / 1048576) * 10) / 10;
  };
}

async function load(url: string, headers: Record<string, string>, query: string, connections: number, duration: number, pid: number) {
  const peak = peakRss(pid);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body(query),
    connections,
    duration,
  });
  const peakRssMiB = peak();
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMiB,
  };
}

/** `rate` requests per second for `duration` seconds, each timed on its own, whatever the previous one does. */
async function paced(url: string, headers: Record<string, string>, query: string, rate: number, duration: number, pid: number) {
  const peak = peakRss(pid);
  const payload = body(query);
  const total = Math.max(1, Math.round(rate * duration));
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      (async () => {
        const t = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
        await response.arrayBuffer();
        if (response.status !== 200) failures++;
        latencies.push(performance.now() - t);
      })(),
    );
  }
  await Promise.all(inFlight);
  const peakRssMiB = peak();
  const sorted = latencies.sort((x, y) => x - y);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000) / 1000;
  return { rate, requests: total, failures, medianMs: at(0.5), p99Ms: at(0.99), peakRssMiB };
}

// Same data; subgraph errors may arrive in another order.
const canonical = (text: string) => {
  const r = JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; path?: unknown[] }> };
  return JSON.stringify({ data: r.data, errors: (r.errors ?? []).map((e) => `${e.message} ${JSON.stringify(e.path)}`).sort() });
};
type Run = Awaited<ReturnType<typeof load>> & { latency?: Awaited<ReturnType<typeof paced>> };
const VARIANTS = ['bare', 'negiz'] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 3);
const runs: Record<string, Record<string, Run[]>> = { bare: { a: [], b: [] }, negiz: { a: [], b: [] } };
const answers: Record<string, Record<string, string>> = { bare: {}, negiz: {} };
const rates: Partial<Record<'a' | 'b', number>> = {};
let port = 4600;
// The same code runs up to twice as fast in one process as in another started a minute later (seen here, on both
// gateways alike), so each session starts both gateways afresh; within a session, rounds alternate between them,
// so the noise of a shared machine falls on both alike.
for (let session = 0; session < SESSIONS; session++) {
  const running = new Map<string, { child: ChildProcess; url: string; headers: Record<string, string> }>();
  try {
    for (const variant of VARIANTS) {
      const { child, token } = await start(variant, ++port);
      running.set(variant, { child, url: `http://127.0.0.1:${port}/graphql`, headers: token ? { authorization: `Bearer ${token}` } : {} });
    }
    for (const name of NAMES) {
      for (const variant of VARIANTS) {
        const g = running.get(variant)!;
        const response = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body: body(queries[name]) });
        const answer = await response.text();
        answers[variant]![name] ??= answer;
        if (canonical(answer) !== canonical(answers[variant]![name]!)) throw new Error(`${variant} answered ${name} differently in session ${session + 1}`);
        if (WARMUP > 0) await load(g.url, g.headers, queries[name], CONNECTIONS[name], WARMUP, g.child.pid!);
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of (session + round) % 2 ? [...VARIANTS].reverse() : VARIANTS) {
          const g = running.get(variant)!;
          const run: Run = await load(g.url, g.headers, queries[name], CONNECTIONS[name], DURATION, g.child.pid!);
          // The pace is set once, from bare's first saturated round, and kept for every round of both gateways.
          // Bare runs first in the first round of the first session, so every paced run has bare's pace.
          if (variant === 'bare') rates[name] ??= Math.max(5, Math.round(run.requestsPerSecond * LATENCY_SHARE));
          run.latency = await paced(g.url, g.headers, queries[name], rates[name]!, DURATION, g.child.pid!);
          // The answer after the load must still be the answer before it (a degraded gateway answering errors fast
          // would otherwise look quick).
          const after = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', ...g.headers }, body: body(queries[name]) });
          (run as Run & { sameAnswerAfter?: boolean }).sameAnswerAfter = canonical(await after.text()) === canonical(answers[variant]![name]!);
          runs[variant]![name]!.push(run);
          console.log(variant, name, `session ${session + 1} round ${round + 1}`, JSON.stringify(run));
        }
      }
    }
  } finally {
    for (const { child } of running.values()) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
interface Result {
  requestsPerSecond: number;
  /** Under saturation (autocannon, whole milliseconds): mostly queueing. */
  saturatedMedianMs: number;
  saturatedP99Ms: number;
  /** At the fixed pace: what one request costs. */
  pacedRate: number;
  medianMs: number;
  p99Ms: number;
  peakRssMiB: number;
  requests: number;
  non2xx: number;
  errors: number;
  answerStable: boolean;
}
const results: Record<string, Record<string, Result>> = {};
for (const variant of VARIANTS) {
  results[variant] = {};
  for (const name of NAMES) {
    const rs = runs[variant]![name]!;
    results[variant]![name] = {
      requestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
      saturatedMedianMs: median(rs.map((r) => r.medianMs)),
      saturatedP99Ms: median(rs.map((r) => r.p99Ms)),
      pacedRate: rs[0]?.latency?.rate ?? 0,
      medianMs: median(rs.map((r) => r.latency!.medianMs)),
      p99Ms: median(rs.map((r) => r.latency!.p99Ms)),
      peakRssMiB: Math.max(...rs.flatMap((r) => [r.peakRssMiB, r.latency!.peakRssMiB])),
      requests: rs.reduce((n, r) => n + r.requests + r.latency!.requests, 0),
      non2xx: rs.reduce((n, r) => n + r.non2xx + r.latency!.failures, 0),
      errors: rs.reduce((n, r) => n + r.errors + r.timeouts, 0),
      answerStable: rs.every((r) => (r as Run & { sameAnswerAfter?: boolean }).sameAnswerAfter === true),
    };
  }
}

const same = (name: 'a' | 'b') => canonical(answers.bare![name]!) === canonical(answers.negiz![name]!);
const ratio = (name: 'a' | 'b') => ({
  throughput: Math.round((results.negiz![name]!.requestsPerSecond / results.bare![name]!.requestsPerSecond) * 1000) / 1000,
  addedMedianMs: Math.round((results.negiz![name]!.medianMs - results.bare![name]!.medianMs) * 1000) / 1000,
  peakMemory: Math.round((results.negiz![name]!.peakRssMiB / results.bare![name]!.peakRssMiB) * 1000) / 1000,
  sameAnswer: same(name),
});
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1073741824), node: process.version },
  settings: {
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    sessions: SESSIONS,
    roundsPerSession: ROUNDS,
    connections: CONNECTIONS,
    latencyShareOfBareThroughput: LATENCY_SHARE,
    pinned: PIN,
    negizNodeFlags: process.env.BENCH_NEGIZ_FLAGS ?? NEGIZ_RUNTIME.serverFlags.join(' '),
  },
  runs,
  queries: { a: { services: 4, bytes: queries.a.length }, b: { services: 'all the basis allows', bytes: queries.b.length } },
  results,
  negizVersusBare: Object.fromEntries(NAMES.map((name) => [name, ratio(name)])),
};
const out = process.env.BENCH_OUT ?? `${here}/../results/gateway.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.negizVersusBare, null, 2));
if (process.env.BENCH_DUMP) writeFileSync('/tmp/bench-answers.json', JSON.stringify(answers));
