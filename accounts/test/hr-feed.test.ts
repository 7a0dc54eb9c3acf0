import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { Refusal } from '@negiz/schema';
import { registerHrSystem, hrSystems } from '../src/hr-feed.ts';
import { DAY_MS } from '../src/register.ts';
import { accountEntries, openFixture, withReason, type Fixture } from './databases.ts';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const ORG = 'Департамент полиции города Алматы';
const HOUR = 3_600_000;

async function keyPair(): Promise<{ privateKey: PrivateKey; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' } };
}

const sign = (payload: unknown, key: PrivateKey, kid = 'hr-mvd-almaty'): Promise<string> =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256', kid }).sign(key);

const code = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  return 'ACCEPTED';
};

describe('the HR feed', () => {
  let f: Fixture;
  let hr: { privateKey: PrivateKey; publicJwk: JWK };
  let n = 0;
  let accounts = 0;
  let login = '';
  /** A fresh active account per test. */
  const event = (kind: string, extra: Record<string, unknown> = {}) => ({
    eventId: `e-${++n}`,
    orderNumber: `ORDER-${n}`,
    orderDate: new Date(f.clock.at - HOUR).toISOString(),
    login,
    kind,
    ...extra,
  });
  const send = async (payload: unknown, key = hr.privateKey, kid?: string) => f.accounts.hr.receive(await sign(payload, key, kid));
  const account = async () => (await f.accounts.register.account(login))!;

  beforeAll(async () => {
    f = await openFixture();
    hr = await keyPair();
    await registerHrSystem(
      f.accounts.register,
      { id: 'hr-mvd-almaty', organisation: ORG, publicKey: hr.publicJwk },
      withReason('HR integration agreement No. 4'),
    );
  });
  afterAll(() => f.close());
  beforeEach(async () => {
    login = `officer.${++accounts}`;
    await f.accounts.register.add({ login, fullName: 'Сотрудник', organisation: `${ORG}, Следственное управление`, role: 3 }, withReason('registration'));
  });

  it('lists the registered HR systems and refuses a second one under the same id', async () => {
    expect(await hrSystems(f.accounts.register)).toEqual([expect.objectContaining({ id: 'hr-mvd-almaty', organisation: ORG })]);
    expect(await code(registerHrSystem(f.accounts.register, { id: 'hr-mvd-almaty', organisation: ORG, publicKey: hr.publicJwk }, withReason('again')))).toBe(
      'ACCOUNT_CHANGE_INVALID',
    );
  });

  it('DISMISSED blocks at once and is journaled by the HR system with the order number', async () => {
    const result = await send(event('DISMISSED'));
    expect(result).toMatchObject({ outcome: 'APPLIED', duplicate: false, late: false });
    expect(await account()).toMatchObject({ status: 'BLOCKED', blockCause: 'HR_DISMISSED' });
    const last = (await accountEntries(f.journal)).at(-1)!;
    expect(last).toMatchObject({ name: 'account.hr.DISMISSED', outcome: 'RELEASED', note: { status: 'BLOCKED', document: `ORDER-${n}` } });
    // RETURNED does not undo a dismissal.
    await send(event('RETURNED'));
    expect((await account()).status).toBe('BLOCKED');
  });

  it('SUSPENDED suspends at once; RETURNED lifts the suspension', async () => {
    await send(event('SUSPENDED'));
    expect(await account()).toMatchObject({ status: 'SUSPENDED', blockCause: 'HR_SUSPENDED' });
    expect((await f.accounts.register.standing(login))?.status).toBe('SUSPENDED');
    f.clock.advance(1000);
    await send(event('RETURNED'));
    expect(await account()).toMatchObject({ status: 'ACTIVE', blockCause: null });
  });

  it('TRANSFERRED revokes the old role at once; the new one applies after approval', async () => {
    await send(event('TRANSFERRED', { organisation: 'Прокуратура города Алматы', role: 1 }));
    expect(await account()).toMatchObject({
      status: 'PENDING_ROLE',
      role: null,
      pendingRole: { role: 1, organisation: 'Прокуратура города Алматы', expired: false },
    });
    expect(await f.accounts.register.standing(login)).toMatchObject({ status: 'PENDING_ROLE' });
    expect((await f.accounts.register.standing(login))?.role).toBeUndefined();
    f.clock.advance(23 * HOUR);
    expect(await f.accounts.register.approveRole(login, withReason('approved by the operator'))).toMatchObject({
      status: 'ACTIVE',
      role: 1,
      organisation: 'Прокуратура города Алматы',
    });
  });

  it('TRANSFERRED not approved within 24 hours lapses: the account stays without a role', async () => {
    await send(event('TRANSFERRED', { organisation: 'Прокуратура', role: 1 }));
    f.clock.advance(DAY_MS + 1000);
    expect(await code(f.accounts.register.approveRole(login, withReason('late approval')))).toBe('ROLE_APPROVAL_EXPIRED');
    expect(await account()).toMatchObject({ status: 'PENDING_ROLE', role: null, pendingRole: null });
  });

  it('ABSENCE over two months blocks for its duration; a shorter one does not', async () => {
    const from = new Date(f.clock.at + DAY_MS);
    await send(event('ABSENCE', { from: from.toISOString(), to: new Date(from.getTime() + 30 * DAY_MS).toISOString() }));
    expect((await account()).absence).toBeNull();
    await send(event('ABSENCE', { from: from.toISOString(), to: new Date(from.getTime() + 70 * DAY_MS).toISOString() }));
    expect((await account()).status).toBe('ACTIVE');
    expect((await f.accounts.register.standing(login))?.status).toBe('ACTIVE');
    f.clock.advance(2 * DAY_MS);
    expect((await account()).effectiveStatus).toBe('BLOCKED');
    expect((await f.accounts.register.standing(login))?.status).toBe('BLOCKED');
    f.clock.advance(70 * DAY_MS);
    expect((await f.accounts.register.standing(login))?.status).toBe('ACTIVE');
  });

  it('is idempotent by event id; the same id with another content is refused', async () => {
    const payload = event('SUSPENDED');
    expect(await send(payload)).toMatchObject({ outcome: 'APPLIED', duplicate: false });
    const entries = (await accountEntries(f.journal)).length;
    expect(await send(payload)).toMatchObject({ outcome: 'APPLIED', duplicate: true });
    expect((await accountEntries(f.journal)).length).toBe(entries);
    expect(await code(send({ ...payload, kind: 'DISMISSED' }))).toBe('HR_EVENT_CONFLICT');
  });

  it('applies in order of the orders: an older order arriving later is kept as STALE, not applied', async () => {
    const newer = event('SUSPENDED', { orderDate: new Date(f.clock.at - HOUR).toISOString() });
    const older = event('RETURNED', { orderDate: new Date(f.clock.at - 5 * HOUR).toISOString() });
    await send(newer);
    expect(await send(older)).toMatchObject({ outcome: 'STALE' });
    expect((await account()).status).toBe('SUSPENDED');
    expect((await accountEntries(f.journal)).at(-1)).toMatchObject({ name: 'account.hr.RETURNED.stale', note: { outcome: 'STALE' } });
    const kept = await f.accounts.register.db.query<{ outcome: string }>('select outcome from accounts_hr_events where event_id = $1', [older.eventId]);
    expect(kept.rows).toEqual([{ outcome: 'STALE' }]);
  });

  it('marks a notice received more than 24 hours after its order as late', async () => {
    const result = await send(event('SUSPENDED', { orderDate: new Date(f.clock.at - 30 * HOUR).toISOString() }));
    expect(result.late).toBe(true);
    expect((await accountEntries(f.journal)).at(-1)).toMatchObject({ note: { late: 30 } });
  });

  it('accepts a date without time as midnight in Kazakhstan', async () => {
    expect(await send(event('SUSPENDED', { orderDate: '2026-11-30' }))).toMatchObject({ outcome: 'APPLIED', late: true });
  });

  it('refuses unsigned, wrongly signed, unknown-system, foreign and malformed events, journaling each refusal', async () => {
    const before = (await accountEntries(f.journal)).length;
    const stranger = await keyPair();
    const payload = event('DISMISSED');
    const unsignedJws = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'hr-mvd-almaty' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    expect(await code(f.accounts.hr.receive(undefined))).toBe('HR_EVENT_UNSIGNED');
    expect(await code(f.accounts.hr.receive('not a jws'))).toBe('HR_EVENT_UNSIGNED');
    expect(await code(f.accounts.hr.receive(unsignedJws))).toBe('HR_EVENT_UNSIGNED');
    expect(await code(send(payload, stranger.privateKey))).toBe('HR_EVENT_SIGNATURE_INVALID');
    expect(await code(send(payload, stranger.privateKey, 'hr-nobody'))).toBe('HR_SYSTEM_UNKNOWN');
    expect(await code(send({ ...payload, eventId: 'x-1', kind: 'PROMOTED' }))).toBe('HR_EVENT_MALFORMED');
    expect(await code(send({ ...payload, eventId: 'x-2', kind: 'TRANSFERRED' }))).toBe('HR_EVENT_MALFORMED');
    expect(await code(send({ ...payload, eventId: 'x-3', kind: 'ABSENCE', from: '2026-12-10', to: '2026-12-01' }))).toBe('HR_EVENT_MALFORMED');
    expect(await code(send({ ...payload, eventId: 'x-4', login: 'nobody.here' }))).toBe('ACCOUNT_NOT_FOUND');
    await f.accounts.register.add({ login: 'judge.other', fullName: 'Судья', organisation: 'Алматинский городской суд', role: 2 }, withReason('registration'));
    expect(await code(send({ ...payload, eventId: 'x-5', login: 'judge.other' }))).toBe('HR_SYSTEM_UNKNOWN');
    expect((await f.accounts.register.account('judge.other'))?.status).toBe('ACTIVE');
    const refused = (await accountEntries(f.journal)).slice(before).filter((e) => e.outcome === 'REFUSED');
    expect(refused.map((e) => e.refusal)).toEqual([
      'HR_EVENT_UNSIGNED',
      'HR_EVENT_UNSIGNED',
      'HR_EVENT_UNSIGNED',
      'HR_EVENT_SIGNATURE_INVALID',
      'HR_SYSTEM_UNKNOWN',
      'HR_EVENT_MALFORMED',
      'HR_EVENT_MALFORMED',
      'HR_EVENT_MALFORMED',
      'ACCOUNT_NOT_FOUND',
      'HR_SYSTEM_UNKNOWN',
    ]);
    expect(refused.every((e) => e.name === 'account.hr.refused')).toBe(true);
  });
});
