/**
 * Receipts: every journaled response carries `extensions.journal` = the entry's id and leaf hash, released
 * answers and refusals of the basis stage alike; the random justification challenge of the basis stage.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryJournal } from '@negiz/journal';
import { createJustificationChallenge } from '../../src/basis/challenge.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

const MINE = { type: 'CRIMINAL', number: '241500031000123' };
const OTHERS = { type: 'CRIMINAL', number: '241500031000999' };
const QUERY = `{ person(iin: "${IIN}") { lastName } }`;
const RECEIPT = { id: expect.stringMatching(/^\d+$/), leafHash: expect.stringMatching(/^[0-9a-f]{64}$/) };

async function harness(challengeShare?: number): Promise<Harness> {
  const h = await startHarness({
    users: [{ login: 'inv1', status: 'ACTIVE', role: 3 }],
    ...(challengeShare === undefined ? {} : { challenge: createJustificationChallenge({ share: challengeShare }) }),
  });
  h.cases.cases.set(`CRIMINAL:${MINE.number}`, { type: 'CRIMINAL', number: MINE.number, status: 'OPEN', assignees: ['inv1'] });
  h.cases.cases.set(`CRIMINAL:${OTHERS.number}`, { type: 'CRIMINAL', number: OTHERS.number, status: 'OPEN', assignees: ['someone.else'] });
  return h;
}

async function ask(h: Harness, basis: unknown, headers: Record<string, string> = {}) {
  const token = await h.token({ login: 'inv1' });
  return post(h, { query: QUERY, ...(basis ? { extensions: { basis } } : {}) }, { authorization: `Bearer ${token}`, ...headers });
}

/** The receipt names the entry the journal committed: same id, same leaf hash. */
function expectReceiptOf(journal: MemoryJournal, receipt: unknown): void {
  expect(receipt).toEqual(RECEIPT);
  const { id } = receipt as { id: string };
  expect(journal.entries[Number(id)]).toBeDefined();
}

describe('receipts in extensions.journal', () => {
  let h: Harness;
  beforeAll(async () => (h = await harness()));
  afterAll(() => h?.close());
  beforeEach(() => {
    h.journal.entries.length = 0;
    h.journal.failing = false;
  });

  it('a released answer carries the receipt of its committed entry', async () => {
    const r = await ask(h, MINE);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ person: { lastName: 'Last012' } });
    expectReceiptOf(h.journal, (r.body.extensions as { journal: unknown }).journal);
    expect(h.journal.entries).toHaveLength(1);
  });

  it('each operation of a batch carries its own receipt', async () => {
    const token = await h.token({ login: 'inv1' });
    const response = await h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify([
        { query: QUERY, extensions: { basis: MINE } },
        { query: QUERY, extensions: { basis: MINE } },
      ]),
    });
    const bodies = response.json() as Array<{ extensions: { journal: { id: string } } }>;
    expect(bodies.map((b) => b.extensions.journal.id).sort()).toEqual(['0', '1']);
  });

  it('a refusal at the basis stage is journaled with its verification outcome and answered with the receipt', async () => {
    const r = await ask(h, OTHERS);
    expect(r.status).toBe(403);
    expect(r.body.errors![0]!.extensions!.code).toBe('BASIS_NOT_YOURS');
    expectReceiptOf(h.journal, (r.body.extensions as { journal: unknown }).journal);
    expect(h.journal.entries[0]).toMatchObject({
      outcome: 'REFUSED',
      refusal: 'BASIS_NOT_YOURS',
      basis: { type: 'CRIMINAL', number: OTHERS.number, verification: 'BASIS_NOT_YOURS' },
      caseNumber: OTHERS.number,
    });
  });

  it('a request without a basis, or with a malformed one, is journaled too', async () => {
    const none = await ask(h, undefined);
    expect(none.body.errors![0]!.extensions!.code).toBe('BASIS_REQUIRED');
    expectReceiptOf(h.journal, (none.body.extensions as { journal: unknown }).journal);
    const malformed = await ask(h, { type: 'CRIMINAL', number: '12' });
    expect(malformed.body.errors![0]!.extensions!.code).toBe('BASIS_INVALID');
    expect(h.journal.entries.map((e) => [e.outcome, e.refusal, e.basis])).toEqual([
      ['REFUSED', 'BASIS_REQUIRED', undefined],
      ['REFUSED', 'BASIS_INVALID', undefined],
    ]);
    expect(h.journal.entries[0]!.subjects).toEqual([{ kind: 'IIN', value: IIN }]);
  });

  it('a refusal stands without a receipt when the journal is down; data is never released', async () => {
    h.journal.failing = true;
    const refused = await ask(h, OTHERS);
    expect(refused.body.errors![0]!.extensions!.code).toBe('BASIS_NOT_YOURS');
    expect(refused.body.extensions).toBeUndefined();
    const released = await ask(h, MINE);
    expect(released.status).toBe(503);
    expect(released.body.errors![0]!.extensions!.code).toBe('JOURNAL_UNAVAILABLE');
    expect(released.body.data).toBeUndefined();
  });

  it('an unauthenticated request never reaches the policy stage and is not journaled', async () => {
    const r = await post(h, { query: QUERY, extensions: { basis: MINE } });
    expect(r.status).toBe(401);
    expect(h.journal.entries).toHaveLength(0);
  });
});

describe('random justification challenge (basis stage)', () => {
  let always: Harness;
  let never: Harness;
  beforeAll(async () => {
    [always, never] = await Promise.all([harness(1), harness(0)]);
  });
  afterAll(async () => {
    await always?.close();
    await never?.close();
  });

  it('share 1: a request without basis.reason is refused with JUSTIFICATION_REQUIRED (400), naming the rule, and journaled', async () => {
    const r = await ask(always, MINE);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors![0]!.extensions!.code).toBe('JUSTIFICATION_REQUIRED');
    expect(r.body.errors![0]!.message).toMatch(/order No\. 21 p\.10/);
    expect(r.body.errors![0]!.message).toMatch(/basis\.reason/);
    expectReceiptOf(always.journal, (r.body.extensions as { journal: unknown }).journal);
    expect(always.journal.entries.at(-1)).toMatchObject({ outcome: 'REFUSED', refusal: 'JUSTIFICATION_REQUIRED', basis: { verification: 'VERIFIED' } });
  });

  it('share 1: with basis.reason the request is answered and the reason journaled', async () => {
    const reason = 'Проверка алиби подозреваемого по эпизоду 3';
    const r = await ask(always, { ...MINE, reason });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ person: { lastName: 'Last012' } });
    expect(always.journal.entries.at(-1)).toMatchObject({ outcome: 'RELEASED', basis: { number: MINE.number, reason, verification: 'VERIFIED' } });
  });

  it('share 1: court systems are never challenged', async () => {
    const court = createJustificationChallenge({ share: 1 });
    expect(court({ login: 'judge', client: { kind: 'COURT' }, basis: { type: 'CIVIL', number: 'x' }, documentHash: 'h' })).toEqual({ challenged: false });
  });

  it('share 0: nobody is challenged', async () => {
    for (let i = 0; i < 5; i++) expect((await ask(never, MINE)).status).toBe(200);
    expect(never.journal.entries.every((e) => e.outcome === 'RELEASED')).toBe(true);
  });
});
