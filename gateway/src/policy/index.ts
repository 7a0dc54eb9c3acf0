/**
 * The policy stage (Appendix 2, field level): attributes every field to its service, removes what the basis
 * does not open before planning, and remembers the analysis per (document, role, basis, articles-qualify).
 * The pruned text differs per outcome, so the server's document cache and the gateway's plan cache, both keyed
 * by the text's hash, never hand one caller's plan to another (stack-notes).
 */
import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { policy, type Policy } from '@negiz/schema';
import { Refusal } from '../refusal.ts';
import { inspect, type Inspection } from './inspect.ts';
import { pruneOperation, type PruneResult } from './prune.ts';
import { readSupergraph, type SupergraphFacts } from './supergraph.ts';
import { outcomeKey, verdictsFor, type Outcome } from './verdicts.ts';

export { PROBE_KEY, type PruneResult, type ReleaseNode, type Withheld } from './prune.ts';
export { releaseWithheld, type WithheldError, type WithheldRecord } from './release.ts';
export { documentHash, subjectsOf, type Inspection } from './inspect.ts';
export { readSupergraph, type SupergraphFacts } from './supergraph.ts';
export { verdictsFor, outcomeKey, type Outcome } from './verdicts.ts';

/**
 * A pruned operation with the slugs of the subgraphs it may call (the audience of its signed context), kept with
 * it, so the same result brings the same array every time.
 */
export type PrunedOperation = PruneResult & { audiences: readonly string[] };

export class PolicyStage {
  readonly facts: SupergraphFacts;
  readonly #verdicts: (outcome: Outcome) => ReturnType<ReturnType<typeof verdictsFor>>;
  readonly #inspections = new LRUCache<string, Inspection>({ max: 2_000 });
  readonly #pruned = new LRUCache<string, PrunedOperation>({ max: 10_000 });

  constructor(supergraphSdl: string, p: Policy = policy(), apiSchema?: GraphQLSchema) {
    this.facts = readSupergraph(supergraphSdl, p, apiSchema);
    this.#verdicts = verdictsFor(p);
  }

  slugOf = (service: number): string => this.facts.subgraphNames.get(service) ?? `s${String(service).padStart(2, '0')}`;

  inspect(query: string, operationName: string | undefined): Inspection {
    const key = `${operationName ?? ''}\u0000${query}`;
    let inspection = this.#inspections.get(key);
    if (!inspection) {
      inspection = inspect(this.facts.apiSchema, query, operationName);
      this.#inspections.set(key, inspection);
    }
    if (inspection.valid && inspection.kind === 'subscription') {
      throw new Refusal('FORBIDDEN_OPERATION', 'Subscriptions are not served: every request is a query on a legal basis (order No. 21 p.1)');
    }
    return inspection;
  }

  prune(inspection: Inspection, outcome: Outcome): PrunedOperation {
    if (!inspection.valid || !inspection.document || !inspection.operation) {
      return { query: inspection.query, changed: false, services: [], variableDefaults: {}, audiences: [] };
    }
    const key = `${inspection.documentHash}:${inspection.operationName ?? ''}:${outcomeKey(outcome)}`;
    let result = this.#pruned.get(key);
    if (!result) {
      const pruned = pruneOperation(inspection.query, inspection.document, inspection.operation, this.facts.apiSchema, this.facts, this.#verdicts(outcome));
      result = { ...pruned, audiences: Object.freeze(pruned.services.map(this.slugOf)) };
      this.#pruned.set(key, result);
    }
    return result;
  }
}
