import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createJournal, type JournalService } from '../src/journal.ts';
import { journalReportsPlugin, type JournalPrincipal } from '../src/routes.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

// The test principal travels in a header; the gateway passes its token-verifying authenticate() instead.
const as = (p: JournalPrincipal): Record<string, string> => ({ 'x-test-principal': JSON.stringify(p) });
const supervisor: JournalPrincipal = { login: 'chief.almaty', role: 3, organisation: 'MVD-ALMATY', grants: ['REPORTS'] };
const security: JournalPrincipal = { login: 'usb.officer', role: 15, organisation: 'KNB', grants: ['INTERNAL_SECURITY'] };
const portal: JournalPrincipal = { login: 'egov-portal', role: 0, organisation: 'EGOV', grants: ['CITIZEN_PORTAL'] };

describe('Reports API', () => {
  let journal: JournalService;
  let app: FastifyInstance;
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    journal = await createJournal({ url: db.url, devKeyPath: 'memory' });
    await journal.grant({
      login: 'chief.almaty',
      organisation: 'MVD-ALMATY',
      kind: 'REPORTS',
      letterReference: 'No. 12-3/456 of 01.11.2026',
      grantedBy: 'operator',
    });
    await journal.grant({ login: 'usb.officer', organisation: 'KNB', kind: 'INTERNAL_SECURITY', letterReference: 'No. 7/89', grantedBy: 'operator' });
    const t = (h: number, m = 0): Date => new Date(Date.UTC(2026, 10, 2, h - 5, m)); // local UTC+5, Monday 2 Nov 2026
    await Promise.all([
      journal.record(sampleEntry({ receivedAt: t(10) })),
      journal.record(
        sampleEntry({
          receivedAt: t(23),
          user: { login: 'night.owl', role: 3, organisation: 'MVD-ALMATY' },
          subjects: [{ kind: 'IIN', value: '770707300777' }],
        }),
      ),
      journal.record(
        sampleEntry({
          receivedAt: t(11),
          outcome: 'REFUSED',
          refusal: 'BASIS_NOT_YOURS',
          subjects: [{ kind: 'IIN', value: '880808400888' }],
          basis: { type: 'CRIMINAL', number: '111', verification: 'BASIS_NOT_YOURS' },
        }),
      ),
      journal.record(sampleEntry({ receivedAt: t(11, 10), subjects: [{ kind: 'IIN', value: '880808400888' }] })),
      journal.record(
        sampleEntry({
          receivedAt: t(12),
          user: { login: 'other.org', role: 3, organisation: 'MVD-ASTANA' },
          subjects: [{ kind: 'IIN', value: '880808400888' }],
        }),
      ),
    ]);
    app = Fastify();
    await app.register(journalReportsPlugin, {
      journal,
      authenticate: (request) => {
        const header = request.headers['x-test-principal'];
        return typeof header === 'string' ? (JSON.parse(header) as JournalPrincipal) : undefined;
      },
      flags: { caseSubjects: () => ['900101300123', '880808400888'] },
    });
  }, 20_000);
  afterAll(async () => {
    await app?.close();
    await journal?.close();
    await db?.drop();
  });

  // Ends before the reads the tests themselves journal (they are the organisation's entries too).
  const period = 'from=2026-11-01T00:00:00Z&to=2026-11-10T00:00:00Z';

  it("shows a supervisor their own organisation's requests with flags, and journals the read", async () => {
    const before = await journal.store.size();
    const res = await app.inject({ url: `/reports?${period}`, headers: as(supervisor) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { entries: Array<{ login: string; organisation: string; flags: Array<{ code: string }> }>; journalEntry: string };
    expect(body.entries.every((e) => e.organisation === 'MVD-ALMATY')).toBe(true);
    expect(body.entries).toHaveLength(4);
    const night = body.entries.find((e) => e.login === 'night.owl')!;
    expect(night.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['OUTSIDE_WORKING_HOURS', 'SUBJECT_NOT_IN_CASE']));
    expect(body.entries.some((e) => e.flags.some((f) => f.code === 'REFUSED_THEN_RETRIED'))).toBe(true);
    expect(await journal.store.size()).toBe(before + 1);
    expect(res.headers['x-negiz-journal-entry']).toBe(body.journalEntry);
  });

  it('filters by user and outcome and exports CSV', async () => {
    const json = await app.inject({ url: `/reports?${period}&user=night.owl`, headers: as(supervisor) });
    expect((json.json() as { count: number }).count).toBe(1);
    const refused = await app.inject({ url: `/reports?${period}&outcome=REFUSED`, headers: as(supervisor) });
    expect((refused.json() as { count: number }).count).toBe(1);
    const first = (await app.inject({ url: `/reports?${period}&limit=3`, headers: as(supervisor) })).json() as { entries: Array<{ id: number }>; next: string };
    const second = (await app.inject({ url: `/reports?${period}&limit=3&after=${encodeURIComponent(first.next)}`, headers: as(supervisor) })).json() as {
      entries: Array<{ id: number }>;
      next: null;
    };
    expect([...first.entries, ...second.entries].map((e) => e.id).sort()).toHaveLength(4);
    expect(second.next).toBeNull();
    const csv = await app.inject({ url: `/reports?${period}&format=csv`, headers: as(supervisor) });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^id,localTime,login/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(5);
  });

  it('refuses without a grant, without a registered grant, for another organisation, and without a principal', async () => {
    const cases: Array<[JournalPrincipal | undefined, string, number, string]> = [
      [{ ...supervisor, grants: [] }, `/reports?${period}`, 403, 'REPORTS_GRANT_REQUIRED'],
      [{ ...supervisor, login: 'unregistered' }, `/reports?${period}`, 403, 'GRANT_NOT_REGISTERED'],
      [{ ...supervisor, organisation: 'MVD-ASTANA' }, `/reports?${period}`, 403, 'GRANT_NOT_REGISTERED'],
      [supervisor, `/reports?${period}&organisation=MVD-ASTANA`, 403, 'OTHER_ORGANISATION'],
      [supervisor, `/reports?from=2026-12-01&to=2026-11-01`, 400, 'BAD_PERIOD'],
      [supervisor, `/reports?${period}&outcome=MAYBE`, 400, 'BAD_REQUEST'],
      [undefined, `/reports?${period}`, 401, 'UNAUTHENTICATED'],
      [supervisor, '/reports/subject?iin=880808400888', 403, 'INTERNAL_SECURITY_GRANT_REQUIRED'],
      [security, '/reports/citizen?iin=880808400888', 403, 'CITIZEN_PORTAL_ONLY'],
      [security, '/reports/subject?iin=12', 400, 'BAD_REQUEST'],
    ];
    for (const [principal, url, status, code] of cases) {
      const res = await app.inject({ url, headers: principal ? as(principal) : {} });
      expect(res.statusCode, `${url} ${principal?.login}`).toBe(status);
      expect((res.json() as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(code);
      expect(res.body).not.toContain('880808400888');
    }
  });

  it('answers internal security across organisations, and the citizen without employee identities', async () => {
    const subject = await app.inject({ url: '/reports/subject?iin=880808400888', headers: as(security) });
    expect(subject.statusCode).toBe(200);
    const organisations = (subject.json() as { entries: Array<{ organisation: string }> }).entries.map((e) => e.organisation);
    expect(new Set(organisations)).toEqual(new Set(['MVD-ALMATY', 'MVD-ASTANA']));
    const citizen = await app.inject({ url: '/reports/citizen?iin=880808400888', headers: as(portal) });
    expect(citizen.statusCode).toBe(200);
    const consultations = (citizen.json() as { consultations: Array<Record<string, unknown>> }).consultations;
    expect(consultations).toEqual([
      { date: '2026-11-02', requestingBody: 'MVD-ALMATY', basisType: 'CRIMINAL' },
      { date: '2026-11-02', requestingBody: 'MVD-ASTANA', basisType: 'CRIMINAL' },
    ]);
    expect(citizen.body).not.toMatch(/chief|investigator|usb\.officer|login/);
    // The internal-security look-up itself is now in the journal about that person.
    const again = await app.inject({ url: '/reports/subject?iin=880808400888', headers: as(security) });
    expect((again.json() as { entries: Array<{ operation: { kind: string } }> }).entries.some((e) => e.operation.kind === 'journal-read')).toBe(true);
  });
});
