/**
 * The suite's child processes: each started (pinned to one core with taskset where there are two cores), its output
 * kept (the last lines shown when it fails; `BENCH_VERBOSE=1` shows all of it), ready when a line of its output says
 * so, stopped with SIGTERM (SIGKILL after 10 s). RSS read from /proc/<pid>/status: a process started through taskset
 * and the negiz launcher keeps its pid (both exec, neither forks).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
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

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last output (stdout and stderr), for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

/** Starts `command` on `core` (when pinning) and resolves with what `ready` finds in a line of its output. */
export function startChild<T>(
  name: string,
  core: number,
  command: string[],
  env: NodeJS.ProcessEnv,
  ready: (line: string) => T | undefined,
  cwd?: string,
): Promise<{ child: Child; found: T }> {
  const argv = PIN ? ['taskset', '-c', String(core), ...command] : command;
  const proc = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  let tail = '';
  const child: Child = {
    name,
    process: proc,
    pid: proc.pid!,
    tail: () => tail,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    let resolved = false;
    let buffer = '';
    const timer = setTimeout(() => {
      void child.stop();
      reject(new Error(`${name} did not start within ${READY_TIMEOUT_MS / 1000} s:\n${tail}`));
    }, READY_TIMEOUT_MS);
    // Read to the end, ready or not: a full pipe would block the child.
    const read = (chunk: Buffer, sink: NodeJS.WriteStream) => {
      const text = chunk.toString();
      if (VERBOSE) sink.write(text);
      tail = (tail + text).slice(-4000);
      if (resolved) return;
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const found = ready(line);
        if (found === undefined) continue;
        resolved = true;
        clearTimeout(timer);
        resolve({ child, found });
        return;
      }
    };
    proc.stdout!.on('data', (chunk: Buffer) => read(chunk, process.stdout));
    proc.stderr!.on('data', (chunk: Buffer) => read(chunk, process.stderr));
    proc.once('error', (error) => (clearTimeout(timer), reject(error)));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!resolved) reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${tail}`));
      else if (code !== 0 && signal !== 'SIGTERM') console.error(`peers: ${name} exited (${signal ?? code}):\n${tail}`);
    });
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
