import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoiseGatewayOperations } from '../../src/execute/operation-memo.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

const CRIMINAL = { type: 'CRIMINAL', number: '241500031000123' };
const QUERY = `query Look($withCars: Boolean!) { person(iin: "${IIN}") { lastName vehicles @include(if: $withCars) { plate } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: [{ login: 'inv1', status: 'ACTIVE', role: 3 }] });
  h.cases.cases.set(`CRIMINAL:${CRIMINAL.number}`, { type: 'CRIMINAL', number: CRIMINAL.number, status: 'OPEN', assignees: ['inv1'] });
});
afterAll(() => h?.close());

async function look(withCars: boolean, query = QUERY) {
  const token = await h.token({ login: 'inv1' });
  return post(h, { query, variables: { withCars }, extensions: { basis: CRIMINAL } }, { authorization: `Bearer ${token}` });
}

describe("the gateway's operation model, kept per document", () => {
  it('is installed once, by the gateway', () => {
    expect(memoiseGatewayOperations()).toBe(memoiseGatewayOperations());
  });

  it('is built once for the same text and reused, each request shaped by its own variables', async () => {
    const stats = memoiseGatewayOperations();
    const first = await look(true);
    const before = { ...stats };
    const without = await look(false);
    const again = await look(true);
    expect(stats.misses).toBe(before.misses);
    expect(stats.hits).toBe(before.hits + 2);
    expect(first.body.errors).toBeUndefined();
    expect(Object.keys(first.body.data!.person as object).sort()).toEqual(['lastName', 'vehicles']);
    expect(without.body.data).toEqual({ person: { lastName: (first.body.data!.person as { lastName: string }).lastName } });
    expect(again.body.data).toEqual(first.body.data);
  });

  it('builds its own model for another text', async () => {
    const stats = memoiseGatewayOperations();
    const misses = stats.misses;
    const r = await look(true, QUERY.replace('lastName', 'lastName firstName'));
    expect(stats.misses).toBe(misses + 1);
    expect(Object.keys(r.body.data!.person as object).sort()).toEqual(['firstName', 'lastName', 'vehicles']);
  });
});
