import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '@negiz/schema';
import { DAY_MS } from '../src/register.ts';
import { accountEntries, openFixture, withReason, type Fixture } from './databases.ts';

const refusalCode = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};

const investigator = { login: 'investigator.test', fullName: 'Тестов Тест Тестович', organisation: 'ДП г. Алматы', role: 3, phone: '+77010000000' };

describe('the account register on PostgreSQL', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture();
  });
  afterAll(() => f.close());

  it('registers an account, active without the agreement, and journals who did it and why', async () => {
    const account = await f.accounts.register.add(investigator, withReason('application of the body No. 15'));
    expect(account).toMatchObject({ login: 'investigator.test', role: 3, status: 'ACTIVE', effectiveStatus: 'ACTIVE', agreement: null, grants: [] });
    expect(await f.accounts.register.standing('investigator.test')).toEqual({
      login: 'investigator.test',
      status: 'ACTIVE',
      role: 3,
      grants: [],
      agreementAccepted: false,
    });
    expect(await refusalCode(f.accounts.register.add(investigator, withReason('again')))).toBe('ACCOUNT_EXISTS');
    expect(await refusalCode(f.accounts.register.add({ ...investigator, login: 'x', role: 22 }, withReason('bad')))).toBe('ACCOUNT_CHANGE_INVALID');
    const entries = await accountEntries(f.journal);
    expect(entries[0]).toMatchObject({
      name: 'account.add',
      outcome: 'RELEASED',
      note: { status: 'ACTIVE', role: 3 },
      subjects: [{ kind: 'OTHER', value: 'account:investigator.test' }],
      reason: 'application of the body No. 15',
    });
    expect(entries[1]).toMatchObject({ name: 'account.add', outcome: 'REFUSED', refusal: 'ACCOUNT_EXISTS' });
  });

  it('refuses a change without a reason, journaling nothing', async () => {
    const before = (await accountEntries(f.journal)).length;
    expect(await refusalCode(f.accounts.register.block('investigator.test', withReason('  ')))).toBe('REASON_REQUIRED');
    expect((await accountEntries(f.journal)).length).toBe(before);
  });

  it('blocks and unblocks, with the document', async () => {
    const blocked = await f.accounts.register.block('investigator.test', withReason('disclosure under check', 'ДСБ-12/2026'));
    expect(blocked).toMatchObject({ status: 'BLOCKED', blockCause: 'OPERATOR' });
    expect((await f.accounts.register.standing('investigator.test'))?.status).toBe('BLOCKED');
    const unblocked = await f.accounts.register.unblock('investigator.test', withReason('check closed'));
    expect(unblocked.status).toBe('ACTIVE');
    const entries = await accountEntries(f.journal);
    expect(entries.at(-2)).toMatchObject({ name: 'account.block', note: { status: 'BLOCKED', cause: 'OPERATOR', document: 'ДСБ-12/2026' } });
    expect(entries.at(-1)).toMatchObject({ name: 'account.unblock', note: { status: 'ACTIVE' } });
    expect(await refusalCode(f.accounts.register.block('nobody', withReason('x')))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('grants Reports on a letter, mirrors it into the journal, and revokes', async () => {
    expect(await refusalCode(f.accounts.register.grant('investigator.test', 'REPORTS', withReason('supervisor')))).toBe('ACCOUNT_CHANGE_INVALID');
    const granted = await f.accounts.register.grant('investigator.test', 'REPORTS', withReason('supervisor of the unit', 'letter 7-15/2026'));
    expect(granted.grants).toEqual([expect.objectContaining({ kind: 'REPORTS', letterReference: 'letter 7-15/2026', grantedBy: 'operator.kpssu' })]);
    expect(await f.journal.store.activeGrant('investigator.test', 'REPORTS')).toMatchObject({ letterReference: 'letter 7-15/2026' });
    expect(await refusalCode(f.accounts.register.grant('investigator.test', 'REPORTS', withReason('twice', 'l')))).toBe('ACCOUNT_CHANGE_INVALID');
    await f.accounts.register.grant('investigator.test', 'OPERATOR', withReason('operator staff'));
    expect((await f.accounts.register.standing('investigator.test'))?.grants).toEqual(['REPORTS', 'OPERATOR']);
    await f.accounts.register.revokeGrant('investigator.test', 'REPORTS', withReason('left the post'));
    await f.accounts.register.revokeGrant('investigator.test', 'OPERATOR', withReason('left the post'));
    expect((await f.accounts.register.account('investigator.test'))?.grants).toEqual([]);
    expect(await refusalCode(f.accounts.register.revokeGrant('investigator.test', 'OPERATOR', withReason('again')))).toBe('ACCOUNT_CHANGE_INVALID');
  });

  it('lists the accounts', async () => {
    await f.accounts.register.add({ ...investigator, login: 'judge.test', role: 2 }, withReason('court application'));
    expect((await f.accounts.register.list()).map((a) => a.login)).toEqual(['investigator.test', 'judge.test']);
  });

  it("approves a transfer's new role within 24 hours and not after (controllable clock)", async () => {
    const { register } = f.accounts;
    expect(await refusalCode(register.approveRole('judge.test', withReason('nothing pending')))).toBe('ROLE_NOT_PENDING');
    const pend = async (login: string): Promise<void> => {
      await register.change(login, withReason('transfer order'), 'account.test-transfer', async (tx) => {
        await tx.query(
          `update accounts_users set role = null, status = 'PENDING_ROLE', pending_role = 1, pending_organisation = 'Прокуратура', pending_since = $2 where login = $1`,
          [login, register.now()],
        );
        return { status: 'PENDING_ROLE' };
      });
    };
    await pend('judge.test');
    f.clock.advance(DAY_MS - 60_000);
    expect(await register.approveRole('judge.test', withReason('approved'))).toMatchObject({
      status: 'ACTIVE',
      role: 1,
      organisation: 'Прокуратура',
      pendingRole: null,
    });

    await pend('investigator.test');
    f.clock.advance(DAY_MS + 1);
    expect((await register.account('investigator.test'))?.pendingRole?.expired).toBe(true);
    expect(await refusalCode(register.approveRole('investigator.test', withReason('too late')))).toBe('ROLE_APPROVAL_EXPIRED');
    const after = await register.account('investigator.test');
    expect(after).toMatchObject({ status: 'PENDING_ROLE', role: null, pendingRole: null });
    expect((await register.standing('investigator.test'))?.status).toBe('PENDING_ROLE');
    expect(await refusalCode(register.approveRole('investigator.test', withReason('again')))).toBe('ROLE_NOT_PENDING');
    expect((await accountEntries(f.journal)).map((e) => e.name)).toContain('account.role-expired');
    // Without a role, unblocking leaves the account waiting for a decision on its role.
    expect((await register.unblock('investigator.test', withReason('x'))).status).toBe('PENDING_ROLE');
  });

  it('lapses the transfers left unapproved for 24 hours, journaled, and leaves the others', async () => {
    const { register } = f.accounts;
    const pend = async (login: string): Promise<void> => {
      await register.change(login, withReason('transfer order'), 'account.test-transfer', async (tx) => {
        await tx.query(
          `update accounts_users set role = null, status = 'PENDING_ROLE', pending_role = 2, pending_organisation = 'Суд', pending_since = $2 where login = $1`,
          [login, register.now()],
        );
        return { status: 'PENDING_ROLE' };
      });
    };
    await pend('investigator.test');
    f.clock.advance(12 * 3_600_000);
    await pend('judge.test');
    f.clock.advance(13 * 3_600_000);
    expect(await register.expirePendingRoles()).toEqual(['investigator.test']);
    expect((await register.account('investigator.test'))?.pendingRole).toBeNull();
    expect((await register.account('judge.test'))?.pendingRole).toMatchObject({ role: 2, expired: false });
    expect((await accountEntries(f.journal)).at(-1)).toMatchObject({ name: 'account.role-expired', note: { pendingRole: 2 } });
    expect(await register.expirePendingRoles()).toEqual([]);
  });

  it('keeps the journal verifiable after all these changes', async () => {
    await f.journal.checkpoint();
    expect((await f.journal.verify()).ok).toBe(true);
  });
});
