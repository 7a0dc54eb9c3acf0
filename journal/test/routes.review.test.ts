/**
 * The console's two Reports routes: an entry's inclusion proof (supervisors for their organisation, internal
 * security for any) and a supervisor's review of a request, itself journaled with the reviewed entry's id sealed
 * and the comment in the personal part. Journal on the machine's PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createJournal, type JournalService } from '../src/journal.ts';
import { checkProofDocument, type InclusionProofDocument } from '../src/prove.ts';
import { journalReportsPlugin, type JournalPrincipal } from '../src/routes.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

const as = (p: JournalPrincipal): Record<string, string> => ({ 'x-test-principal': JSON.stringify(p) });
const supervisor: JournalPrincipal = { login: 'chief.almaty', role: 3, organisation: 'MVD-ALMATY', grants: ['REPORTS'] };
const security: JournalPrincipal = { login: 'usb.officer', role: 15, organisation: 'KNB', grants: ['INTERNAL_SECURITY'] };
const investigator: JournalPrincipal = { login: 'investigator.almaty', role: 3, organisation: 'MVD-ALMATY' };

describe('Reports API: proofs and reviews', () => {
  let journal: JournalService;
  let app: FastifyInstance;
  let db: TestDatabase;
  let own: string;
  let other: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    journal = await createJournal({ url: db.url, devKeyPath: 'memory' });
    await journal.grant({ login: 'chief.almaty', organisation: 'MVD-ALMATY', kind: 'REPORTS', letterReference: 'No. 12-3/456', grantedBy: 'operator' });
    await journal.grant({ login: 'usb.officer', organisation: 'KNB', kind: 'INTERNAL_SECURITY', letterReference: 'No. 7/89', grantedBy: 'operator' });
    own = (await journal.record(sampleEntry())).id;
    other = (await journal.record(sampleEntry({ user: { login: 'other.org', role: 3, organisation: 'MVD-ASTANA' } }))).id;
    app = Fastify();
    await app.register(journalReportsPlugin, {
      journal,
      authenticate: (request) => {
        const header = request.headers['x-test-principal'];
        return typeof header === 'string' ? (JSON.parse(header) as JournalPrincipal) : undefined;
      },
    });
  }, 20_000);
  afterAll(async () => {
    await app?.close();
    await journal?.close();
    await db?.drop();
  });

  const codeOf = (r: { json(): unknown }) => (r.json() as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;

  it("proves an entry of the supervisor's organisation against a signed checkpoint, and journals the read", async () => {
    const r = await app.inject({ url: `/reports/proof?id=${own}`, headers: as(supervisor) });
    expect(r.statusCode).toBe(200);
    const { proof, journalEntry } = r.json() as { proof: InclusionProofDocument; journalEntry: string };
    expect(proof.entryId).toBe(Number(own));
    expect(proof.verified).toBe(true);
    expect(await checkProofDocument(proof, journal.key)).toBe(true);
    expect(r.headers['x-negiz-journal-entry']).toBe(journalEntry);
    const read = JSON.parse((await journal.store.entry(Number(journalEntry)))!.body) as { operation: { name: string } };
    expect(read.operation.name).toBe('reports.proof');
  });

  it("refuses a supervisor another organisation's entry, a missing entry and a user without a grant; internal security proves any", async () => {
    expect(codeOf(await app.inject({ url: `/reports/proof?id=${other}`, headers: as(supervisor) }))).toBe('OTHER_ORGANISATION');
    expect(codeOf(await app.inject({ url: '/reports/proof?id=99999', headers: as(supervisor) }))).toBe('BAD_REQUEST');
    expect(codeOf(await app.inject({ url: `/reports/proof?id=${own}`, headers: as(investigator) }))).toBe('REPORTS_GRANT_REQUIRED');
    const r = await app.inject({ url: `/reports/proof?id=${other}`, headers: as(security) });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { proof: InclusionProofDocument }).proof.verified).toBe(true);
  });

  it('records a review as its own entry: the reviewed id sealed, the comment personal, shown in the report', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/reports/review',
      headers: as(supervisor),
      payload: { entryId: Number(own), comment: 'checked with the case file' },
    });
    expect(r.statusCode).toBe(201);
    const { journalEntry, reviewOf } = r.json() as { journalEntry: string; reviewOf: number };
    expect(reviewOf).toBe(Number(own));
    const sealed = JSON.parse((await journal.store.entry(Number(journalEntry)))!.body) as { operation: { name: string }; note: { reviewOf: number } };
    expect(sealed.operation.name).toBe('reports.review');
    expect(sealed.note.reviewOf).toBe(Number(own));
    expect(JSON.stringify(sealed)).not.toContain('checked with the case file');
    const report = (await app.inject({ url: '/reports', headers: as(supervisor) })).json() as {
      entries: Array<{ id: number; operation: { name: string }; reason: string | null; note?: { reviewOf?: number } }>;
    };
    const review = report.entries.find((e) => e.id === Number(journalEntry))!;
    expect(review.note?.reviewOf).toBe(Number(own));
    expect(review.reason).toBe('checked with the case file');
  });

  it("refuses a review without a comment, of another organisation's entry, and by a user without the grant", async () => {
    const post = (p: JournalPrincipal, payload: object) => app.inject({ method: 'POST', url: '/reports/review', headers: as(p), payload });
    expect(codeOf(await post(supervisor, { entryId: Number(own), comment: '  ' }))).toBe('BAD_REQUEST');
    expect(codeOf(await post(supervisor, { entryId: Number(other), comment: 'not mine' }))).toBe('OTHER_ORGANISATION');
    expect(codeOf(await post(supervisor, { entryId: 99999, comment: 'none' }))).toBe('BAD_REQUEST');
    expect(codeOf(await post(investigator, { entryId: Number(own), comment: 'x' }))).toBe('REPORTS_GRANT_REQUIRED');
  });
});
