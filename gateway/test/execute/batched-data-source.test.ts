import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SubgraphBatches, subgraphHostOf } from '../../src/execute/batched-data-source.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

const CRIMINAL = { type: 'CRIMINAL', number: '241500031000123' };
// After s01's person, s05's and s11's entity fetches run in parallel: one batch.
const QUERY = `query Look($iin: IIN!) { person(iin: $iin) { lastName vehicles { plate } pensionContributions { period } } }`;

let batched: Harness;
let inProcess: Harness;
beforeAll(async () => {
  const users = [{ login: 'inv1', status: 'ACTIVE' as const, role: 3 }];
  [batched, inProcess] = await Promise.all([startHarness({ users, transport: 'batch' }), startHarness({ users })]);
  for (const h of [batched, inProcess]) {
    h.cases.cases.set(`CRIMINAL:${CRIMINAL.number}`, { type: 'CRIMINAL', number: CRIMINAL.number, status: 'OPEN', assignees: ['inv1'], articles: ['190'] });
  }
});
afterAll(async () => {
  await Promise.all([batched?.close(), inProcess?.close()]);
});
beforeEach(() => {
  batched.hostRequests.length = 0;
});

async function ask(h: Harness, variables: Record<string, unknown> = { iin: IIN }) {
  const token = await h.token({ login: 'inv1' });
  return post(h, { query: QUERY, variables, extensions: { basis: CRIMINAL } }, { authorization: `Bearer ${token}` });
}

describe('subgraphs over HTTP in batches', () => {
  it('answers as the in-process path does, one POST /batch per step of the plan', async () => {
    const [overHttp, local] = await Promise.all([ask(batched), ask(inProcess)]);
    expect(overHttp.status).toBe(200);
    expect(overHttp.body.errors).toBeUndefined();
    expect((overHttp.body.data as { person: { vehicles: unknown[] } }).person.vehicles.length).toBeGreaterThan(0);
    expect(overHttp.body.data).toEqual(local.body.data);
    expect(batched.hostRequests).toEqual(['POST /batch', 'POST /batch']);
    expect(batched.journal.entries.at(-1)!.servicesCalled.sort()).toEqual(['s01-individuals', 's05-vehicles', 's11-pension-contributions']);
  });

  it('sends the calls of concurrent operations together', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(batched)));
    for (const answer of answers) expect(answer.body.data).toEqual(answers[0]!.body.data);
    // Six operations of two steps each: twelve requests one by one, far fewer together.
    expect(batched.hostRequests.length).toBeGreaterThanOrEqual(2);
    expect(batched.hostRequests.length).toBeLessThan(12);
  });

  it('refuses a malformed IIN at the door, without a call to the host', async () => {
    const other = await ask(batched, { iin: '850301300013' });
    expect(other.status).toBe(400);
    expect(other.body.errors![0]!.extensions!.code).toBe('INVALID_IIN');
    expect(batched.hostRequests).toEqual([]);
  });
});

describe('subgraphHostOf', () => {
  it('names the host of a URL of the shape negiz serve-subgraphs serves, and of no other', () => {
    expect(subgraphHostOf('http://10.0.0.7:4001/s05-vehicles/graphql', 's05-vehicles')).toBe('http://10.0.0.7:4001');
    expect(subgraphHostOf('https://subgraphs.internal/negiz/s05-vehicles/graphql', 's05-vehicles')).toBe('https://subgraphs.internal/negiz');
    expect(subgraphHostOf('http://vehicles.internal/graphql', 's05-vehicles')).toBeUndefined();
    expect(subgraphHostOf('http://h:1/s01-individuals/graphql', 's05-vehicles')).toBeUndefined();
    expect(subgraphHostOf('http://h:1/s05-vehicles/graphql?x=1', 's05-vehicles')).toBeUndefined();
    expect(subgraphHostOf('inprocess://s05-vehicles/graphql', 's05-vehicles')).toBeUndefined();
    expect(subgraphHostOf('/s05-vehicles/graphql', 's05-vehicles')).toBeUndefined();
  });
});

describe('SubgraphBatches', () => {
  let plain: Server;
  let base: string;
  beforeAll(async () => {
    plain = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

  it('answers every call with a clear error when the host has no batch route', async () => {
    const batches = new SubgraphBatches(base);
    const results = await Promise.all([
      batches.call({ service: 's01-individuals', query: '{ a }' }),
      batches.call({ service: 's05-vehicles', query: '{ b }' }),
    ]);
    for (const result of results) {
      expect(result.errors![0]!.extensions!.code).toBe('DOWNSTREAM_SERVICE_ERROR');
      expect(result.errors![0]!.message).toContain('NEGIZ_SUBGRAPH_BATCH=false');
    }
  });

  it('answers each call as its line arrives, and a call without a line with a clear error', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const host = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        response.write(`${JSON.stringify({ index: 1, result: { data: { fast: true } } })}\n`);
        void released.then(() => response.end('not a line\n'));
      });
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      const batches = new SubgraphBatches(`http://127.0.0.1:${(host.address() as AddressInfo).port}`);
      const slow = batches.call({ service: 's05-vehicles', query: '{ slow }' });
      const fast = await batches.call({ service: 's01-individuals', query: '{ fast }' });
      expect(fast).toEqual({ data: { fast: true } });
      release();
      const missing = await slow;
      expect(missing.errors![0]!.extensions!.code).toBe('DOWNSTREAM_SERVICE_ERROR');
      expect(missing.errors![0]!.message).toContain('without this call');
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it('rejects the calls when the host cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(new SubgraphBatches(`http://127.0.0.1:${port}/`).call({ service: 's01-individuals', query: '{ a }' })).rejects.toThrow();
  });
});
