/**
 * One saturating run of autocannon against a gateway (the driver's core), the gateway's peak RSS sampled meanwhile
 * and the CPU time of the gateway and of the subgraphs read around it, and the canonical form of an answer (what the data check compares).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { peakRss } from './processes.ts';

export interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakRssMiB: number;
  /** CPU time of the gateway's process over the run, in % of one core (100: the gateway was the bottleneck). */
  gatewayCpuPercent: number;
  /** CPU time per request answered, of the gateway's process and of the subgraphs' (which shares the driver's core). */
  gatewayCpuMsPerRequest: number;
  subgraphsCpuMsPerRequest?: number;
  /** The answer after the run is still the one before it (set by the driver). */
  sameAnswerAfter?: boolean;
}

/** utime + stime of a process, in seconds (/proc/<pid>/stat fields 14 and 15, at 100 ticks a second). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

export async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  connections: number,
  duration: number,
  pid: number,
  subgraphsPid?: number,
): Promise<Run> {
  const peak = peakRss(pid);
  const cpuBefore = [cpuSeconds(pid), subgraphsPid ? cpuSeconds(subgraphsPid) : NaN];
  const t = performance.now();
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, connections, duration });
  const wall = (performance.now() - t) / 1000;
  const gatewayCpu = cpuSeconds(pid) - cpuBefore[0]!;
  const perRequest = (seconds: number) => Math.round((seconds / Math.max(1, result.requests.total)) * 1e5) / 100;
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakRssMiB: peak(),
    gatewayCpuPercent: Math.round((gatewayCpu / wall) * 100),
    gatewayCpuMsPerRequest: perRequest(gatewayCpu),
    ...(subgraphsPid ? { subgraphsCpuMsPerRequest: perRequest(cpuSeconds(subgraphsPid) - cpuBefore[1]!) } : {}),
  };
}

/** One request: HTTP status and body text. */
export async function ask(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/**
 * The data and the sorted error messages with their paths: Negiz's own `extensions` (withheld fields, journal
 * receipt) and the order in which subgraph errors arrive are not part of the answer.
 */
export function canonical(status: number, text: string): string {
  let r: { data?: unknown; errors?: Array<{ message: string; path?: unknown[] }> };
  try {
    r = JSON.parse(text) as typeof r;
  } catch {
    return `HTTP ${status}: ${text.slice(0, 200)}`;
  }
  return JSON.stringify({ status, data: r.data ?? null, errors: (r.errors ?? []).map((e) => `${e.message} ${JSON.stringify(e.path ?? null)}`).sort() });
}
