/**
 * Child processes for the production shape on loopback (`negiz cluster`) and the benchmarks that start Negiz as
 * shipped: each started with its output kept (the last lines shown when it fails, or echoed), ready when a line
 * of its output says so, stopped with SIGTERM (SIGKILL after 10 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';

const STOP_TIMEOUT_MS = 10_000;

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last output (stdout and stderr), for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

export interface ChildOptions<T> {
  name: string;
  /** The program and its arguments (e.g. `[process.execPath, negiz, 'start']`, or behind `taskset -c 1`). */
  command: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Finds what the caller waits for in a line of output (an address); undefined: not yet. */
  ready: (line: string) => T | undefined;
  /** Echo the output on this process's stdout and stderr. */
  echo?: boolean;
  readyTimeoutMs?: number;
  /** Told the child as soon as it is spawned, so that a failed start elsewhere still stops it. */
  started?: (child: Child) => void;
}

export function startChild<T>(options: ChildOptions<T>): Promise<{ child: Child; found: T }> {
  const [program, ...args] = options.command;
  const proc = spawn(program!, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  let tail = '';
  const child: Child = {
    name: options.name,
    process: proc,
    tail: () => tail,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  options.started?.(child);
  return new Promise((resolve, reject) => {
    let resolved = false;
    let buffer = '';
    const timer = setTimeout(() => {
      void child.stop();
      reject(new Error(`${options.name} did not start within ${timeoutMs / 1000} s:\n${tail}`));
    }, timeoutMs);
    // Read to the end, ready or not: a full pipe would block the child.
    const read = (chunk: Buffer, sink: NodeJS.WriteStream) => {
      const text = chunk.toString();
      if (options.echo) sink.write(text);
      tail = (tail + text).slice(-4000);
      if (resolved) return;
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const found = options.ready(line);
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
      if (!resolved) reject(new Error(`${options.name} exited (${signal ?? code}) before it was ready:\n${tail}`));
    });
  });
}

/** Until the gateway answers /readyz with 200 (journal writable, registries reachable, supergraph loaded). */
export async function untilReady(graphqlUrl: string, timeoutMs = 90_000): Promise<void> {
  const url = graphqlUrl.replace(/\/graphql$/, '/readyz');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the gateway at ${graphqlUrl} did not become ready: ${last}`);
}
