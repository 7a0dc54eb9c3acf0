/**
 * `negiz cluster` as an operator runs it: the URLs printed, a token from the printed NEGIZ_HOME, a query through
 * the gateway over HTTP subgraphs, then SIGTERM stops every process it started.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { negiz } from './run-negiz.ts';

const BIN = fileURLToPath(new URL('../bin/negiz.js', import.meta.url));

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('negiz cluster', () => {
  it('prints its URLs, serves a query over HTTP subgraphs, and stops every process on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'cluster', '--gateways', '1', '--subgraph-hosts', '2'], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ctrl-C stops every process')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`negiz cluster exited with ${code}: ${output.slice(0, 800)}`)));
    });
    const gateway = /gateway at (\S+)/.exec(output)![1]!;
    expect(output.match(/subgraph host at http:\/\/127\.0\.0\.1:\d+ \((\d+) services\)/g)).toHaveLength(2);
    expect(output).toMatch(/case registry and user register at http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/journal at postgres:\/\/.*\/negiz_cluster_\d+_\d+ \(dropped when stopped\)/);
    const home = /NEGIZ_HOME=(\S+) negiz token/.exec(output)![1]!;
    const token = (await negiz(['token', '--user', 'investigator.police'], { NEGIZ_HOME: home })).stdout.trim();
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ person(iin: "850301300012") { __typename } }',
        extensions: { basis: { type: 'CRIMINAL', number: '261889032000022', reason: 'the cluster command test' } },
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { extensions?: { journal?: { id: string } } }).extensions?.journal?.id).toMatch(/^\d+$/);

    const started = childrenOf(child.pid!);
    expect(started).toHaveLength(3);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(started.filter(alive)).toEqual([]);
  }, 90_000);
});
