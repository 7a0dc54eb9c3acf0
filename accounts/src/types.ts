/** The account register's words: statuses, grants and the account as the operator's tools show it. */
import type { ClientKind, JournalActor } from '@negiz/journal';

export const ACCOUNT_STATUSES = ['ACTIVE', 'SUSPENDED', 'BLOCKED', 'CLOSED', 'PENDING_ROLE'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** REPORTS and INTERNAL_SECURITY open the journal (p.10, seed 000); OPERATOR opens the account tools (ours: Appendix 1 has no such row). */
export const GRANT_KINDS = ['REPORTS', 'INTERNAL_SECURITY', 'OPERATOR'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** Why a blocked or suspended account is so. */
export type BlockCause = 'OPERATOR' | 'HR_DISMISSED' | 'HR_SUSPENDED';

export interface AccountGrant {
  kind: GrantKind;
  letterReference: string | null;
  grantedBy: string;
  grantedAt: string;
}

export interface Account {
  login: string;
  fullName: string;
  organisation: string;
  /** Row of Appendix 1; null while a transfer waits for approval (or after the approval expired). */
  role: number | null;
  phone: string | null;
  /** The status as stored. */
  status: AccountStatus;
  /** The status in force now: a long absence blocks an active account for its duration (Appendix 6). */
  effectiveStatus: AccountStatus;
  blockCause: BlockCause | null;
  pendingRole: { role: number; organisation: string; since: string; order: string | null; expiresAt: string; expired: boolean } | null;
  absence: { from: string; to: string } | null;
  agreement: { version: string; textHash: string; acceptedAt: string } | null;
  grants: AccountGrant[];
  createdAt: string;
  changedAt: string;
}

/** Who changes an account, from where, why and on which document: all journaled. */
export interface ChangeContext {
  actor: JournalActor;
  client: { kind: ClientKind; id: string };
  reason: string;
  document?: string;
}
