import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, type JournalService } from '../src/journal.ts';
import { flagRows } from '../src/flags.ts';
import { organisationReport } from '../src/reports.ts';

const HR = { login: 'hr-system:mvd-almaty', role: 20, organisation: 'MVD-ALMATY' };

describe('account changes in the journal', () => {
  let journal: JournalService;
  beforeAll(async () => {
    journal = await createJournal({ dataDir: 'memory', devKeyPath: 'memory', checkpointIntervalMs: 60_000 });
  });
  afterAll(() => journal.close());

  it('records who changed which account, what, why and on which document, and the chain still verifies', async () => {
    await journal.recordAccount({
      actor: { login: 'operator.kpssu', role: 0, organisation: 'OPERATOR' },
      client: { kind: 'CLI', id: 'negiz users' },
      action: 'account.block',
      login: 'investigator.almaty',
      changes: { status: 'BLOCKED' },
      reason: 'disclosed data (internal security check 12/2026)',
      document: 'КПССУ-1234',
    });
    const late = await journal.recordAccount({
      actor: HR,
      client: { kind: 'CLI', id: 'hr:mvd-almaty' },
      action: 'account.hr.DISMISSED',
      login: 'investigator.almaty',
      changes: { status: 'BLOCKED', late: 30 },
      reason: 'HR event e-1',
      document: 'ORDER-77',
    });
    expect(Number(late.id)).toBe(1);
    await journal.checkpoint();
    const report = await journal.verify();
    expect(report.ok).toBe(true);

    const rows = await organisationReport(journal.store, { organisation: 'MVD-ALMATY', from: new Date(0), to: new Date(Date.now() + 60_000) });
    expect(rows).toHaveLength(1);
    const [row] = await flagRows(rows);
    expect(row!.operation).toMatchObject({ kind: 'account', name: 'account.hr.DISMISSED' });
    expect(row!.subjects).toEqual([{ kind: 'OTHER', value: 'account:investigator.almaty' }]);
    expect(row!.reason).toBe('HR event e-1');
    expect(row!.note).toEqual({ status: 'BLOCKED', late: 30, document: 'ORDER-77' });
    expect(row!.flags.map((f) => f.code)).toEqual(['LATE_HR_NOTICE']);
  });
});
