/**
 * The HR feed (p.15; seed 002): notices of dismissal, suspension, transfer, absence and return, each a compact JWS
 * signed by a body's registered HR system (the header's `kid` names it). Idempotent by event id; applied in the
 * order of the orders' dates (an older order than the one applied is kept as STALE, not applied over it); every
 * refusal is journaled. A notice that arrives more than 24 hours after its order's date is marked late.
 */
import { createHash } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { z } from 'zod';
import { Refusal } from '@negiz/schema';
import { DAY_MS, type AccountJournal, type AccountRegister, type UserRow } from './register.ts';
import type { ChangeContext } from './types.ts';

export const HR_EVENT_KINDS = ['DISMISSED', 'SUSPENDED', 'TRANSFERRED', 'ABSENCE', 'RETURNED'] as const;
const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

/** A date is midnight in Kazakhstan (UTC+5); a date-time carries its own offset. */
const instant = z.union([z.iso.date().transform((d) => new Date(`${d}T00:00:00+05:00`)), z.iso.datetime({ offset: true }).transform((d) => new Date(d))]);

export const hrEventSchema = z
  .object({
    eventId: z.string().min(1).max(128),
    orderNumber: z.string().min(1).max(128),
    orderDate: instant,
    login: z.string().min(1).max(64),
    kind: z.enum(HR_EVENT_KINDS),
    organisation: z.string().min(1).max(500).optional(),
    role: z.number().int().min(1).max(21).optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .superRefine((event, ctx) => {
    if (event.kind === 'TRANSFERRED' && (event.role === undefined || !event.organisation))
      ctx.addIssue({ code: 'custom', message: 'TRANSFERRED needs role and organisation' });
    if (event.kind === 'ABSENCE' && (!event.from || !event.to || event.to <= event.from)) ctx.addIssue({ code: 'custom', message: 'ABSENCE needs from < to' });
  });
export type HrEvent = z.infer<typeof hrEventSchema>;

export interface HrSystem {
  id: string;
  organisation: string;
  publicKey: JWK;
}

export type HrOutcome = 'APPLIED' | 'STALE';

export interface HrResult {
  eventId: string;
  outcome: HrOutcome;
  /** The same event was received before: nothing was done again. */
  duplicate: boolean;
  late: boolean;
}

export async function registerHrSystem(register: AccountRegister, system: HrSystem, context: ChangeContext): Promise<void> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(system.id) || !system.organisation.trim() || !system.publicKey.kty) {
    throw new Refusal('ACCOUNT_CHANGE_INVALID', 'An HR system needs an id (a-z, 0-9, . _ -), its organisation and a public JWK');
  }
  const { d: _private, ...publicKey } = system.publicKey;
  await register.db.transaction(async (tx) => {
    const existing = await tx.query('select 1 from accounts_hr_systems where id = $1', [system.id]);
    if (existing.rows.length > 0) throw new Refusal('ACCOUNT_CHANGE_INVALID', `An HR system "${system.id}" is already registered`, { status: 409 });
    await tx.query('insert into accounts_hr_systems (id, organisation, public_key, registered_by, registered_at) values ($1, $2, $3, $4, $5)', [
      system.id,
      system.organisation,
      JSON.stringify(publicKey),
      context.actor.login,
      register.now(),
    ]);
  });
}

export async function hrSystems(register: AccountRegister): Promise<Array<{ id: string; organisation: string; registeredAt: string }>> {
  const rows = (
    await register.db.query<{ id: string; organisation: string; registered_at: Date | string }>(
      'select * from accounts_hr_systems where revoked_at is null order by id',
    )
  ).rows;
  return rows.map((r) => ({ id: r.id, organisation: r.organisation, registeredAt: new Date(r.registered_at).toISOString() }));
}

/** Does this HR system speak for the account's organisation (the organisation itself or one of its units)? */
const speaksFor = (system: string, organisation: string): boolean => organisation === system || organisation.startsWith(`${system},`);

