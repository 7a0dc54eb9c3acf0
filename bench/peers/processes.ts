/**
 * The suite's child processes: each pinned to one core with taskset where there are two cores, its output kept
 * (the last lines shown when it fails; `BENCH_VERBOSE=1` shows all of it). RSS read from /proc/<pid>/status: a
 * process started through taskset and the negiz launcher keeps its pid (both exec, neither forks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

import { startChild, type Child } from '@negiz/gateway/development/child-processes.ts';

const READY_TIMEOUT_MS = 120_000;
const VERBOSE = process.env.BENCH_VERBOSE === '1';

/** Whether to pin: two cores or more, taskset present, BENCH_PIN not 0. Pins this driver to core 0 when so. */
export const PIN = process.env.BENCH_PIN !== '0' && cpus().length >= 2 && pinSelf();
function pinSelf(): boolean {
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export type { Child };

/**
 * Starts `command` pinned to `core` (when pinning) and resolves with what `ready` finds in a line of its output
 * (child-processes.ts of the development wiring, as `negiz cluster` starts its processes).
 */
export function startPinned<T>(
  name: string,
  core: number,
  command: string[],
  env: NodeJS.ProcessEnv,
  ready: (line: string) => T | undefined,
): Promise<{ child: Child; found: T }> {
  return startChild({
    name,
    command: PIN ? ['taskset', '-c', String(core), ...command] : command,
    env,
    ready,
    echo: VERBOSE,
    readyTimeoutMs: READY_TIMEOUT_MS,
  });
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the process's RSS every 100 ms until the returned function is called; that returns the highest, in MiB. */
export function peakRss(pid: number): () => number {
  let peak = rssOf(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  return () => {
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));
    return Math.round((peak / 1048576) * 10) / 10;
  };
}
