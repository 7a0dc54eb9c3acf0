import { describe, expect, it } from 'vitest';
import { flagRows } from '../src/flags.ts';
import type { ReportRow } from '../src/types.ts';

let id = 0;
const row = (login: string, iin: string, local: string, extra: Partial<ReportRow> = {}): ReportRow => ({
  id: id++,
  receivedAt: new Date(`${local}+05:00`).toISOString(),
  localTime: `${local}.000+05:00`,
  login,
  role: 3,
  organisation: 'MVD-ALMATY',
  client: { kind: 'PORTAL', id: 'p' },
  basisType: 'CRIMINAL',
  basisNumber: '261500031000123',
  verification: 'VERIFIED',
  instruction: null,
  reason: null,
  operation: { documentHash: 'h', kind: 'query' },
  subjects: [{ kind: 'IIN', value: iin }],
  servicesCalled: [],
  withheld: [],
  outcome: 'RELEASED',
  refusal: null,
  recordCounts: {},
  durationMs: 1,
  destroyed: false,
  flags: [],
  ...extra,
});
const codes = (r: ReportRow): string[] => r.flags.map((f) => f.code);

describe('review flags', () => {
  it('flags self, relatives, same surname, subjects outside the case and night work, each with a reason', async () => {
    const rows = [
      row('ivanov', '800101300111', '2026-11-02T10:00:00'),
      row('ivanov', '800101300222', '2026-11-02T10:05:00'),
      row('ivanov', '800101300333', '2026-11-02T10:10:00'),
      row('ivanov', '800101300444', '2026-11-07T23:30:00'),
    ];
    await flagRows(rows, {
      personOf: () => ({ iin: '800101300111', surname: 'Ivanov' }),
      relativesOf: () => ['800101300222'],
      surnameOf: (iin) => (iin === '800101300333' ? 'IVANOV' : 'Sadykov'),
      caseSubjects: () => ['800101300111', '800101300222', '800101300333'],
    });
    expect(codes(rows[0]!)).toContain('SELF_LOOKUP');
    expect(codes(rows[1]!)).toContain('RELATIVE_LOOKUP');
    expect(codes(rows[2]!)).toContain('SAME_SURNAME');
    expect(codes(rows[3]!)).toEqual(expect.arrayContaining(['SUBJECT_NOT_IN_CASE', 'OUTSIDE_WORKING_HOURS']));
    expect(rows[3]!.flags.every((f) => f.reason.length > 10 && !f.reason.includes('800101300444'))).toBe(true);
  });

  it('flags clusters on one subject, many subjects per day and refused-then-retried', async () => {
    const cluster = ['a', 'b', 'c'].map((u) => row(u, '910101300999', '2026-11-03T11:00:00'));
    const many = Array.from({ length: 5 }, (_, i) => row('busy', `92010130000${i}`, '2026-11-03T12:00:00'));
    const retry = [
      row('r', '930101300123', '2026-11-03T12:00:00', { outcome: 'REFUSED', refusal: 'BASIS_NOT_YOURS' }),
      row('r', '930101300123', '2026-11-03T12:20:00', { basisNumber: '261500031000999' }),
    ];
    await flagRows([...cluster, ...many, ...retry], { subjectsPerDay: 5 });
    expect(cluster.every((r) => codes(r).includes('CLUSTER_ON_SUBJECT'))).toBe(true);
    expect(many.every((r) => codes(r).includes('MANY_SUBJECTS_PER_DAY'))).toBe(true);
    expect(codes(retry[1]!)).toContain('REFUSED_THEN_RETRIED');
    expect(retry[1]!.flags.find((f) => f.code === 'REFUSED_THEN_RETRIED')!.reason).toMatch(/another basis/);
  });
});
