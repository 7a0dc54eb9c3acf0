/**
 * The production shape under load: `negiz cluster` (gateway/src/development/cluster.ts) with two gateway
 * processes over three subgraph-host processes, the registries over HTTP and the journal in one fresh PostgreSQL
 * database, loaded on loopback across both replicas at once (one autocannon per gateway). Phase (a) the four-service
 * operation for about BENCH_DURATION seconds (60), then phase (b) the full dossier for about BENCH_DOSSIER_DURATION
 * (15), each after a warm-up of BENCH_WARMUP (5). Requests go in batches of a fixed count (about 5 s each), so
 * that every request sent has its response counted (a duration-bound run cuts requests in flight): then it asserts responses == journal entries (rows counted in the shared database) and zero
 * 5xx. Per-user budgets are raised through the gateways' settings (NEGIZ_RATE_*): the load is a few users on
 * loopback, not a harvesting pattern. CPU seconds of every process are read from /proc around each phase (cost per
 * request), and the journal's stored size per entry. JSON in bench/results/cluster.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defaultWorld } from '@negiz/mocks';
import { postgresClient } from '@negiz/journal/sql-client.ts';
import { startCluster, type Cluster } from '@negiz/gateway/development/cluster.ts';
import { amrOf, tokenUser } from '@negiz/gateway/development/demo-users.ts';
import { DEFAULT_SUPERGRAPH } from '@negiz/gateway/config.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { dossierQuery, fourServiceQuery } from '../gateway/queries.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 60);
const DOSSIER_DURATION = Number(process.env.BENCH_DOSSIER_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DOSSIER_CONNECTIONS = Number(process.env.BENCH_DOSSIER_CONNECTIONS ?? 2);
// Demo users of the mocks' world with an open CRIMINAL case of their own (npx negiz mocks cases --user ...).
const USERS = [{ login: 'investigator.police', basis: { type: 'CRIMINAL' as const, number: '261889032000022' } }];
const TICKS = 100;

/** utime + stime of a process, seconds (/proc/<pid>/stat fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}
/** Busy CPU seconds of the whole machine (every core, PostgreSQL, Redis and the load generator included). */
function machineBusySeconds(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3]! - n[4]!) / TICKS;
}

interface Target {
  url: string;
  token: string;
  body: string;
}

/** One batch of `amount` requests: every request sent is answered before it resolves, so the counts are exact. */
async function batch(target: Target, connections: number, amount: number, latencies: number[]) {
  const r = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: target.body,
    connections,
    amount,
    setupClient: (client) => client.on('response', (_status: number, _bytes: number, ms: number) => latencies.push(ms)),
  });
  return { requests: r.requests.total, seconds: r.duration, non2xx: r.non2xx, status5xx: r['5xx'], errors: r.errors + r.timeouts };
}

/** Batches of about 5 s each until `seconds` have passed (a duration-bound run would cut requests in flight uncounted). */
async function load(target: Target, connections: number, seconds: number, latencies: number[]) {
  const total = { requests: 0, non2xx: 0, status5xx: 0, errors: 0 };
  const started = Date.now();
  let amount = connections * 10;
  while ((Date.now() - started) / 1000 < seconds) {
    const r = await batch(target, connections, amount, latencies);
    total.requests += r.requests;
    total.non2xx += r.non2xx;
    total.status5xx += r.status5xx;
    total.errors += r.errors;
    amount = Math.max(connections * 10, Math.round((r.requests / (r.seconds || 1)) * 5));
  }
  return { ...total, seconds: Math.round((Date.now() - started) / 100) / 10 };
}
type Run = Awaited<ReturnType<typeof load>>;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

