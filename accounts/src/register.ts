/**
 * The account register (p.2, p.14, p.15, Appendix 6) in PostgreSQL or embedded PGlite. Every change runs in one
 * transaction that journals it (who, what, why, on which document) before it commits: a change the journal could
 * not take is not made. After the commit, `onChange` tells the gateway replicas to forget the account.
 */
import { compactVerify, importJWK, type JWK } from 'jose';
import type { AccountChangeInput, JournalReceipt } from '@negiz/journal';
import type { SqlClient, SqlQuery } from '@negiz/journal/sql-client.ts';
import { Refusal } from '@negiz/schema';
import type { Agreement } from './agreement.ts';
import type { Account, AccountGrant, AccountStatus, BlockCause, ChangeContext, GrantKind } from './types.ts';

/** The journal the register writes into: the durable journal, or anything that keeps the same promise. */
export interface AccountJournal {
  recordAccount(change: AccountChangeInput): Promise<JournalReceipt>;
  /** The journal's own register of Reports grants (the durable journal has one). */
  grant?(grant: { login: string; organisation: string; kind: 'REPORTS' | 'INTERNAL_SECURITY'; letterReference: string; grantedBy: string }): Promise<number>;
}

export interface RegisterOptions {
  journal: AccountJournal;
  agreement: Agreement;
  /** The wall clock (tests move it); default now. */
  now?: () => Date;
  /** Called after an account's change committed (the replicas' caches forget it). */
  onChange?: (login: string) => unknown;
  /** How long a transfer's new role waits for the operator's approval (default 24 h, p.14-15, seed 003 p.4). */
  approvalWindowMs?: number;
}

/** What the gateway's authenticate stage needs of an account. */
export interface AccountStanding {
  login: string;
  status: AccountStatus;
  role?: number;
  grants: GrantKind[];
  /** The current version of the agreement is accepted (Appendix 6). */
  agreementAccepted: boolean;
}

export interface NewAccount {
  login: string;
  fullName: string;
  organisation: string;
  role: number;
  phone?: string;
  /** The user's public signature key (JWK), to verify their acceptance of the agreement. */
  signingKey?: JWK;
}

export interface UserRow {
  login: string;
  full_name: string;
  organisation: string;
  role: number | null;
  phone: string | null;
  status: AccountStatus;
  block_cause: BlockCause | null;
  pending_role: number | null;
  pending_organisation: string | null;
  pending_since: Date | string | null;
  pending_order: string | null;
  absence_from: Date | string | null;
  absence_to: Date | string | null;
  agreement_version: string | null;
  agreement_text_hash: string | null;
  agreement_accepted_at: Date | string | null;
  signing_key: JWK | string | null;
  hr_order_date: Date | string | null;
  created_at: Date | string;
  changed_at: Date | string;
}

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const AGREEMENT_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];
export const DAY_MS = 24 * 3600 * 1000;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const time = (value: Date | string): number => new Date(value).getTime();

export class AccountRegister {
  readonly db: SqlClient;
  readonly agreement: Agreement;
  readonly #journal: AccountJournal;
  readonly #onChange: ((login: string) => unknown) | undefined;
  readonly approvalWindowMs: number;
  now: () => Date;

  constructor(db: SqlClient, options: RegisterOptions) {
    this.db = db;
    this.agreement = options.agreement;
    this.#journal = options.journal;
    this.#onChange = options.onChange;
    this.now = options.now ?? (() => new Date());
    this.approvalWindowMs = options.approvalWindowMs ?? DAY_MS;
  }

  async row(login: string, tx: SqlQuery = this.db): Promise<UserRow | undefined> {
    return (await tx.query<UserRow>('select * from accounts_users where login = $1', [login])).rows[0];
  }

  async account(login: string): Promise<Account | undefined> {
    const row = await this.row(login);
    return row && this.#toAccount(row, await this.#grants(login));
  }

