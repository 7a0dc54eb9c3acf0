/**
 * The release stage: withheld fields become `null` with one error per path naming the rule, `_entities` leaves
 * the error paths, and the journal records each operation BEFORE its response leaves; when the journal cannot
 * commit, no data is released (JOURNAL_UNAVAILABLE, 503). A released response carries its receipt in
 * `extensions.journal` ({ id, leafHash }).
 */
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Journal, JournalOutcome } from '@negiz/journal';
import { Refusal } from '@negiz/schema';
import { journalEntry } from '../journal-entry.ts';
import type { GatewayMetrics } from '../metrics.ts';
import type { OperationContext, RequestContext } from '../pipeline/context.ts';
import { hideEntitiesInErrors } from './error-paths.ts';
import { releaseWithheld } from './withheld.ts';

export interface ReleaseOptions {
  journal: Journal;
  slugOf: (service: number) => string;
  metrics?: GatewayMetrics;
  logger?: Logger;
}

const JOURNAL_UNAVAILABLE = new Refusal(
  'JOURNAL_UNAVAILABLE',
  'The journal cannot record the request, so no data is released (order No. 21 p.5, p.10): try again later',
);

export function releaseStage(options: ReleaseOptions): (request: RequestContext) => Promise<void> {
  const { journal, metrics, logger } = options;

  async function release(operation: OperationContext): Promise<void> {
    const result = operation.result!;
    let errors: GraphQLFormattedError[] = result.errors ? hideEntitiesInErrors(result.errors) : [];
    const data = result.data as Record<string, unknown> | null | undefined;
    if (operation.pruned?.release && data) {
      const released = releaseWithheld(data, operation.pruned.release, operation.variables, operation.pruned.variableDefaults, options.slugOf);
      operation.withheld = released.withheld;
      if (released.errors.length) errors = [...released.errors, ...errors];
    }
    const outcome: JournalOutcome = data == null ? 'FAILED' : errors.length ? 'PARTIAL' : 'RELEASED';
    // Apollo Server's order on the wire: errors, data, extensions.
    const released: FormattedExecutionResult = {
      ...(errors.length ? { errors } : {}),
      ...('data' in result ? { data: result.data } : {}),
      ...(result.extensions ? { extensions: result.extensions } : {}),
    };
    if (operation.basis) {
      try {
        operation.receipt = await journal.record(journalEntry(operation, outcome));
      } catch (error) {
        logger?.error({ requestId: operation.requestId, err: (error as Error).name }, 'journal unavailable: response withheld');
        operation.result = { errors: [JOURNAL_UNAVAILABLE.toJSON()] };
        operation.status = JOURNAL_UNAVAILABLE.status;
        metrics?.requests.inc({ outcome: 'REFUSED', code: JOURNAL_UNAVAILABLE.code });
        return;
      }
      // The receipt (entry id, RFC 9162 leaf hash): `negiz journal prove <id>` proves its inclusion later.
      released.extensions = { ...released.extensions, journal: { id: operation.receipt.id, leafHash: operation.receipt.leafHash } };
    }
    operation.result = released;
    // No logins, subjects or case numbers in logs: the request id leads to the journal, which holds them.
    logger?.debug(
      { requestId: operation.requestId, basis: operation.basis?.type, outcome, withheld: operation.withheld.length, services: operation.servicesCalled.size },
      'released',
    );
    if (metrics) {
      metrics.requests.inc({ outcome, code: '' });
      metrics.duration.observe({ outcome }, (performance.now() - operation.request.startedAt) / 1000);
      for (const w of operation.withheld) metrics.withheld.inc({ service: w.service, code: w.code });
    }
  }

  return async (request) => {
    await Promise.all(request.operations.map(release));
  };
}
