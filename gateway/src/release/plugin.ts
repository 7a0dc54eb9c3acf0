/**
 * Release (an Apollo Server plugin): withheld fields become `null` with one error per path, `_entities` leaves
 * the error paths, and the journal records the request BEFORE the response leaves; when the journal cannot
 * commit, no data is released (JOURNAL_UNAVAILABLE, 503). A released response carries its receipt in
 * `extensions.journal` ({ id, leafHash }).
 */
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { hideEntitiesInErrors } from '../execute/error-paths.ts';
import type { Journal, JournalEntryInput, JournalOutcome } from '@negiz/journal';
import type { GatewayMetrics } from '../metrics.ts';
import { releaseWithheld, subjectsOf, type WithheldRecord } from '../policy/index.ts';
import { Refusal } from '../refusal.ts';
import { stateOf, type OperationState } from '../request-state.ts';

export interface ReleaseOptions {
  journal: Journal;
  slugOf: (service: number) => string;
  metrics?: GatewayMetrics;
  logger?: Logger;
}

function countRecords(data: Record<string, unknown> | null | undefined): Record<string, number> {
  // Records per top-level entry point: a cheap, personal-data-free size of the answer.
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(data ?? {})) counts[key] = Array.isArray(value) ? value.length : value == null ? 0 : 1;
  return counts;
}

export function journalEntry(
  state: OperationState,
  outcome: JournalOutcome,
  extra: { withheld?: WithheldRecord[]; refusal?: string; recordCounts?: Record<string, number> } = {},
): JournalEntryInput {
  const { inspection, basis } = state;
  return {
    requestId: state.requestId,
    receivedAt: state.receivedAt,
    user: { login: state.identity.login, role: state.identity.role, organisation: state.identity.organisation },
    client: state.client,
    ...(basis
      ? {
          basis: {
            type: basis.type,
            number: basis.number,
            ...(basis.instruction ? { instruction: basis.instruction } : {}),
            ...(basis.reason ? { reason: basis.reason } : {}),
            verification: 'VERIFIED',
          },
        }
      : {}),
    operation: {
      ...(inspection.operationName ? { name: inspection.operationName } : {}),
      documentHash: inspection.documentHash,
      ...(state.persistedId ? { persistedId: state.persistedId } : {}),
      kind: inspection.kind === 'subscription' ? 'query' : inspection.kind,
    },
    subjects: subjectsOf(inspection, state.variables),
    servicesCalled: [...state.servicesCalled],
    withheld: extra.withheld ?? [],
    outcome,
    ...(extra.refusal ? { refusal: extra.refusal } : {}),
    recordCounts: extra.recordCounts ?? {},
    durationMs: Math.round((performance.now() - state.startedAt) * 1000) / 1000,
    ...(basis ? { caseNumber: basis.number } : {}),
  };
}

export function releasePlugin(options: ReleaseOptions): ApolloServerPlugin {
  const { journal, metrics, logger } = options;

  async function release(rc: GraphQLRequestContextWillSendResponse<object>): Promise<void> {
    const body = rc.response.body;
    if (body.kind !== 'single') {
      // Never reached (the policy stage refuses @defer/@stream), and never released unjournaled if it were.
      (rc.response as { body: unknown }).body = { kind: 'single', singleResult: { errors: [new Refusal('FORBIDDEN_OPERATION', 'Incremental delivery is not served').toJSON()] } };
      rc.response.http.status = 403;
      return;
    }
    const result = body.singleResult;
    const state = stateOf(rc.request.extensions);
    if (!state) {
      // Only requests admitted by the gateway's stages may execute; anything else gets nothing.
      body.singleResult = { errors: [new Refusal('INTERNAL', 'The request did not pass the gateway stages').toJSON()] };
      rc.response.http.status = 500;
      return;
    }
    let errors: GraphQLFormattedError[] = result.errors ? hideEntitiesInErrors(result.errors) : [];
    let withheld: WithheldRecord[] = [];
    const data = result.data as Record<string, unknown> | null | undefined;
    if (state.pruned?.release && data) {
      const released = releaseWithheld(data, state.pruned.release, state.variables ?? {}, state.pruned.variableDefaults, options.slugOf);
      withheld = released.withheld;
      if (released.errors.length) errors = [...released.errors, ...errors];
    }
    if (errors.length) result.errors = errors;

    const outcome: JournalOutcome = data == null ? 'FAILED' : errors.length ? 'PARTIAL' : 'RELEASED';
    if (state.basis) {
      try {
        const receipt = await journal.record(journalEntry(state, outcome, { withheld, recordCounts: countRecords(data) }));
        // The receipt (entry id, RFC 9162 leaf hash): `negiz journal prove <id>` proves its inclusion later.
        result.extensions = { ...result.extensions, journal: { id: receipt.id, leafHash: receipt.leafHash } };
      } catch (error) {
        logger?.error({ requestId: state.requestId, err: (error as Error).name }, 'journal unavailable: response withheld');
        body.singleResult = {
          errors: [new Refusal('JOURNAL_UNAVAILABLE', 'The journal cannot record the request, so no data is released (order No. 21 p.5, p.10): try again later').toJSON()],
        };
        rc.response.http.status = 503;
        metrics?.requests.inc({ outcome: 'REFUSED', code: 'JOURNAL_UNAVAILABLE' });
        return;
      }
    }
    // No logins, subjects or case numbers in logs: the request id leads to the journal, which holds them.
    logger?.debug({ requestId: state.requestId, role: state.identity.role, basis: state.basis?.type, outcome, withheld: withheld.length, services: state.servicesCalled.size }, 'released');
    if (metrics) {
      metrics.requests.inc({ outcome, code: '' });
      metrics.duration.observe({ outcome }, (performance.now() - state.startedAt) / 1000);
      for (const w of withheld) metrics.withheld.inc({ service: w.service, code: w.code });
    }
  }

  return {
    async requestDidStart() {
      return { willSendResponse: release };
    },
  };
}