  async list(): Promise<Account[]> {
    const rows = (await this.db.query<UserRow>('select * from accounts_users order by login')).rows;
    const grants = await this.#grants();
    return rows.map((row) =>
      this.#toAccount(
        row,
        grants.filter((g) => g.login === row.login),
      ),
    );
  }

  /** The account's standing for the authenticate stage, or undefined when it is not registered. */
  async standing(login: string): Promise<AccountStanding | undefined> {
    const row = await this.row(login);
    if (!row) return undefined;
    const grants = (await this.#grants(login)).map((g) => g.kind);
    return {
      login,
      status: this.#effectiveStatus(row),
      ...(row.role === null ? {} : { role: row.role }),
      grants,
      agreementAccepted: row.agreement_version === this.agreement.version && row.agreement_text_hash === this.agreement.textHash,
    };
  }

  async add(input: NewAccount, context: ChangeContext): Promise<Account> {
    requireReason(context);
    if (
      !LOGIN.test(input.login) ||
      !input.fullName.trim() ||
      !input.organisation.trim() ||
      !Number.isInteger(input.role) ||
      input.role < 1 ||
      input.role > 21
    ) {
      throw new Refusal('ACCOUNT_CHANGE_INVALID', 'An account needs a login (a-z, 0-9, . _ -), a full name, an organisation and a role of Appendix 1 (1-21)');
    }
    await this.#journaled(input.login, context, 'account.add', async (tx) => {
      if (await this.row(input.login, tx)) throw new Refusal('ACCOUNT_EXISTS');
      const now = this.now();
      await tx.query(
        `insert into accounts_users (login, full_name, organisation, role, phone, status, signing_key, created_at, changed_at)
         values ($1, $2, $3, $4, $5, 'ACTIVE', $6, $7, $7)`,
        [input.login, input.fullName, input.organisation, input.role, input.phone ?? null, input.signingKey ? JSON.stringify(input.signingKey) : null, now],
      );
      return { status: 'ACTIVE', role: input.role };
    });
    return (await this.account(input.login))!;
  }

  async block(login: string, context: ChangeContext, cause: BlockCause = 'OPERATOR', status: 'BLOCKED' | 'SUSPENDED' = 'BLOCKED'): Promise<Account> {
    return this.change(login, context, 'account.block', async (tx, row) => {
      if (row.status === 'CLOSED') throw new Refusal('ACCOUNT_CHANGE_INVALID', 'The account is closed: it cannot be blocked or unblocked', { status: 409 });
      await tx.query('update accounts_users set status = $2, block_cause = $3 where login = $1', [login, status, cause]);
      return { status, cause };
    });
  }

  async unblock(login: string, context: ChangeContext): Promise<Account> {
    return this.change(login, context, 'account.unblock', async (tx, row) => {
      if (row.status === 'CLOSED') throw new Refusal('ACCOUNT_CHANGE_INVALID', 'The account is closed: it cannot be blocked or unblocked', { status: 409 });
      // Without a role the account waits for a decision on its role, not for an unblock.
      const status: AccountStatus = row.role === null ? 'PENDING_ROLE' : 'ACTIVE';
      await tx.query('update accounts_users set status = $2, block_cause = null, absence_from = null, absence_to = null where login = $1', [login, status]);
      return { status };
    });
  }

  /** The operator approves a transferred user's new role (p.14): only within the approval window. */
  async approveRole(login: string, context: ChangeContext): Promise<Account> {
    const current = await this.row(login);
    if (!current) throw new Refusal('ACCOUNT_NOT_FOUND');
    if (current.pending_role !== null && current.pending_since !== null && this.#expired(current.pending_since)) {
      await this.change(login, context, 'account.role-expired', async (tx) => {
        await tx.query(
          'update accounts_users set pending_role = null, pending_organisation = null, pending_since = null, pending_order = null where login = $1',
          [login],
        );
        return { status: 'PENDING_ROLE', pendingRole: current.pending_role! };
      });
      throw new Refusal('ROLE_APPROVAL_EXPIRED');
    }
    return this.change(login, context, 'account.approve-role', async (tx, row) => {
      if (row.status !== 'PENDING_ROLE' || row.pending_role === null) throw new Refusal('ROLE_NOT_PENDING');
      await tx.query(
        `update accounts_users set status = 'ACTIVE', role = pending_role, organisation = pending_organisation,
           pending_role = null, pending_organisation = null, pending_since = null, pending_order = null where login = $1`,
        [login],
      );
      return { status: 'ACTIVE', role: row.pending_role };
    });
  }

  async grant(login: string, kind: GrantKind, context: ChangeContext): Promise<Account> {
    if (kind === 'REPORTS' && !context.document?.trim()) {
      throw new Refusal('ACCOUNT_CHANGE_INVALID', "Reports are granted on a reasoned letter (order No. 21 p.10): give the letter's reference");
    }
    const account = await this.change(login, context, `account.grant.${kind}`, async (tx, row) => {
      const active = await tx.query('select 1 from accounts_grants where login = $1 and kind = $2 and revoked_at is null', [login, kind]);
      if (active.rows.length > 0) throw new Refusal('ACCOUNT_CHANGE_INVALID', `The account already holds the ${kind} grant`, { status: 409 });
      await tx.query('insert into accounts_grants (login, kind, letter_reference, granted_by, granted_at) values ($1, $2, $3, $4, $5)', [
        login,
        kind,
        context.document ?? null,
        context.actor.login,
        this.now(),
      ]);
      if (kind !== 'OPERATOR' && this.#journal.grant) {
        // The Reports API also checks the journal's own grant register, with the letter's reference.
        await this.#journal.grant({
          login,
          organisation: row.organisation,
          kind,
          letterReference: context.document ?? context.reason,
          grantedBy: context.actor.login,
        });
      }
      return { grant: kind };
    });
    return account;
  }

  async revokeGrant(login: string, kind: GrantKind, context: ChangeContext): Promise<Account> {
    return this.change(login, context, `account.revoke.${kind}`, async (tx) => {
      const revoked = await tx.query(
        'update accounts_grants set revoked_at = $3, revoked_by = $4 where login = $1 and kind = $2 and revoked_at is null returning id',
        [login, kind, this.now(), context.actor.login],
      );
      if (revoked.rows.length === 0) throw new Refusal('ACCOUNT_CHANGE_INVALID', `The account holds no ${kind} grant`, { status: 409 });
      return { revoked: kind };
    });
  }

  /** Registers (or replaces) the user's public signature key the agreement's acceptance is verified with. */
  async setSigningKey(login: string, key: JWK, context: ChangeContext): Promise<Account> {
    const { d: _private, ...publicKey } = key;
    return this.change(login, context, 'account.signing-key', async (tx) => {
      await tx.query('update accounts_users set signing_key = $2 where login = $1', [login, JSON.stringify(publicKey)]);
      return { signingKey: 'set' };
    });
  }

  /**
   * The user's acceptance of the agreement (Appendix 6): a compact JWS over {version, textHash} signed with their
   * registered key, for the version in force. Kept as signed.
   */
  async acceptAgreement(login: string, jws: string, context: Omit<ChangeContext, 'reason'>): Promise<Account> {
    const row = await this.row(login);
    if (!row) throw new Refusal('ACCOUNT_NOT_FOUND');
    const payload = await this.#verifyAcceptance(row, jws);
    if (payload.version !== this.agreement.version || payload.textHash !== this.agreement.textHash) {
      throw new Refusal('AGREEMENT_VERSION_OUTDATED', undefined, { extensions: { version: this.agreement.version, textHash: this.agreement.textHash } });
    }
    return this.change(login, { ...context, reason: `agreement version ${payload.version} accepted` }, 'account.agreement', async (tx) => {
      await tx.query(
        'update accounts_users set agreement_version = $2, agreement_text_hash = $3, agreement_jws = $4, agreement_accepted_at = $5 where login = $1',
        [login, payload.version, payload.textHash, jws, this.now()],
      );
      return { agreementVersion: payload.version };
    });
  }

  /**
   * Lapses every transfer whose new role waited longer than the approval window (journaled as
   * account.role-expired); approveRole refuses them anyway, this makes the lapse visible without an attempt.
   */
  async expirePendingRoles(): Promise<string[]> {
    const cutoff = new Date(this.now().getTime() - this.approvalWindowMs);
    const due = (
      await this.db.query<{ login: string }>('select login from accounts_users where pending_role is not null and pending_since < $1 order by login', [cutoff])
    ).rows;
    const expired: string[] = [];
    const context: ChangeContext = {
      actor: { login: 'negiz', role: 0, organisation: 'OPERATOR' },
      client: { kind: 'ADMIN', id: 'approval window' },
      reason: 'the new role was not approved within 24 hours of the transfer notice',
    };
    for (const { login } of due) {
      let lapsed = false;
      await this.change(login, context, 'account.role-expired', async (tx, row): Promise<Record<string, string | number>> => {
        // Another replica lapsed it, or the operator approved it, meanwhile (rare: journaled as unchanged).
        if (row.pending_role === null || row.pending_since === null || !this.#expired(row.pending_since)) return { unchanged: 'decided meanwhile' };
        await tx.query(
          'update accounts_users set pending_role = null, pending_organisation = null, pending_since = null, pending_order = null where login = $1',
          [login],
        );
        lapsed = true;
        return { status: row.status, pendingRole: row.pending_role };
      });
      if (lapsed) expired.push(login);
    }
    return expired;
  }

  /** Journals a refused attempt at a change that never reached an account (e.g. a caller without the OPERATOR grant). */
  async recordRefusal(login: string, context: ChangeContext, action: string, refusal: Refusal): Promise<void> {
    await this.#journal
      .recordAccount({
        actor: context.actor,
        client: context.client,
        action,
        login,
        reason: context.reason || refusal.message,
        changes: {},
        outcome: 'REFUSED',
        refusal: refusal.code,
      })
      .catch(() => undefined);
  }

  /** The stored, signed acceptance (for the operator's checks). */
  async acceptance(login: string): Promise<string | undefined> {
    const rows = (await this.db.query<{ agreement_jws: string | null }>('select agreement_jws from accounts_users where login = $1', [login])).rows;
    return rows[0]?.agreement_jws ?? undefined;
  }

  /**
   * One change of one account: the row locked, `apply` run, the change journaled, then committed; a refusal is
   * journaled as refused. `onChange` runs after the commit.
   */
  async change(
    login: string,
    context: ChangeContext,
    action: string,
    apply: (tx: SqlQuery, row: UserRow, entry: { action: string }) => Promise<Record<string, string | number>>,
  ): Promise<Account> {
    requireReason(context);
    await this.#journaled(login, context, action, async (tx, entry) => {
      const row = (await tx.query<UserRow>('select * from accounts_users where login = $1 for update', [login])).rows[0];
      if (!row) throw new Refusal('ACCOUNT_NOT_FOUND');
      return apply(tx, row, entry);
    });
    return (await this.account(login))!;
  }

  async #journaled(
    login: string,
    context: ChangeContext,
    action: string,
    apply: (tx: SqlQuery, entry: { action: string }) => Promise<Record<string, string | number>>,
  ): Promise<void> {
    const entry = {
      actor: context.actor,
      client: context.client,
      action,
      login,
      reason: context.reason,
      ...(context.document ? { document: context.document } : {}),
    };
    try {
      await this.db.transaction(async (tx) => {
        // apply may name the action more precisely once it has seen the row (an HR event found stale).
        const changes = await apply(tx, entry);
        await tx.query('update accounts_users set changed_at = $2 where login = $1', [login, this.now()]);
        await this.#journal.recordAccount({ ...entry, changes });
      });
    } catch (error) {
      if (error instanceof Refusal) {
        await this.#journal.recordAccount({ ...entry, changes: {}, outcome: 'REFUSED', refusal: error.code }).catch(() => undefined);
      }
      throw error;
    }
    await this.#onChange?.(login);
  }

  async #verifyAcceptance(row: UserRow, jws: string): Promise<{ version: string; textHash: string }> {
    const invalid = (why: string): Refusal => new Refusal('AGREEMENT_SIGNATURE_INVALID', `The agreement's acceptance is not accepted (Appendix 6): ${why}`);
    if (!row.signing_key) throw invalid('no signature key is registered for the account');
    const jwk = (typeof row.signing_key === 'string' ? JSON.parse(row.signing_key) : row.signing_key) as JWK;
    let payload: unknown;
    try {
      const key = await importJWK(jwk, jwk.alg ?? 'ES256');
      const verified = await compactVerify(jws, key, { algorithms: AGREEMENT_ALGORITHMS });
      payload = JSON.parse(new TextDecoder().decode(verified.payload));
    } catch {
      throw invalid("the body is not a compact JWS signed with the account's key");
    }
    const body = payload as { version?: unknown; textHash?: unknown };
    if (typeof body?.version !== 'string' || typeof body.textHash !== 'string') throw invalid('the signed payload must be {version, textHash}');
    return { version: body.version, textHash: body.textHash };
  }

  #expired(since: Date | string): boolean {
    return this.now().getTime() - time(since) > this.approvalWindowMs;
  }

  #effectiveStatus(row: UserRow): AccountStatus {
    const now = this.now().getTime();
    if (row.status === 'ACTIVE' && row.absence_from !== null && row.absence_to !== null && now >= time(row.absence_from) && now < time(row.absence_to)) {
      return 'BLOCKED';
    }
    return row.status;
  }

  async #grants(login?: string): Promise<Array<AccountGrant & { login: string }>> {
    const rows = (
      await this.db.query<{ login: string; kind: GrantKind; letter_reference: string | null; granted_by: string; granted_at: Date | string }>(
        `select login, kind, letter_reference, granted_by, granted_at from accounts_grants where revoked_at is null ${login ? 'and login = $1' : ''} order by id`,
        login ? [login] : [],
      )
    ).rows;
    return rows.map((g) => ({ login: g.login, kind: g.kind, letterReference: g.letter_reference, grantedBy: g.granted_by, grantedAt: iso(g.granted_at)! }));
  }

  #toAccount(row: UserRow, grants: Array<AccountGrant & { login: string }>): Account {
    const pendingSince = row.pending_since;
    return {
      login: row.login,
      fullName: row.full_name,
      organisation: row.organisation,
      role: row.role,
      phone: row.phone,
      status: row.status,
      effectiveStatus: this.#effectiveStatus(row),
      blockCause: row.block_cause,
      pendingRole:
        row.pending_role !== null && pendingSince !== null
          ? {
              role: row.pending_role,
              organisation: row.pending_organisation ?? row.organisation,
              since: iso(pendingSince)!,
              order: row.pending_order,
              expiresAt: new Date(time(pendingSince) + this.approvalWindowMs).toISOString(),
              expired: this.#expired(pendingSince),
            }
          : null,
      absence: row.absence_from !== null && row.absence_to !== null ? { from: iso(row.absence_from)!, to: iso(row.absence_to)! } : null,
      agreement:
        row.agreement_version !== null && row.agreement_accepted_at !== null
          ? { version: row.agreement_version, textHash: row.agreement_text_hash ?? '', acceptedAt: iso(row.agreement_accepted_at)! }
          : null,
      grants: grants.map(({ login: _login, ...g }) => g),
      createdAt: iso(row.created_at)!,
      changedAt: iso(row.changed_at)!,
    };
  }
}

export function requireReason(context: { reason?: string }): void {
  if (!context.reason?.trim()) throw new Refusal('REASON_REQUIRED');
}
