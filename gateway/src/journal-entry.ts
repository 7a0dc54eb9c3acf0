/**
 * The journal entry of one operation, built from the request context: who asked, through which client, on which
 * basis (verified, or the refusal of its verification), about whom, which services answered and what was
 * withheld. The basis stage records refusals with it and the release stage records releases; nothing else
 * decides what an entry holds.
 */
import type { JournalEntryInput, JournalOutcome, JournalReceipt, Journal } from '@negiz/journal';
import type { Refusal } from '@negiz/schema';
import type { OperationContext } from './pipeline/context.ts';

function countRecords(data: Readonly<Record<string, unknown>> | null | undefined): Record<string, number> {
  // Records per top-level entry point: a cheap, personal-data-free size of the answer.
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(data ?? {})) counts[key] = Array.isArray(value) ? value.length : value == null ? 0 : 1;
  return counts;
}

export function journalEntry(operation: OperationContext, outcome: JournalOutcome, refusal?: Refusal): JournalEntryInput {
  const { request, basis, claim, document } = operation;
  const identity = request.identity!;
  const client = request.client!;
  const verified = basis
    ? {
        type: basis.type,
        number: basis.number,
        ...(basis.instruction ? { instruction: basis.instruction } : {}),
        ...(basis.reason ? { reason: basis.reason } : {}),
        verification: 'VERIFIED',
      }
    : claim && refusal
      ? {
          type: claim.type,
          number: claim.number,
          ...(claim.instruction ? { instruction: claim.instruction } : {}),
          ...(claim.reason ? { reason: claim.reason } : {}),
          verification: refusal.code,
        }
      : undefined;
  return {
    requestId: operation.requestId,
    receivedAt: request.receivedAt,
    user: { login: identity.login, role: identity.role, organisation: identity.organisation },
    client: { kind: client.kind, id: client.id },
    ...(verified ? { basis: verified } : {}),
    operation: {
      ...(operation.operationName ? { name: operation.operationName } : {}),
      documentHash: document?.documentHash ?? '',
      ...(operation.persisted ? { persistedId: operation.persisted.id } : {}),
      kind: 'query',
    },
    subjects: operation.subjects,
    servicesCalled: [...operation.servicesCalled],
    withheld: operation.withheld,
    outcome,
    ...(refusal ? { refusal: refusal.code } : {}),
    recordCounts: countRecords(operation.result?.data),
    durationMs: Math.round((performance.now() - request.startedAt) * 1000) / 1000,
    ...(verified ? { caseNumber: verified.number } : {}),
  };
}

/**
 * A refusal of the basis stage is itself a fact for the supervisors (p.10): journaled with the verification
 * outcome. If the journal cannot commit, the refusal stands (it releases no data) without a receipt.
 */
export async function journalRefusal(journal: Journal, operation: OperationContext, refusal: Refusal): Promise<JournalReceipt | undefined> {
  return journal.record(journalEntry(operation, 'REFUSED', refusal)).catch(() => undefined);
}