export class HrFeed {
  readonly #register: AccountRegister;
  readonly #journal: AccountJournal;

  constructor(register: AccountRegister, journal: AccountJournal) {
    this.#register = register;
    this.#journal = journal;
  }

  /** Receives one signed event; a refusal is journaled, then thrown. */
  async receive(jws: unknown): Promise<HrResult> {
    const facts: Facts = {};
    try {
      return await this.#receive(jws, facts);
    } catch (error) {
      // A refused notice is journaled too (who sent what, refused why); a refused change was journaled by the register.
      if (error instanceof Refusal && !facts.changing) {
        await this.#journal
          .recordAccount({
            actor: { login: `hr:${facts.system?.id ?? 'unknown'}`, role: 20, organisation: facts.system?.organisation ?? 'UNKNOWN' },
            client: { kind: 'HR_SYSTEM', id: facts.system?.id ?? 'unknown' },
            action: 'account.hr.refused',
            login: facts.login ?? '-',
            changes: facts.eventId ? { eventId: facts.eventId } : {},
            reason: error.message,
            outcome: 'REFUSED',
            refusal: error.code,
          })
          .catch(() => undefined);
      }
      throw error;
    }
  }

  async #receive(jws: unknown, facts: Facts): Promise<HrResult> {
    if (typeof jws !== 'string' || jws.split('.').length !== 3) throw new Refusal('HR_EVENT_UNSIGNED');
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(jws);
      if (!header.alg || header.alg === 'none') throw new Error('unsigned');
      kid = header.kid;
    } catch {
      throw new Refusal('HR_EVENT_UNSIGNED');
    }
    const system = kid ? await this.#system(kid) : undefined;
    if (!system) throw new Refusal('HR_SYSTEM_UNKNOWN');
    facts.system = system;
    let payload: unknown;
    try {
      const verified = await compactVerify(jws, await importJWK(system.publicKey, system.publicKey.alg ?? 'ES256'), { algorithms: ALGORITHMS });
      payload = JSON.parse(new TextDecoder().decode(verified.payload));
    } catch (error) {
      if (error instanceof SyntaxError) throw new Refusal('HR_EVENT_MALFORMED', 'The HR event is not JSON (p.15): see docs/accounts.md for its fields');
      throw new Refusal('HR_EVENT_SIGNATURE_INVALID');
    }
    const parsed = hrEventSchema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Refusal('HR_EVENT_MALFORMED', `The HR event is malformed (p.15): ${issue.path.join('.') || 'event'}: ${issue.message}`);
    }
    const event = parsed.data;
    facts.login = event.login;
    facts.eventId = event.eventId;
    const payloadHash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');

    const previous = (
      await this.#register.db.query<{ payload_hash: string; outcome: HrOutcome; late: boolean }>(
        'select payload_hash, outcome, late from accounts_hr_events where event_id = $1',
        [event.eventId],
      )
    ).rows[0];
    if (previous) {
      if (previous.payload_hash !== payloadHash) throw new Refusal('HR_EVENT_CONFLICT');
      return { eventId: event.eventId, outcome: previous.outcome, duplicate: true, late: previous.late };
    }
    const account = await this.#register.row(event.login);
    if (!account) throw new Refusal('ACCOUNT_NOT_FOUND', 'The HR event names an account that is not registered');
    if (!speaksFor(system.organisation, account.organisation)) {
      throw new Refusal('HR_SYSTEM_UNKNOWN', "This HR system is not registered for the account's organisation (p.15)");
    }

    const receivedAt = this.#register.now();
    const lateHours = Math.floor((receivedAt.getTime() - event.orderDate.getTime()) / 3_600_000);
    const late = receivedAt.getTime() - event.orderDate.getTime() > DAY_MS;
    let outcome: HrOutcome = 'APPLIED';
    const context: ChangeContext = {
      actor: { login: `hr:${system.id}`, role: 20, organisation: system.organisation },
      client: { kind: 'HR_SYSTEM', id: system.id },
      reason: `HR event ${event.eventId}`,
      document: event.orderNumber,
    };
    facts.changing = true;
    await this.#register.change(event.login, context, `account.hr.${event.kind}`, async (tx, row, entry) => {
      const changes: Record<string, string | number> = late ? { late: lateHours } : {};
      if (row.hr_order_date !== null && event.orderDate.getTime() < new Date(row.hr_order_date).getTime()) {
        outcome = 'STALE';
        entry.action = `account.hr.${event.kind}.stale`;
        changes.outcome = 'STALE';
      } else {
        Object.assign(changes, await applyEvent(tx, row, event, receivedAt));
        await tx.query('update accounts_users set hr_order_date = $2 where login = $1', [event.login, event.orderDate]);
      }
      await tx.query(
        `insert into accounts_hr_events (event_id, system_id, login, kind, order_number, order_date, received_at, payload_hash, outcome, late, jws)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [event.eventId, system.id, event.login, event.kind, event.orderNumber, event.orderDate, receivedAt, payloadHash, outcome, late, jws],
      );
      return changes;
    });
    return { eventId: event.eventId, outcome, duplicate: false, late };
  }

  async #system(id: string): Promise<HrSystem | undefined> {
    const row = (
      await this.#register.db.query<{ id: string; organisation: string; public_key: JWK | string }>(
        'select * from accounts_hr_systems where id = $1 and revoked_at is null',
        [id],
      )
    ).rows[0];
    if (!row) return undefined;
    return { id: row.id, organisation: row.organisation, publicKey: typeof row.public_key === 'string' ? (JSON.parse(row.public_key) as JWK) : row.public_key };
  }
}

interface Facts {
  system?: HrSystem;
  login?: string;
  eventId?: string;
  /** The register took over: it journals its own refusals. */
  changing?: boolean;
}

type Tx = Parameters<Parameters<AccountRegister['change']>[3]>[0];

/** Two calendar months after `from` (Appendix 6: absent "more than two months"). */
function twoMonthsAfter(from: Date): Date {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + 2);
  return d;
}

async function applyEvent(tx: Tx, row: UserRow, event: HrEvent, receivedAt: Date): Promise<Record<string, string | number>> {
  const login = event.login;
  const closed = row.status === 'CLOSED';
  switch (event.kind) {
    case 'DISMISSED':
    case 'SUSPENDED': {
      const status = event.kind === 'DISMISSED' ? 'BLOCKED' : 'SUSPENDED';
      if (closed) return { status: row.status };
      await tx.query('update accounts_users set status = $2, block_cause = $3 where login = $1', [login, status, `HR_${event.kind}`]);
      return { status };
    }
    case 'TRANSFERRED': {
      // The old role ends at once; the new one waits for the operator (p.14), counted from the notice's receipt.
      const status = row.status === 'ACTIVE' || row.status === 'PENDING_ROLE' ? 'PENDING_ROLE' : row.status;
      await tx.query(
        `update accounts_users set role = null, status = $2, pending_role = $3, pending_organisation = $4, pending_since = $5, pending_order = $6 where login = $1`,
        [login, status, event.role, event.organisation, receivedAt, event.orderNumber],
      );
      return { status, role: 'none', pendingRole: event.role! };
    }
    case 'ABSENCE': {
      if (event.to! <= twoMonthsAfter(event.from!)) return { absence: 'two months or less: no block' };
      await tx.query('update accounts_users set absence_from = $2, absence_to = $3 where login = $1', [login, event.from, event.to]);
      return { absence: 'blocked for its duration', from: event.from!.toISOString(), to: event.to!.toISOString() };
    }
    case 'RETURNED': {
      const lifts = row.status === 'SUSPENDED' && row.block_cause === 'HR_SUSPENDED';
      await tx.query(
        `update accounts_users set absence_from = null, absence_to = null${lifts ? `, status = 'ACTIVE', block_cause = null` : ''} where login = $1`,
        [login],
      );
      return { status: lifts ? 'ACTIVE' : row.status, absence: 'ended' };
    }
  }
}
