/**
 * The README's start command, end to end: `negiz start` in its own process (through the launcher, as `npm start`
 * runs it), a token from the development identity provider, one query with its basis over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negiz } from './run-negiz.ts';

const BIN = fileURLToPath(new URL('../bin/negiz.js', import.meta.url));
const RUNTIME = JSON.parse(readFileSync(new URL('../bin/runtime.json', import.meta.url), 'utf8')) as { serverFlags: string[] };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

interface Listening {
  pid: number;
  url: string;
  runtime: { node: string; flags: string[] };
}

let child: ChildProcess;
let listening: Listening;
let env: NodeJS.ProcessEnv;
let exited: Promise<number | null>;

beforeAll(async () => {
  const port = await freePort();
  env = { NEGIZ_HOME: mkdtempSync(join(tmpdir(), 'negiz-start-')), NEGIZ_PORT: String(port), NEGIZ_JUSTIFICATION_SHARE: '0', NEGIZ_LOG_LEVEL: 'info', NODE_OPTIONS: '' };
  child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  listening = await new Promise<Listening>((resolve, reject) => {
    let buffer = '';
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const entry = JSON.parse(line) as { msg?: string } & Listening;
        if (entry.msg === 'gateway listening') resolve(entry);
      }
    });
    child.once('exit', (code) => reject(new Error(`negiz start exited with ${code}: ${errors.slice(0, 500)}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
});

describe('negiz start', () => {
  it('runs the gateway in the launched process itself, with the V8 settings of runtime.json', () => {
    expect(listening.pid).toBe(child.pid);
    expect(listening.runtime.node).toMatch(/^v24\./);
    expect(listening.runtime.flags).toEqual(RUNTIME.serverFlags);
  });

  it('answers a demo investigator with data and a journal receipt, and refuses a request without a basis', async () => {
    const token = JSON.parse((await negiz(['token', '--user', 'investigator.police', '--json'], env)).stdout) as { token: string };
    const cases = JSON.parse((await negiz(['mocks', 'cases', '--user', 'investigator.police', '--json'], env)).stdout) as Array<{
      number: string;
      basis: string;
      status: string;
      subjects: Array<{ iin?: string }>;
    }>;
    const open = cases.find((c) => c.basis === 'CRIMINAL' && c.status === 'OPEN' && c.subjects.some((s) => s.iin))!;
    const iin = open.subjects.find((s) => s.iin)!.iin!;
    const ask = (extensions: object | undefined) =>
      fetch(listening.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.token}` },
        body: JSON.stringify({ query: 'query Person($iin: IIN!) { person(iin: $iin) { lastName } }', variables: { iin }, extensions }),
      });
    const answered = await ask({ basis: { type: 'CRIMINAL', number: open.number } });
    expect(answered.status).toBe(200);
    const body = (await answered.json()) as { data: { person: { lastName: string } }; extensions: { journal: { id: string; leafHash: string } } };
    expect(body.data.person.lastName).toMatch(/\S/);
    expect(body.extensions.journal.leafHash).toMatch(/^[0-9a-f]{64}$/);
    const refused = await ask(undefined);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BASIS_REQUIRED');
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
