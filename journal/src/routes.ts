/**
 * The Reports HTTP API (p.10, p.44): /reports for supervisors with a Reports grant (their own organisation only),
 * /reports/subject for internal security, /reports/citizen for the e-government portal (no employee identity).
 * Every read, refused ones included, is journaled before anything is released.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Refusal, refusalBody } from '@negiz/schema';
import { JournalUnavailableError, type SubjectRef } from './contract.ts';
import { flagRows, type FlagOptions } from './flags.ts';
import type { JournalService } from './journal.ts';
import { citizenDisclosure, organisationReport, reportCsv, reportCursor, subjectLookup } from './reports.ts';

export interface JournalPrincipal {
  login: string;
  role: number;
  organisation: string;
  /** REPORTS, INTERNAL_SECURITY, CITIZEN_PORTAL... as the identity provider asserts them. */
  grants?: readonly string[];
}

export interface ReportsPluginOptions {
  journal: JournalService;
  /** Who asks; defaults to `request.principal` set by the gateway's authenticate stage. */
  authenticate?: (request: FastifyRequest) => Promise<JournalPrincipal | undefined> | JournalPrincipal | undefined;
  flags?: FlagOptions;
  /** Also require the operator's registered grant (journal_grants, with the letter's reference). Default true. */
  requireRegisteredGrant?: boolean;
  /** Whether the principal is the e-government portal (default: it holds the CITIZEN_PORTAL grant). */
  isCitizenPortal?: (principal: JournalPrincipal) => boolean;
}

const isoInstant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not a date');
const reportQuery = z
  .object({
    from: isoInstant.optional(),
    to: isoInstant.optional(),
    organisation: z.string().optional(),
    user: z.string().min(1).optional(),
    basis: z.enum(['CRIMINAL', 'ADMIN_COURT', 'ADMIN_OFFENCE', 'CIVIL', 'ENFORCEMENT', 'SEARCH']).optional(),
    basisNumber: z.string().min(1).optional(),
    service: z.string().min(1).optional(),
    outcome: z.enum(['RELEASED', 'PARTIAL', 'REFUSED', 'FAILED']).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(10_000).optional(),
    after: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/, 'expected the `next` value of the previous page')
      .optional(),
  })
  .strict();
const subjectQuery = z.union([z.object({ iin: z.string().regex(/^\d{12}$/) }).strict(), z.object({ bin: z.string().regex(/^\d{12}$/) }).strict()]);
const citizenQuery = z.object({ iin: z.string().regex(/^\d{12}$/) }).strict();
const proofQuery = z.object({ id: z.coerce.number().int().min(0) }).strict();
const reviewBody = z.object({ entryId: z.number().int().min(0), comment: z.string().trim().min(1).max(2000) }).strict();

/** The organisation an entry's sealed leaf names (no personal part needed). */
function organisationOfLeaf(leaf: string): string | undefined {
  const sealed = JSON.parse(leaf) as { user?: { organisation?: unknown } };
  return typeof sealed.user?.organisation === 'string' ? sealed.user.organisation : undefined;
}

const MAX_PERIOD_MS = 366 * 24 * 3600_000;

