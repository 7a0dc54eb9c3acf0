import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_OPERATIONS } from '@negiz/schema';
import type { SubgraphHost } from '../src/host.ts';
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

async function batch(body: unknown, contentType = 'application/json') {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    status: response.status,
    body: (await response.json()) as {
      results?: Array<{ data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    },
  };
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
    expect(r.body.results).toHaveLength(2);
    expect(r.body.results![0]).toEqual({ data: { counterAuditCount: expect.any(Number) } });
    expect(r.body.results![1]!.data).toEqual({ _entities: [{ vehicles: world.vehiclesOf({ iin: owner }).map((v) => ({ plate: v.plate })) }] });
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
    const [missing, misaddressed, served] = r.body.results!;
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
    expect(r.body.results![0]!.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    expect(r.body.results![1]!.data).toBeNull();
    expect(r.body.results![1]!.errors).toHaveLength(1);
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

  it('drops what an operation carries beyond the contract', async () => {
    const r = await batch({
      operations: [{ service: 's05-vehicles', query: '{ __typename }', context: await token('s05-vehicles'), headers: { cookie: 'a' } }],
    });
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([{ data: { __typename: 'Query' } }]);
  });
});
