/**
 * What the gateway hands to the journal for every request that reaches the policy stage (refused ones included),
 * and what it gets back. The journal commits the entry durably before the response is released (spec p.5, p.10).
 */
import type { BasisCode } from '@negiz/schema';

export type ClientKind = 'PORTAL' | 'COURT' | 'GRAPHIQL' | 'REPORTS' | 'CITIZEN_PORTAL' | 'CLI' | 'ADMIN' | 'HR_SYSTEM';
export type JournalOutcome = 'RELEASED' | 'PARTIAL' | 'REFUSED' | 'FAILED';
export type SubjectRef = { kind: 'IIN' | 'BIN' | 'VIN' | 'PLATE' | 'SERIAL' | 'CADASTRAL' | 'OTHER'; value: string };

export interface JournalEntryInput {
  /** The request's id (also in the signed context sent to subgraphs). */
  requestId: string;
  /** When the request arrived. */
  receivedAt: Date;
  user: { login: string; role: number; organisation: string };
  client: { kind: ClientKind; id: string };
  basis?: {
    type: BasisCode;
    number: string;
    instruction?: string;
    /** Free-text reason, when a justification challenge asked for one. */
    reason?: string;
    /** VERIFIED, or the refusal code of the basis stage (BASIS_NOT_YOURS, CASE_CLOSED, ...). */
    verification: string;
  };
  operation: {
    name?: string;
    documentHash: string;
    persistedId?: string;
    kind: 'query' | 'mutation' | 'subscription' | 'journal-read' | 'destroy' | 'account';
  };
  /** The subjects asked about, taken from arguments and variables. */
  subjects: SubjectRef[];
  /** Slugs of the services actually called. */
  servicesCalled: string[];
  /** Fields withheld, with their rule and code. */
  withheld: Array<{ path: string; coordinate: string; service: string; code: string; rule: { appendix: number; row: number; column: number; note?: string } }>;
  outcome: JournalOutcome;
  /** The refusal code when outcome is REFUSED/FAILED. */
  refusal?: string;
  /** Records returned per service slug. */
  recordCounts: Record<string, number>;
  durationMs: number;
  /** The case the entry belongs to, for lawful destruction (p.48). */
  caseNumber?: string;
  /** Why, for entries without a basis (account changes); kept in the personal part like basis.reason. */
  reason?: string;
}

export interface JournalReceipt {
  /** The entry's id (its leaf index in the Merkle log). */
  id: string;
  /** Hex of the RFC 9162 leaf hash. */
  leafHash: string;
}

export interface Journal {
  /** Resolves once the entry is committed durably; rejects when it cannot be (the gateway then releases no data). */
  record(entry: JournalEntryInput): Promise<JournalReceipt>;
  close(): Promise<void>;
}

/** Raised by a journal that cannot commit; the gateway answers JOURNAL_UNAVAILABLE. */
export class JournalUnavailableError extends Error {
  override name = 'JournalUnavailableError';
}
