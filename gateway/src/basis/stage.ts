/**
 * The basis stage: each operation that asks for data names its legal basis; the claim is read for form, verified
 * against the registries (the case is real, open and in the user's hands, p.5, p.22), and may be drawn for a
 * random justification check (p.10). A refusal here is journaled, and the request refused whole.
 */
import type { Journal } from '@negiz/journal';
import { Refusal } from '@negiz/schema';
import { journalRefusal } from '../journal-entry.ts';
import type { OperationContext, RequestContext } from '../pipeline/context.ts';
import type { ChallengeDecision, ChallengeRequest } from './challenge.ts';
import { readBasisClaim } from './claim.ts';
import type { BasisVerifier } from './verify.ts';

export interface BasisStageOptions {
  verify: BasisVerifier;
  journal: Journal;
  /** The random justification challenge (createJustificationChallenge); absent: none. */
  challenge?: (request: ChallengeRequest) => ChallengeDecision;
}

/** A challenged request without `basis.reason` is refused; with one, the reason travels to the journal entry. */
function challenge(options: BasisStageOptions, operation: OperationContext): void {
  const { basis, request } = operation;
  if (!options.challenge || !basis) return;
  const decision = options.challenge({
    login: request.identity!.login,
    client: request.client!,
    basis: { type: basis.type, number: basis.number, ...(basis.reason ? { reason: basis.reason } : {}) },
    documentHash: operation.document!.documentHash,
    now: request.receivedAt,
  });
  if (decision.challenged && !decision.satisfied) {
    throw new Refusal(
      'JUSTIFICATION_REQUIRED',
      `Random justification check (order No. 21 p.10, supervision of requests; docs/journal.md#justification-challenges): ${decision.message}`,
    );
  }
}

export function basisStage(options: BasisStageOptions): (request: RequestContext) => Promise<void> {
  return async (request) => {
    for (const operation of request.operations) {
      if (operation.document!.introspectionOnly) continue;
      try {
        const claim = readBasisClaim(operation.extensions, request.headers);
        if (claim) operation.claim = claim;
        operation.basis = await options.verify(request.identity!, claim);
        challenge(options, operation);
      } catch (error) {
        if (error instanceof Refusal) {
          const receipt = await journalRefusal(options.journal, operation, error);
          if (receipt) request.refusalReceipt = receipt;
        }
        throw error;
      }
    }
  };
}
