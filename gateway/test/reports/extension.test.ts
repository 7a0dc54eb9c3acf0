/**
 * The Reports API wired into the gateway: principals from the gateway's authenticate stage (real signed tokens,
 * grants from the user registry), /reports/citizen only for the client registered as the e-government portal,
 * and every read (refused ones included) journaled. Journal on the machine's PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, type JournalService } from '@negiz/journal';
import { reportsExtension } from '../../src/reports/extension.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';
import { createTestDatabase, type TestDatabase } from '../databases.ts';

const ORG = 'ДП г. Алматы, Следственное управление';
const CASE = { type: 'CRIMINAL', number: '241500031000123' };
const clients = new Map([
  ['egov-portal', { id: 'egov-portal', kind: 'CITIZEN_PORTAL' as const, name: 'egov', operations: [] }],
  ['investigator-portal', { id: 'investigator-portal', kind: 'PORTAL' as const, name: 'portal', operations: [] }],
]);

describe('Reports API on the gateway', () => {
  let h: Harness;
  let db: TestDatabase;
  let journal: JournalService;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    journal = await createJournal({ url: db.url, devKeyPath: 'memory' });
    await journal.grant({ login: 'chief', organisation: ORG, kind: 'REPORTS', letterReference: 'No. 3-12/4587 of 15.09.2026', grantedBy: 'operator' });
    await journal.grant({ login: 'usb', organisation: 'КНБ, ССБ', kind: 'INTERNAL_SECURITY', letterReference: 'No. 7/89', grantedBy: 'operator' });
    h = await startHarness({
      users: [
        { login: 'inv1', status: 'ACTIVE', role: 3 },
        { login: 'chief', status: 'ACTIVE', role: 3, grants: ['REPORTS'] },
        // Holds the grant in the registry, but the operator has not registered it in the journal.
        { login: 'chief.unregistered', status: 'ACTIVE', role: 3, grants: ['REPORTS'] },
        { login: 'usb', status: 'ACTIVE', role: 15, grants: ['INTERNAL_SECURITY'] },
        // A user cannot be given the portal's access through the registry.
        { login: 'sneaky', status: 'ACTIVE', role: 3, grants: ['CITIZEN_PORTAL', 'REPORTS'] },
        { login: 'egov.portal', status: 'ACTIVE', role: 20 },
      ],
      journal,
      // The gateway's own authenticator; grants from the harness's user registry (read at request time).
      routes: (app, facts) =>
        reportsExtension({
          journal,
          authenticate: facts.authenticate,
          users: { user: (login) => h.users.user(login) },
          clients: { get: (id) => clients.get(id) },
        })(app),
    });
    h.cases.cases.set(`CRIMINAL:${CASE.number}`, { type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: ['inv1'] });
    const issue = (login: string, role: number, organisation: string, clientId?: string) =>
      h.idp.issue({ login, role, organisation, ...(clientId ? { clientId } : {}) });
    tokens.inv1 = await issue('inv1', 3, ORG);
    tokens.chief = await issue('chief', 3, ORG);
    tokens.unregistered = await issue('chief.unregistered', 3, ORG);
    tokens.usb = await issue('usb', 15, 'КНБ, ССБ');
    tokens.sneaky = await issue('sneaky', 3, ORG);
    tokens.portal = await issue('egov.portal', 20, 'egov.kz', 'egov-portal');
    tokens.unknownClient = await issue('egov.portal', 20, 'egov.kz', 'not-registered');
    // One request through the gateway, so the journal has something to report.
    const r = await post(h, { query: `{ person(iin: "${IIN}") { lastName } }`, extensions: { basis: CASE } }, { authorization: `Bearer ${tokens.inv1}` });
    expect(r.status).toBe(200);
  }, 30_000);

  afterAll(async () => {
    await h?.close();
    await journal?.close();
    await db?.drop();
  });

  const get = async (url: string, token?: string) => {
    const r = await h.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> & { errors?: Array<{ extensions: { code: string } }> } };
  };
  const lastEntry = async () => (await journal.store.entries((await journal.store.size()) - 1, 1))[0]!;

  it("a supervisor with a registered Reports grant reads their organisation's requests; the read is journaled", async () => {
    const before = await journal.store.size();
    const r = await get('/reports', tokens.chief);
    expect(r.status).toBe(200);
    expect(r.body.organisation).toBe(ORG);
    const entries = r.body.entries as Array<{ login: string; subjects: Array<{ value: string }>; basisNumber: string }>;
    expect(entries.some((e) => e.login === 'inv1' && e.basisNumber === CASE.number && e.subjects[0]!.value === IIN)).toBe(true);
    expect(await journal.store.size()).toBe(before + 1);
    expect(r.body.journalEntry).toBe(String(before));
  });

  it('refuses without a token (401), without a grant (403) and with an unregistered grant (403), journaling the refused reads', async () => {
    expect((await get('/reports')).status).toBe(401);
    const before = await journal.store.size();
    const none = await get('/reports', tokens.inv1);
    expect(none.status).toBe(403);
    expect(none.body.errors![0]!.extensions.code).toBe('REPORTS_GRANT_REQUIRED');
    const unregistered = await get('/reports', tokens.unregistered);
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.errors![0]!.extensions.code).toBe('GRANT_NOT_REGISTERED');
    expect(await journal.store.size()).toBe(before + 2);
  });

  it('a forged token is refused by the authenticate stage', async () => {
    const forged = `${tokens.chief!.slice(0, -4)}AAAA`;
    const r = await get('/reports', forged);
    expect(r.status).toBe(401);
    expect(r.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('subject look-ups are for internal security only', async () => {
    const usb = await get(`/reports/subject?iin=${IIN}`, tokens.usb);
    expect(usb.status).toBe(200);
    expect((usb.body.entries as unknown[]).length).toBeGreaterThan(0);
    expect((await get(`/reports/subject?iin=${IIN}`, tokens.chief)).status).toBe(403);
  });

  it("/reports/citizen answers only the e-government portal's client, never naming the employee", async () => {
    const before = await journal.store.size();
    const portal = await get(`/reports/citizen?iin=${IIN}`, tokens.portal);
    expect(portal.status).toBe(200);
    expect((portal.body.consultations as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(portal.body)).not.toContain('inv1');
    expect(await journal.store.size()).toBe(before + 1);
    for (const token of [tokens.chief, tokens.usb, tokens.sneaky]) {
      const r = await get(`/reports/citizen?iin=${IIN}`, token);
      expect(r.status).toBe(403);
      expect(r.body.errors![0]!.extensions.code).toBe('CITIZEN_PORTAL_ONLY');
    }
    // The portal's token opens nothing else.
    expect((await get('/reports', tokens.portal)).status).toBe(403);
    const unknown = await get(`/reports/citizen?iin=${IIN}`, tokens.unknownClient);
    expect(unknown.status).toBe(403);
    expect(unknown.body.errors![0]!.extensions.code).toBe('CLIENT_NOT_REGISTERED');
  });

  it('journals each read as a journal-read by its reader', async () => {
    await get('/reports', tokens.chief);
    const entry = await lastEntry();
    expect(JSON.stringify(entry)).toContain('journal-read');
  });
});
