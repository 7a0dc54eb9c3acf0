/**
 * What the journal's read side hands out: report rows and the flags raised on them. Kept apart from the queries
 * (reports.ts) and the flagging (flags.ts), which both need them.
 */
import type { SubjectRef } from './contract.ts';
import type { SealedPart } from './encoding.ts';

export type FlagCode =
  | 'SUBJECT_NOT_IN_CASE'
  | 'SELF_LOOKUP'
  | 'RELATIVE_LOOKUP'
  | 'SAME_SURNAME'
  | 'CLUSTER_ON_SUBJECT'
  | 'MANY_SUBJECTS_PER_DAY'
  | 'OUTSIDE_WORKING_HOURS'
  | 'REFUSED_THEN_RETRIED'
  | 'LATE_HR_NOTICE';

export interface Flag {
  code: FlagCode;
  reason: string;
}

export interface ReportFilter {
  organisation: string;
  from: Date;
  to: Date;
  login?: string;
  basisType?: string;
  basisNumber?: string;
  service?: string;
  outcome?: string;
  /** Page size (default 1000, at most 10,000) and the cursor of the previous page (`next`). */
  limit?: number;
  after?: string;
}

export interface ReportRow {
  id: number;
  receivedAt: string;
  /** The same instant in the recorded local offset (p.4 of seed 004: times in local time). */
  localTime: string;
  login: string | null;
  role: number;
  organisation: string;
  client: { kind: string; id: string };
  basisType: string | null;
  basisNumber: string | null;
  verification: string | null;
  instruction: string | null;
  reason: string | null;
  operation: SealedPart['operation'];
  subjects: SubjectRef[] | null;
  servicesCalled: string[];
  withheld: SealedPart['withheld'];
  outcome: string;
  refusal: string | null;
  recordCounts: Record<string, number>;
  durationMs: number;
  /** Non-personal facts of special entries (account changes: what changed, the document, late). */
  note?: Record<string, string | number>;
  /** The personal part was destroyed with its case (p.48). */
  destroyed: boolean;
  flags: Flag[];
}

export interface CitizenDisclosureRow {
  date: string;
  requestingBody: string;
  basisType: string | null;
}
