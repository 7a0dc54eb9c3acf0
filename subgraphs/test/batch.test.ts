import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_OPERATIONS } from '@negiz/schema';
import type { SubgraphHost } from '../src/host.ts';
import { mockSource } from '../src/source/mock.ts';
import { fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const owner = world.personAt(0).iin;
const company = world.legalEntityAt(0);
const VEHICLES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }`;
const AUDITS = `query($bin: BIN!) { counterAuditCount(bin: $bin) }`;

let host: SubgraphHost;
let url: string;
beforeAll(async () => {
  host = await fixtureHost();
  url = `${await host.app.listen({ host: '127.0.0.1', port: 0 })}/batch`;
});
afterAll(() => host?.close());

type Result = { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };

/** POSTs a batch; `results` in the operations' order, `arrival` the indices in the order their lines came. */
async function batch(body: unknown, target = url) {
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.headers.get('content-type')?.startsWith('application/x-ndjson')) {
    return { status: response.status, body: JSON.parse(text) as { errors?: Result['errors'] }, results: undefined, arrival: [] };
  }
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { index: number; result: Result });
  const results: Result[] = [];
  for (const line of lines) results[line.index] = line.result;
  return { status: response.status, body: {} as { errors?: Result['errors'] }, results, arrival: lines.map((l) => l.index) };
}

describe('POST /batch', () => {
  it('answers several services in one request, in order, each under its own context', async () => {
    const r = await batch({
      operations: [
        { service: 's37-counter-audits', query: AUDITS, variables: { bin: company.bin }, context: await token('s37-counter-audits') },
        { service: 's05-vehicles', query: VEHICLES, variables: { r: [{ __typename: 'Person', iin: owner }] }, context: await token('s05-vehicles') },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.results).toHaveLength(2);
    expect(r.results![0]).toEqual({ data: { counterAuditCount: expect.any(Number) } });
    expect(r.results![1]!.data).toEqual({ _entities: [{ vehicles: world.vehiclesOf({ iin: owner }).map((v) => ({ plate: v.plate })) }] });
  });

  it('refuses an operation whose context is missing or for another service, and answers the rest', async () => {
    const r = await batch({
      operations: [
        { service: 's05-vehicles', query: VEHICLES, variables: { r: [{ __typename: 'Person', iin: owner }] } },
        { service: 's05-vehicles', query: VEHICLES, variables: { r: [{ __typename: 'Person', iin: owner }] }, context: await token('s37-counter-audits') },
        { service: 's37-counter-audits', query: AUDITS, variables: { bin: company.bin }, context: await token('s37-counter-audits') },
      ],
    });
    expect(r.status).toBe(200);
    const [missing, misaddressed, served] = r.results!;
    expect(missing).toMatchObject({ data: null, errors: [{ extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' } }] });
    expect(misaddressed!.data).toBeNull();
    expect(misaddressed!.errors![0]!.extensions!.code).toMatch(/^GATEWAY_CONTEXT_/);
    expect(served!.errors).toBeUndefined();
  });

  it('answers an unknown service and a broken query as that operation’s error, without a stack trace', async () => {
    const r = await batch({
      operations: [
        { service: 's99-nothing', query: '{ a }', context: await token('s99-nothing') },
        { service: 's05-vehicles', query: '{ vehicle(', context: await token('s05-vehicles') },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.results![0]!.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    expect(r.results![1]!.data).toBeNull();
    expect(r.results![1]!.errors).toHaveLength(1);
    expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('refuses a malformed batch as a whole (400, BAD_REQUEST)', async () => {
    const one = { service: 's05-vehicles', query: '{ __typename }' };
    for (const body of [
      {},
      { operations: [] },
      { operations: [{ query: '{ a }' }] },
      { operations: Array.from({ length: MAX_BATCH_OPERATIONS + 1 }, () => one) },
      'not json',
    ]) {
      const r = await batch(body);
      expect(r.status).toBe(400);
      expect(r.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
      expect(r.body.errors![0]!.message).toContain('"operations"');
    }
  });

  it('answers each operation as soon as it is done: a slow service holds back no other', async () => {
    const slow = await fixtureHost({
      sourceFor: (service, w) => {
        if (service.slug !== 's05-vehicles') return undefined;
        const source = mockSource(service.definition, w!);
        return { ...source, entities: async (type, keys) => (await new Promise((resolve) => setTimeout(resolve, 400)), source.entities(type, keys)) };
      },
    });
    try {
      const target = `${await slow.app.listen({ host: '127.0.0.1', port: 0 })}/batch`;
      const started = Date.now();
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operations: [
            { service: 's05-vehicles', query: VEHICLES, variables: { r: [{ __typename: 'Person', iin: owner }] }, context: await token('s05-vehicles') },
            { service: 's37-counter-audits', query: AUDITS, variables: { bin: company.bin }, context: await token('s37-counter-audits') },
          ],
        }),
      });
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      const firstAt = Date.now() - started;
      expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ index: 1, result: { data: { counterAuditCount: expect.any(Number) } } });
      expect(firstAt).toBeLessThan(300);
      let rest = first.split('\n').slice(1).join('\n');
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
      expect(JSON.parse(rest.trim())).toMatchObject({ index: 0, result: { data: { _entities: [{ vehicles: expect.any(Array) }] } } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      await slow.close();
    }
  });

  it('drops what an operation carries beyond the contract', async () => {
    const r = await batch({
      operations: [{ service: 's05-vehicles', query: '{ __typename }', context: await token('s05-vehicles'), headers: { cookie: 'a' } }],
    });
    expect(r.status).toBe(200);
    expect(r.results).toEqual([{ data: { __typename: 'Query' } }]);
  });
});
