/**
 * The stages before execution, in order, data flowing one way: authenticate -> basis -> policy. Runs once per
 * HTTP request (a batch shares the token, each operation brings its own basis) and rewrites each operation's
 * text to its pruned form, so Apollo Server's caches key on what actually runs.
 */
import { randomUUID } from 'node:crypto';
import { isValidBin, isValidIin } from '@negiz/mocks/identifiers.ts';
import type { Authenticator } from './authenticate/index.ts';
import { readBasisClaim, type BasisClaim, type BasisVerifier } from './basis/index.ts';
import type { ChallengeDecision, ChallengeRequest } from './basis/challenge.ts';
import type { ClientKind, Journal } from '@negiz/journal';
import { subjectsOf, type PolicyStage } from './policy/index.ts';
import { Refusal } from './refusal.ts';
import { attachState, type OperationState } from './request-state.ts';
import { journalEntry } from './release/plugin.ts';

export interface AdmitOptions {
  authenticate: Authenticator;
  verifyBasis: BasisVerifier;
  policy: PolicyStage;
  journal: Journal;
  /** The random justification challenge (createJustificationChallenge); absent: none. */
  challenge?: (request: ChallengeRequest) => ChallengeDecision;
}

export interface HttpOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

type Headers = Record<string, string | string[] | undefined>;

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Admit the operations of one HTTP request, rewriting them in place, or throw the Refusal of the whole request.
 * `operations` are the parsed body items (or the GET parameters as one item).
 */
export async function admit(
  options: AdmitOptions,
  headers: Headers,
  operations: HttpOperation[],
  client: { kind: ClientKind; id: string },
  persisted: ReadonlyArray<{ id: string } | undefined> = [],
): Promise<OperationState[]> {
  const receivedAt = new Date();
  const startedAt = performance.now();
  const authorization = Array.isArray(headers.authorization) ? headers.authorization[0] : headers.authorization;
  const identity = await options.authenticate(authorization);
  const states: OperationState[] = [];
  for (const [index, operation] of operations.entries()) {
    if (typeof operation.query !== 'string') throw new Refusal('BAD_REQUEST', 'Send the operation text in "query" (persisted operations are resolved before this stage)');
    const operationName = typeof operation.operationName === 'string' ? operation.operationName : undefined;
    const inspection = options.policy.inspect(operation.query, operationName);
    const state: OperationState = {
      requestId: randomUUID(),
      receivedAt,
      startedAt,
      identity,
      client,
      ...(persisted[index] ? { persistedId: persisted[index].id } : {}),
      inspection,
      variables: record(operation.variables),
      servicesCalled: new Set(),
      audiences: [],
      contexts: new Map(),
    };
    const extensions = record(operation.extensions);
    if (inspection.valid && !inspection.introspectionOnly) {
      let claim: BasisClaim | undefined;
      try {
        // A malformed identifier is refused before any registry or service is asked (and never echoed back).
        for (const subject of subjectsOf(inspection, state.variables)) {
          if (subject.kind === 'IIN' && !isValidIin(subject.value)) {
            throw new Refusal('INVALID_IIN', 'Invalid IIN: an individual identification number is 12 digits encoding a birth date, century and sex, with a valid check digit');
          }
          if (subject.kind === 'BIN' && !isValidBin(subject.value)) {
            throw new Refusal('INVALID_BIN', 'Invalid BIN: a business identification number is 12 digits encoding the registration date and kind, with a valid check digit');
          }
        }
        claim = readBasisClaim(extensions, headers);
        state.basis = await options.verifyBasis(identity, claim);
        challenge(options, state);
      } catch (error) {
        if (error instanceof Refusal) throw await journaledRefusal(options.journal, state, error, claim);
        throw error;
      }
      state.pruned = options.policy.prune(inspection, { role: identity.role, basis: state.basis.type, articlesQualify: state.basis.articlesQualify });
      state.audiences = state.pruned.audiences;
      operation.query = state.pruned.query;
    }
    operation.extensions = attachState(extensions, state);
    states.push(state);
  }
  return states;
}

/** A challenged request without `basis.reason` is refused; with one, the reason travels to the journal entry. */
function challenge(options: AdmitOptions, state: OperationState): void {
  const basis = state.basis;
  if (!options.challenge || !basis) return;
  const decision = options.challenge({
    login: state.identity.login,
    client: state.client,
    basis: { type: basis.type, number: basis.number, ...(basis.reason ? { reason: basis.reason } : {}) },
    documentHash: state.inspection.documentHash,
    now: state.receivedAt,
  });
  if (decision.challenged && !decision.satisfied) {
    throw new Refusal(
      'JUSTIFICATION_REQUIRED',
      `Random justification check (order No. 21 p.10, supervision of requests; docs/journal.md#justification-challenges): ${decision.message}`,
    );
  }
}

/**
 * A refusal at the basis or policy stage is itself a fact for the supervisors (p.10): journaled with the
 * verification outcome, and answered with the entry's receipt. If the journal cannot commit, the refusal stands
 * (it releases no data) without a receipt.
 */
async function journaledRefusal(journal: Journal, state: OperationState, refusal: Refusal, claim: BasisClaim | undefined): Promise<Refusal> {
  const entry = journalEntry(state, 'REFUSED', { refusal: refusal.code });
  if (!state.basis && claim) {
    entry.basis = { ...claim, verification: refusal.code };
    entry.caseNumber = claim.number;
  }
  const receipt = await journal.record(entry).catch(() => undefined);
  // A fresh Refusal: some are shared constants, and the receipt belongs to this request only.
  const answered = new Refusal(refusal.code, refusal.message, refusal.rule);
  answered.receipt = receipt;
  return answered;
}
