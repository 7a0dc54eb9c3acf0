/**
 * The README's start command, end to end: `negiz start` in its own process (through the launcher, as `npm start`
 * runs it), a token from the development identity provider, queries with their basis over real HTTP; then the
 * same gateway in front of `negiz serve-subgraphs` in another process (the subgraphs over HTTP, the context keys
 * from the environment), which must answer exactly the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negiz } from './run-negiz.ts';

const BIN = fileURLToPath(new URL('../bin/negiz.js', import.meta.url));
const RUNTIME = JSON.parse(readFileSync(new URL('../bin/runtime.json', import.meta.url), 'utf8')) as { serverFlags: string[] };
const QUERY = 'query Person($iin: IIN!) { person(iin: $iin) { lastName firstName vehicles { plate vin } } }';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

interface Started<T> {
  child: ChildProcess;
  ready: T;
  exited: Promise<number | null>;
}

/** Runs `negiz <args>` until a line of its standard output satisfies `ready`. */
function run<T>(args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => T | undefined): Promise<Started<T>> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const found = ready(line);
        if (found !== undefined) resolve({ child, ready: found, exited });
      }
    });
    child.once('exit', (code) => reject(new Error(`negiz ${args[0]} exited with ${code}: ${errors.slice(0, 500)}`)));
  });
}

interface Listening {
  pid: number;
  url: string;
  subgraphs: string;
  runtime: { node: string; flags: string[] };
}
/** Lines of the gateways' standard output that are not JSON log entries (there must be none). */
const stray: string[] = [];
const gatewayListening = (line: string): Listening | undefined => {
  let entry: { msg?: string } & Listening;
  try {
    entry = JSON.parse(line) as { msg?: string } & Listening;
  } catch {
    stray.push(line);
    return undefined;
  }
  return entry.msg === 'gateway listening' ? entry : undefined;
};

async function stop(started: Started<unknown> | undefined): Promise<number | null | undefined> {
  if (!started) return undefined;
  if (started.child.exitCode === null) started.child.kill('SIGTERM');
  return started.exited;
}

/** A demo investigator's token, an open criminal case of theirs and a person in it. */
async function investigator(env: NodeJS.ProcessEnv) {
  const { token } = JSON.parse((await negiz(['token', '--user', 'investigator.police', '--json'], env)).stdout) as { token: string };
  const cases = JSON.parse((await negiz(['mocks', 'cases', '--user', 'investigator.police', '--json'], env)).stdout) as Array<{
    number: string;
    basis: string;
    status: string;
    subjects: Array<{ iin?: string }>;
  }>;
  const open = cases.find((c) => c.basis === 'CRIMINAL' && c.status === 'OPEN' && c.subjects.some((s) => s.iin))!;
  return { token, number: open.number, iin: open.subjects.find((s) => s.iin)!.iin! };
}

async function ask(url: string, who: Awaited<ReturnType<typeof investigator>>, withBasis = true) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
    body: JSON.stringify({
      query: QUERY,
      variables: { iin: who.iin },
      ...(withBasis ? { extensions: { basis: { type: 'CRIMINAL', number: who.number } } } : {}),
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: { person: { lastName: string } };
      errors?: Array<{ extensions: { code: string } }>;
      extensions?: { journal: { leafHash: string } };
    },
  };
}

const baseEnv = async () => ({
  NEGIZ_HOME: mkdtempSync(join(tmpdir(), 'negiz-start-')),
  NEGIZ_PORT: String(await freePort()),
  NEGIZ_JUSTIFICATION_SHARE: '0',
  NEGIZ_LOG_LEVEL: 'info',
});
let inProcessAnswer: unknown;

describe('negiz start (everything in one process)', () => {
  let gateway: Started<Listening> | undefined;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    env = await baseEnv();
    gateway = await run(['start'], env, gatewayListening);
  }, 120_000);
  afterAll(() => stop(gateway));

  it('runs the gateway in the launched process itself, with the V8 settings of runtime.json', () => {
    expect(gateway!.ready.pid).toBe(gateway!.child.pid);
    expect(gateway!.ready.subgraphs).toBe('in-process');
    expect(gateway!.ready.runtime.node).toMatch(/^v24\./);
    expect(gateway!.ready.runtime.flags).toEqual(RUNTIME.serverFlags);
    // Its standard output is the JSON log and nothing else (log shippers parse it line by line).
    expect(stray).toEqual([]);
  });

  it('answers a demo investigator with data and a journal receipt, and refuses a request without a basis', async () => {
    const who = await investigator(env);
    const answered = await ask(gateway!.ready.url, who);
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data!.person.lastName).toMatch(/\S/);
    expect(answered.body.extensions!.journal.leafHash).toMatch(/^[0-9a-f]{64}$/);
    inProcessAnswer = answered.body.data;
    const refused = await ask(gateway!.ready.url, who, false);
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0]!.extensions.code).toBe('BASIS_REQUIRED');
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    expect(await stop(gateway)).toBe(0);
  }, 30_000);
});

describe('negiz start in front of negiz serve-subgraphs (subgraphs over HTTP)', () => {
  let subgraphs: Started<{ address: string }> | undefined;
  let gateway: Started<Listening> | undefined;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privateKey = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    subgraphs = await run(['serve-subgraphs', '--port', String(await freePort()), '--json'], { NEGIZ_CONTEXT_PUBLIC_KEY: publicKey }, (line) =>
      line.startsWith('{') ? (JSON.parse(line) as { address: string }) : undefined,
    );
    env = {
      ...(await baseEnv()),
      NEGIZ_SUBGRAPH_BASE_URL: subgraphs.ready.address,
      NEGIZ_CONTEXT_PRIVATE_KEY: privateKey,
      NEGIZ_CONTEXT_PUBLIC_KEY: publicKey,
    };
    gateway = await run(['start'], env, gatewayListening);
  }, 120_000);
  afterAll(async () => {
    await stop(gateway);
    await stop(subgraphs);
  });

  it('answers exactly what the in-process system answers, with its journal receipt', async () => {
    expect(gateway!.ready.subgraphs).toBe('http');
    const answered = await ask(gateway!.ready.url, await investigator(env));
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data).toEqual(inProcessAnswer);
    expect(answered.body.extensions!.journal.leafHash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('the subgraphs refuse a caller without the gateway context', async () => {
    const response = await fetch(`${subgraphs!.ready.address}/s01-individuals/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { lastName } } }',
        variables: { r: [{ __typename: 'Person', iin: '850301300012' }] },
      }),
    });
    const body = (await response.json()) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe('GATEWAY_CONTEXT_REQUIRED');
  });
});