export async function journalReportsPlugin(app: FastifyInstance, options: ReportsPluginOptions): Promise<void> {
  const { journal } = options;
  const requireRegistered = options.requireRegisteredGrant ?? true;
  const isCitizenPortal = options.isCitizenPortal ?? ((p: JournalPrincipal) => p.grants?.includes('CITIZEN_PORTAL') ?? false);

  const principalOf = async (request: FastifyRequest): Promise<JournalPrincipal> => {
    let principal: JournalPrincipal | undefined;
    try {
      principal = options.authenticate ? await options.authenticate(request) : (request as FastifyRequest & { principal?: JournalPrincipal }).principal;
    } catch (error) {
      // The authenticate stage's refusal stands as it is (MFA_REQUIRED, ACCOUNT_BLOCKED, CLIENT_NOT_REGISTERED...).
      throw error instanceof Refusal ? error : new Refusal('UNAUTHENTICATED', 'Authentication failed: the journal is read only by authenticated users (p.44).');
    }
    if (!principal) throw new Refusal('UNAUTHENTICATED', 'The journal is read only by authenticated users (p.44).');
    return principal;
  };

  const requireGrant = async (principal: JournalPrincipal, kind: 'REPORTS' | 'INTERNAL_SECURITY'): Promise<void> => {
    const what = kind === 'REPORTS' ? 'Reports are' : 'Subject look-ups are';
    if (!principal.grants?.includes(kind)) {
      throw new Refusal(
        kind === 'REPORTS' ? 'REPORTS_GRANT_REQUIRED' : 'INTERNAL_SECURITY_GRANT_REQUIRED',
        `${what} open only to holders of the ${kind} grant, given by the operator on a reasoned letter (p.10, p.44).`,
      );
    }
    if (!requireRegistered) return;
    const registered = await journal.store.activeGrant(principal.login, kind);
    if (!registered || registered.organisation !== principal.organisation) {
      throw new Refusal('GRANT_NOT_REGISTERED', `No active ${kind} grant is registered by the operator for this user and organisation (p.10).`);
    }
  };

  /** Journals the read (or the refused attempt) first; only then may the reply leave. */
  const journaled = async (
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    clientKind: 'REPORTS' | 'CITIZEN_PORTAL',
    work: (principal: JournalPrincipal) => Promise<{
      rows: number;
      subjects?: SubjectRef[];
      /** Records the entry itself instead of a read (a review is an act, not a read). */
      record?: () => Promise<{ id: string }>;
      send: (receiptId: string) => unknown;
    }>,
  ): Promise<unknown> => {
    let principal: JournalPrincipal | undefined;
    try {
      principal = await principalOf(request);
      const result = await work(principal);
      const actor = principal;
      const receipt = result.record
        ? await result.record()
        : await journal.recordRead({
            actor,
            client: { kind: clientKind, id: 'reports-api' },
            name,
            parameters: request.query,
            subjects: result.subjects,
            rows: result.rows,
          });
      reply.header('x-negiz-journal-entry', receipt.id);
      return result.send(receipt.id);
    } catch (error) {
      const refusal =
        error instanceof Refusal
          ? error
          : error instanceof JournalUnavailableError
            ? new Refusal('JOURNAL_UNAVAILABLE', 'The journal cannot record this read; nothing is released.')
            : error instanceof z.ZodError
              ? new Refusal('BAD_REQUEST', `Invalid parameters: ${error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`)
              : new Refusal('INTERNAL', 'The report could not be produced.');
      if (principal && refusal.code !== 'JOURNAL_UNAVAILABLE') {
        // A refused read is journaled too; if even that fails, the refusal stands.
        await journal
          .recordRead({
            actor: principal,
            client: { kind: clientKind, id: 'reports-api' },
            name,
            parameters: request.query ?? null,
            outcome: 'REFUSED',
            refusal: refusal.code,
          })
          .catch(() => undefined);
      }
      return reply.code(refusal.status).headers(refusal.headers).send(refusalBody(refusal));
    }
  };

  app.get('/reports', (request, reply) =>
    journaled(request, reply, 'reports.organisation', 'REPORTS', async (principal) => {
      await requireGrant(principal, 'REPORTS');
      const q = reportQuery.parse(request.query);
      if (q.organisation && q.organisation !== principal.organisation) {
        throw new Refusal('OTHER_ORGANISATION', "Supervisors see only their own organisation's requests (p.10).");
      }
      const to = q.to ? new Date(q.to) : new Date();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - 31 * 24 * 3600_000);
      if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS) {
        throw new Refusal('BAD_PERIOD', 'The period must have from < to and span at most 366 days.');
      }
      const rows = await flagRows(
        await organisationReport(journal.store, {
          organisation: principal.organisation,
          from,
          to,
          login: q.user,
          basisType: q.basis,
          basisNumber: q.basisNumber,
          service: q.service,
          outcome: q.outcome,
          limit: q.limit,
          after: q.after,
        }),
        options.flags,
      );
      return {
        rows: rows.length,
        send: (receipt) => {
          if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(rows));
          const limit = q.limit ?? 1000;
          return reply.send({
            organisation: principal.organisation,
            from: from.toISOString(),
            to: to.toISOString(),
            count: rows.length,
            next: rows.length === limit ? reportCursor(rows[rows.length - 1]!) : null,
            journalEntry: receipt,
            entries: rows,
          });
        },
      };
    }),
  );

  app.get('/reports/subject', (request, reply) =>
    journaled(request, reply, 'reports.subject', 'REPORTS', async (principal) => {
      await requireGrant(principal, 'INTERNAL_SECURITY');
      const q = subjectQuery.parse(request.query);
      const subject: SubjectRef = 'iin' in q ? { kind: 'IIN', value: q.iin } : { kind: 'BIN', value: q.bin };
      const rows = await subjectLookup(journal.store, subject);
      return { rows: rows.length, subjects: [subject], send: (receipt) => reply.send({ count: rows.length, journalEntry: receipt, entries: rows }) };
    }),
  );

  app.get('/reports/citizen', (request, reply) =>
    journaled(request, reply, 'reports.citizen', 'CITIZEN_PORTAL', async (principal) => {
      if (!isCitizenPortal(principal)) {
        throw new Refusal('CITIZEN_PORTAL_ONLY', "A citizen's disclosure is served only to the e-government portal, authenticated as such.");
      }
      const q = citizenQuery.parse(request.query);
      const rows = await citizenDisclosure(journal.store, q.iin);
      return { rows: rows.length, subjects: [{ kind: 'IIN', value: q.iin }], send: () => reply.send({ count: rows.length, consultations: rows }) };
    }),
  );

  /**
   * The inclusion proof of one entry against the latest signed checkpoint: supervisors for their organisation's
   * entries, internal security for any. The leaf is the sealed part only (no personal data).
   */
  app.get('/reports/proof', (request, reply) =>
    journaled(request, reply, 'reports.proof', 'REPORTS', async (principal) => {
      const security = principal.grants?.includes('INTERNAL_SECURITY') ?? false;
      await requireGrant(principal, security ? 'INTERNAL_SECURITY' : 'REPORTS');
      const q = proofQuery.parse(request.query);
      if ((await journal.store.size()) <= q.id) throw new Refusal('BAD_REQUEST', `The journal has no entry ${q.id}.`);
      // A fresh entry is covered once a checkpoint is signed (every second); sign now rather than make the reader wait.
      await journal.checkpoint();
      const proof = await journal.prove(q.id);
      if (!security && organisationOfLeaf(proof.leaf) !== principal.organisation) {
        throw new Refusal('OTHER_ORGANISATION', "Supervisors see only their own organisation's requests (p.10).");
      }
      return { rows: 1, send: (receipt) => reply.send({ journalEntry: receipt, proof }) };
    }),
  );

  /**
   * The supervisor's monthly review of one request (p.10) leaves its own entry: sealed, the reviewed entry's id
   * (`note.reviewOf`); personal, the comment (it may name people).
   */
  app.post('/reports/review', (request, reply) =>
    journaled(request, reply, 'reports.review', 'REPORTS', async (principal) => {
      await requireGrant(principal, 'REPORTS');
      const body = reviewBody.parse(request.body ?? {});
      if ((await journal.store.size()) <= body.entryId) throw new Refusal('BAD_REQUEST', `The journal has no entry ${body.entryId}.`);
      const reviewed = await journal.store.entry(body.entryId);
      if (!reviewed || organisationOfLeaf(reviewed.body) !== principal.organisation) {
        throw new Refusal('OTHER_ORGANISATION', "Supervisors review only their own organisation's requests (p.10).");
      }
      const actor = { login: principal.login, role: principal.role, organisation: principal.organisation };
      return {
        rows: 1,
        record: () =>
          journal.writer.record(
            {
              requestId: randomUUID(),
              receivedAt: new Date(),
              user: actor,
              client: { kind: 'REPORTS', id: 'reports-api' },
              operation: { name: 'reports.review', documentHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'), kind: 'journal-read' },
              subjects: [],
              servicesCalled: ['journal'],
              withheld: [],
              outcome: 'RELEASED',
              recordCounts: {},
              durationMs: 0,
              reason: body.comment,
            },
            { reviewOf: body.entryId },
          ),
        send: (receipt) => reply.code(201).send({ journalEntry: receipt, reviewOf: body.entryId }),
      };
    }),
  );
}
