/**
 * The user registry: whether an account may work right now (p.14, p.15, Appendix 6). A blocked user's
 * still-valid token is refused as soon as the register announces the change (Redis), and in any case within the
 * status cache age (a second by default, `0`: the next request).
 */
import { Refusal } from '../refusal.ts';
import { verdictCache } from '../verdict-cache.ts';
import type { Identity } from './identity.ts';

export type UserStatus = 'ACTIVE' | 'BLOCKED' | 'SUSPENDED' | 'CLOSED' | 'PENDING_ROLE';

export interface UserRecord {
  login: string;
  status: UserStatus;
  /** The role the account holds now; a transfer (p.14) changes it. */
  role?: number;
  /** Grants the operator gave the account (REPORTS, INTERNAL_SECURITY for /reports; OPERATOR for /admin). */
  grants?: readonly string[];
  /** false: the agreement in force is not accepted (Appendix 6), only its acceptance may be sent. */
  agreementAccepted?: boolean;
}

export interface UserRegistry {
  /** The account, or undefined when the login is not registered. */
  user(login: string): Promise<UserRecord | undefined> | UserRecord | undefined;
}

/** A registry held in memory (the demo users in development; tests). */
export class MemoryUserRegistry implements UserRegistry {
  readonly #users = new Map<string, UserRecord>();
  constructor(users: Iterable<UserRecord> = []) {
    for (const u of users) this.#users.set(u.login, { ...u });
  }
  user(login: string): UserRecord | undefined {
    return this.#users.get(login);
  }
  set(user: UserRecord): void {
    this.#users.set(user.login, { ...user });
  }
  setStatus(login: string, status: UserStatus): void {
    const u = this.#users.get(login);
    if (u) this.#users.set(login, { ...u, status });
  }
}

export interface CachedUserRegistry extends UserRegistry {
  /** Forget an account (the register announced its change), or every account. */
  forget(login?: string): void;
}

/**
 * Remember an active account for at most `ttlMs` (default 1 s), counted from when the registry was asked: a
 * block takes effect within that time. 0: the registry is asked on every request. An account that may not work
 * (blocked, suspended, not registered) is never remembered, so its next request asks again.
 */
export function cachedUserRegistry(registry: UserRegistry, ttlMs = 1_000, options: { clock?: () => number } = {}): CachedUserRegistry {
  const fresh = () => verdictCache<UserRecord>(ttlMs, { max: 10_000, name: 'account', ...(options.clock ? { clock: options.clock } : {}) });
  let active = fresh();
  // A change announced while the registry was being asked must not let the older answer into the cache.
  let generation = 0;
  const changedAt = new Map<string, number>();
  return {
    forget(login) {
      generation++;
      if (login === undefined) {
        active = fresh();
        changedAt.clear();
        return;
      }
      active.delete(login);
      changedAt.set(login, generation);
      if (changedAt.size > 10_000) changedAt.clear();
    },
    async user(login) {
      const hit = active.get(login);
      if (hit) return hit;
      const askedAt = active.now();
      const asked = generation;
      const record = await registry.user(login);
      const changedSince = (changedAt.get(login) ?? -1) > asked;
      if (record?.status === 'ACTIVE' && !changedSince) active.set(login, record, { reachedAt: askedAt });
      return record;
    },
  };
}

const STATUS_REFUSAL: Record<Exclude<UserStatus, 'ACTIVE'>, Refusal> = {
  BLOCKED: new Refusal('ACCOUNT_BLOCKED', 'The account is blocked (order No. 21 p.14, p.15; Appendix 6): requests are refused'),
  SUSPENDED: new Refusal('ACCOUNT_SUSPENDED', 'The account is suspended (order No. 21 p.14, p.15): requests are refused'),
  CLOSED: new Refusal('ACCOUNT_CLOSED'),
  PENDING_ROLE: new Refusal('ACCOUNT_PENDING_ROLE'),
};
const AGREEMENT_REQUIRED = new Refusal('AGREEMENT_REQUIRED');

export interface CheckAccountOptions {
  /** The acceptance of the agreement itself is the one request an account without it may send. */
  agreementExempt?: boolean;
}

/** Refuse an identity whose account may not work now. */
export async function checkAccount(registry: UserRegistry, identity: Identity, options: CheckAccountOptions = {}): Promise<void> {
  let record: UserRecord | undefined;
  try {
    record = await registry.user(identity.login);
  } catch {
    throw new Refusal('UNAUTHENTICATED', 'The user registry cannot be reached: the account status cannot be checked (order No. 21 p.14)');
  }
  if (!record) throw new Refusal('UNAUTHENTICATED', 'The account is not registered (order No. 21 p.2): ask the operator to register it');
  if (record.status !== 'ACTIVE') throw STATUS_REFUSAL[record.status];
  if (record.agreementAccepted === false && !options.agreementExempt) throw AGREEMENT_REQUIRED;
  if (record.role !== undefined && record.role !== identity.role) {
    throw new Refusal('UNAUTHENTICATED', "The account's role has changed since login (order No. 21 p.14): log in again");
  }
}
