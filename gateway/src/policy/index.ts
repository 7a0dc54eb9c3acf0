/**
 * The policy stage (Appendix 2, field level): attributes every field to its service, removes what the basis
 * does not open before planning, and remembers the result per (document, role, basis, articles-qualify).
 * The pruned text differs per outcome, so the server's document cache and the gateway's plan cache, both keyed
 * by the text's hash, never hand one caller's plan to another (stack-notes).
 */
import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { countLookup } from '../cache-lookups.ts';
import { policy, type Policy } from '@negiz/schema';
import type { ReadDocument } from '../document/read.ts';
import type { RequestContext } from '../pipeline/context.ts';
import { pruneOperation, type PruneResult } from './prune.ts';
import { readSupergraph, type SupergraphFacts } from './supergraph.ts';
import { outcomeKey, verdictsFor, type Outcome } from './verdicts.ts';

export { PROBE_KEY, type PruneResult, type ReleaseNode, type Withheld } from './prune.ts';
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
  readonly #pruned = new LRUCache<string, PrunedOperation>({ max: 10_000 });

  constructor(supergraphSdl: string, p: Policy = policy(), apiSchema?: GraphQLSchema) {
    this.facts = readSupergraph(supergraphSdl, p, apiSchema);
    this.#verdicts = verdictsFor(p);
  }

  slugOf = (service: number): string => this.facts.subgraphNames.get(service) ?? `s${String(service).padStart(2, '0')}`;

  prune(read: ReadDocument, outcome: Outcome): PrunedOperation {
    const key = `${read.documentHash}:${read.operationName ?? ''}:${outcomeKey(outcome)}`;
    let result = this.#pruned.get(key);
    countLookup('pruning', result !== undefined);
    if (!result) {
      const pruned = pruneOperation(read.query, read.document, read.operation, this.facts.apiSchema, this.facts, this.#verdicts(outcome));
      result = { ...pruned, audiences: Object.freeze(pruned.services.map(this.slugOf)) };
      this.#pruned.set(key, result);
    }
    return result;
  }

  /** Each operation with a verified basis gets the text it may run; introspection runs as sent. */
  run = (request: RequestContext): void => {
    const role = request.identity!.role;
    for (const operation of request.operations) {
      if (!operation.basis) continue;
      operation.pruned = this.prune(operation.document!, { role, basis: operation.basis.type, articlesQualify: operation.basis.articlesQualify });
    }
  };
}
