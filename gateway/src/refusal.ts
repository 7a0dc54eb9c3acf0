/**
 * Refusals of a whole request: a stable code, the HTTP status that fits it, and a human message pointing at
 * the rule. Never personal data and never a stack trace (spec p.2, p.5, p.18, p.20, p.22).
 */
import { GraphQLError } from 'graphql';
import type { RuleRef } from '@negiz/schema';
import type { JournalReceipt } from './journal/contract.ts';

export const REFUSAL_STATUS = {
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  ACCOUNT_BLOCKED: 403,
  ACCOUNT_SUSPENDED: 403,
  AGREEMENT_NOT_ACCEPTED: 403,
  BASIS_NOT_YOURS: 403,
  FORBIDDEN_BASIS_FOR_ROLE: 403,
  CASE_CLOSED: 403,
  INSTRUCTION_NOT_YOURS: 403,
  FORBIDDEN_OPERATION: 403,
  BASIS_REQUIRED: 400,
  BASIS_INVALID: 400,
  JUSTIFICATION_REQUIRED: 400,
  INVALID_IIN: 400,
  INVALID_BIN: 400,
  BAD_REQUEST: 400,
  BASIS_UNVERIFIABLE: 503,
  JOURNAL_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

/** A refusal raised by a stage; the server turns it into a GraphQL error response with its status. */
export class Refusal extends Error {
  override name = 'Refusal';
  readonly code: RefusalCode;
  readonly status: number;
  readonly rule: RuleRef | undefined;
  /** The journal entry recording this refusal, when one was committed (sent as `extensions.journal`). */
  receipt: JournalReceipt | undefined;
  constructor(code: RefusalCode, message: string, rule?: RuleRef) {
    super(message);
    this.code = code;
    this.status = REFUSAL_STATUS[code];
    this.rule = rule;
  }

  /** The error as it appears in a GraphQL response (no stack, no original error). */
  toJSON(): { message: string; extensions: Record<string, unknown> } {
    return { message: this.message, extensions: { code: this.code, ...(this.rule ? { rule: this.rule } : {}) } };
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, { extensions: this.toJSON().extensions });
  }
}

/** The body of a refused request (with the journal's receipt when the refusal was journaled). */
export function refusalBody(refusal: Refusal): { errors: Array<ReturnType<Refusal['toJSON']>>; extensions?: { journal: JournalReceipt } } {
  return { errors: [refusal.toJSON()], ...(refusal.receipt ? { extensions: { journal: refusal.receipt } } : {}) };
}