async function phase(cluster: Cluster, name: string, bodies: string[], tokens: string[], connections: number, seconds: number) {
  const targets = cluster.gateways.map((url, i) => ({ url, token: tokens[i % tokens.length]!, body: bodies[i % bodies.length]! }));
  for (const target of targets) {
    const first = (await (
      await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` }, body: target.body })
    ).json()) as { data?: { person?: unknown } };
    if (!first.data?.person) throw new Error(`${name}: ${target.url} answered no person: ${JSON.stringify(first).slice(0, 300)}`);
  }
  const warm = await Promise.all(targets.map((t) => load(t, connections, WARMUP, [])));
  const cpuBefore = cluster.processes.map(cpuSeconds);
  const busyBefore = machineBusySeconds();
  const started = Date.now();
  const latencies: number[] = [];
  const runs = await Promise.all(targets.map((t) => load(t, connections, seconds, latencies)));
  const wall = (Date.now() - started) / 1000;
  const cpu = cluster.processes.map((pid, i) => cpuSeconds(pid) - cpuBefore[i]!);
  const busy = machineBusySeconds() - busyBefore;
  const hostPids = new Set(cluster.subgraphHosts.map((h) => h.pid));
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const gatewayCpu = sum(cpu.filter((_, i) => !hostPids.has(cluster.processes[i]!)));
  const hostCpu = sum(cpu.filter((_, i) => hostPids.has(cluster.processes[i]!)));
  const perRequestMs = (s: number) => Math.round((s / requests) * 1e6) / 1e3;
  latencies.sort((a, b) => a - b);
  return {
    name,
    connectionsPerGateway: connections,
    sent: targets.length + sum(warm.map((r) => r.requests)) + requests,
    seconds: Math.round(wall * 10) / 10,
    requests,
    requestsPerSecond: Math.round((requests / wall) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    non2xx: sum(runs.map((r) => r.non2xx)),
    status5xx: sum(runs.map((r) => r.status5xx)),
    errors: sum(runs.map((r) => r.errors)),
    cpuMsPerRequest: { gateways: perRequestMs(gatewayCpu), subgraphHosts: perRequestMs(hostCpu), machine: perRequestMs(busy) },
    perGateway: runs as Run[],
  };
}

const facts = readSupergraph(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'));
const iin = defaultWorld().personAt(0).iin;
const cluster = await startCluster({
  gateways: 2,
  subgraphHosts: 3,
  gatewayEnv: { NEGIZ_RATE_REQUESTS: '100000000', NEGIZ_RATE_SUBJECTS: '100000000', NEGIZ_JUSTIFICATION_SHARE: '0' },
});
let summary: Record<string, unknown>;
try {
  console.log(`cluster: gateways ${cluster.gateways.join(' ')}; journal ${cluster.database}`);
  const users = USERS.map((u) => ({ ...u, user: tokenUser(u.login)! }));
  const tokens = await Promise.all(
    users.map(({ user }) => cluster.idp.issue({ login: user.login, role: user.role, organisation: user.organisation, amr: amrOf(user) })),
  );
  const bodyOf = (query: string) => users.map(({ basis }) => JSON.stringify({ query, extensions: { basis: { ...basis, reason: 'the cluster benchmark' } } }));
  const articles = (await cluster.registry.cases.findCase(USERS[0]!.basis.type, USERS[0]!.basis.number))?.articles ?? [];
  const four = await phase(cluster, 'a: four services on one person', bodyOf(fourServiceQuery(facts.apiSchema, facts, iin)), tokens, CONNECTIONS, DURATION);
  console.log(JSON.stringify({ ...four, perGateway: undefined }));
  const dossier = await phase(
    cluster,
    'b: the full dossier of one person',
    bodyOf(dossierQuery(facts.apiSchema, facts, iin, users[0]!.user.role, 'CRIMINAL', [...articles])),
    tokens,
    DOSSIER_CONNECTIONS,
    DOSSIER_DURATION,
  );
  console.log(JSON.stringify({ ...dossier, perGateway: undefined }));

  const db = postgresClient({ url: cluster.journalUrl, max: 1 });
  type Kind = { entries: number; bodyBytes: number; personalBodyBytes: number } | undefined;
  let journal: { entries: number; bytesPerEntry: number; bodyBytes: number; personalBodyBytes: number; byKind: { fourServices: Kind; dossier: Kind } };
  try {
    const [row] = (
      await db.query<{ entries: string; total: string; body: string; personal: string }>(
        `select (select count(*) from journal_entries) as entries,
                (select sum(pg_total_relation_size(c.oid)) from pg_class c
                  where c.relname in ('journal_entries', 'journal_personal') or c.oid in (select inhrelid from pg_inherits i join pg_class p on p.oid = i.inhparent
                    where p.relname in ('journal_entries', 'journal_personal'))) as total,
                (select avg(octet_length(body)) from journal_entries) as body,
                (select avg(octet_length(body)) from journal_personal) as personal`,
      )
    ).rows;
    // The sealed and personal bodies of each kind of entry: a dossier's lists the services it called.
    const kinds = (
      await db.query<{ dossier: boolean; n: string; body: string; personal: string }>(
        `select cardinality(e.services) > 10 as dossier, count(*) as n, avg(octet_length(e.body)) as body, avg(octet_length(p.body)) as personal
           from journal_entries e join journal_personal p on p.entry_id = e.id group by 1`,
      )
    ).rows;
    const kind = (dossier: boolean) => {
      const k = kinds.find((r) => r.dossier === dossier);
      return k ? { entries: Number(k.n), bodyBytes: Math.round(Number(k.body)), personalBodyBytes: Math.round(Number(k.personal)) } : undefined;
    };
    const entries = Number(row!.entries);
    journal = {
      entries,
      bytesPerEntry: Math.round(Number(row!.total) / entries),
      bodyBytes: Math.round(Number(row!.body)),
      personalBodyBytes: Math.round(Number(row!.personal)),
      byKind: { fourServices: kind(false), dossier: kind(true) },
    };
  } finally {
    await db.close();
  }
  const responses = four.sent + dossier.sent;
  summary = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1073741824), node: process.version, loadavg: loadavg() },
    shape: { gateways: cluster.gateways.length, subgraphHosts: cluster.subgraphHosts.map((h) => h.services.length), journal: 'PostgreSQL (one database)' },
    settings: { durationSeconds: DURATION, dossierDurationSeconds: DOSSIER_DURATION, users: USERS.length, budgets: 'raised (NEGIZ_RATE_*)' },
    phases: [four, dossier],
    journal,
    checks: {
      responses,
      journalEntries: journal.entries,
      responsesEqualEntries: responses === journal.entries,
      zero5xx: four.status5xx + dossier.status5xx === 0,
      zeroErrors: four.errors + dossier.errors === 0,
    },
  };
} finally {
  await cluster.close();
}
mkdirSync(`${here}/../results`, { recursive: true });
writeFileSync(`${here}/../results/cluster.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary.checks, null, 2));
const checks = summary.checks as Record<string, unknown>;
if (!checks.responsesEqualEntries || !checks.zero5xx || !checks.zeroErrors) {
  console.error('bench cluster: FAILED (responses != journal entries, a 5xx or a transport error)');
  process.exit(1);
}
