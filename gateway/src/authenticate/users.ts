/**
 * The user registry: whether an account may work right now (p.14, p.15, Appendix 6). A blocked user's
 * still-valid token is refused within the status cache age (a second by default, `0`: the next request).
 */
import { Refusal } from '../refusal.ts';
import { verdictCache } from '../verdict-cache.ts';
import type { Identity } from './identity.ts';

export type UserStatus = 'ACTIVE' | 'BLOCKED' | 'SUSPENDED' | 'AGREEMENT_NOT_ACCEPTED';

export interface UserRecord {
  login: string;
  status: UserStatus;
  /** The role the account holds now; a transfer (p.14) changes it. */
  role?: number;
  /** Journal grants the operator gave the account (REPORTS, INTERNAL_SECURITY), for /reports. */
  grants?: readonly string[];
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

/**
 * Remember an active account for at most `ttlMs` (default 1 s), counted from when the registry was asked: a
 * block takes effect within that time. 0: the registry is asked on every request. An account that may not work
 * (blocked, suspended, not registered) is never remembered, so its next request asks again.
 */
export function cachedUserRegistry(registry: UserRegistry, ttlMs = 1_000, options: { clock?: () => number } = {}): UserRegistry {
  const active = verdictCache<UserRecord>(ttlMs, { max: 10_000, name: 'account', ...(options.clock ? { clock: options.clock } : {}) });
  return {
    async user(login) {
      const hit = active.get(login);
      if (hit) return hit;
      const askedAt = active.now();
      const record = await registry.user(login);
      if (record?.status === 'ACTIVE') active.set(login, record, { reachedAt: askedAt });
      return record;
    },
  };
}

const STATUS_REFUSAL: Record<Exclude<UserStatus, 'ACTIVE'>, Refusal> = {
  BLOCKED: new Refusal('ACCOUNT_BLOCKED', 'The account is blocked (order No. 21 p.14, p.15; Appendix 6): requests are refused'),
  SUSPENDED: new Refusal('ACCOUNT_SUSPENDED', 'The account is suspended (order No. 21 p.14, p.15): requests are refused'),
  AGREEMENT_NOT_ACCEPTED: new Refusal(
    'AGREEMENT_NOT_ACCEPTED',
    'The user agreement has not been accepted (order No. 21, Appendix 6): sign it with the EDS before requesting data',
  ),
};

/** Refuse an identity whose account may not work now. */
export async function checkAccount(registry: UserRegistry, identity: Identity): Promise<void> {
  let record: UserRecord | undefined;
  try {
    record = await registry.user(identity.login);
  } catch {
    throw new Refusal('UNAUTHENTICATED', 'The user registry cannot be reached: the account status cannot be checked (order No. 21 p.14)');
  }
  if (!record) throw new Refusal('UNAUTHENTICATED', 'The account is not registered (order No. 21 p.2): ask the operator to register it');
  if (record.status !== 'ACTIVE') throw STATUS_REFUSAL[record.status];
  if (record.role !== undefined && record.role !== identity.role) {
    throw new Refusal('UNAUTHENTICATED', "The account's role has changed since login (order No. 21 p.14): log in again");
  }
}
