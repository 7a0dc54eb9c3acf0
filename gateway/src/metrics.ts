/** Prometheus metrics at /metrics. Labels carry codes, stages, roles and service slugs: never personal data. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { cacheLookups } from './cache-lookups.ts';

/** What the journal's writer shows of itself (@negiz/journal's GroupCommitWriter). */
export interface JournalWriterStats {
  readonly queueDepth: number;
  onCommit(listener: (commit: { entries: number; seconds: number }) => void): void;
}

/** A circuit breaker's state, as opossum shows it. */
export interface BreakerState {
  readonly opened: boolean;
  readonly halfOpen: boolean;
}

export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'outcome' | 'code'>;
  withheld: Counter<'service' | 'code'>;
  duration: Histogram<'outcome'>;
  /** Subgraph calls by service: latency, and errors by the first error's code. */
  serviceSeconds: Histogram<'service'>;
  serviceErrors: Counter<'service' | 'code'>;
  /** Refusals of the clients' stage (limits, budgets, registrations) by code. */
  budgetRefusals: Counter<'code'>;
  /** The journal's commit latency and queue depth, from its writer. */
  watchJournal(writer: JournalWriterStats): void;
  /** The breakers of the upstreams, by service slug. */
  watchBreakers(breakers: () => Iterable<readonly [string, BreakerState]>): void;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(options: { defaults?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'negiz_gateway_' });
  const registers = [registry];
  let journal: JournalWriterStats | undefined;
  let breakers: (() => Iterable<readonly [string, BreakerState]>) | undefined;
  const journalCommit = new Histogram({
    name: 'negiz_journal_commit_seconds',
    help: 'Time of one group commit of the journal (transaction start to COMMIT)',
    buckets: LATENCY_BUCKETS,
    registers,
  });
  new Gauge({
    name: 'negiz_journal_queue_depth',
    help: 'Journal entries waiting for a batch',
    registers,
    collect() {
      this.set(journal?.queueDepth ?? 0);
    },
  });
  new Gauge({
    name: 'negiz_gateway_breaker_state',
    help: "An upstream's circuit breaker: 0 closed, 0.5 half-open, 1 open",
    labelNames: ['service'],
    registers,
    collect() {
      this.reset();
      for (const [service, state] of breakers?.() ?? []) this.set({ service }, state.opened ? 1 : state.halfOpen ? 0.5 : 0);
    },
  });
  new Counter({
    name: 'negiz_gateway_cache_lookups_total',
    help: 'Cache lookups by cache (document, pruning, token, account, basis) and result (hit, miss)',
    labelNames: ['cache', 'result'],
    registers,
    collect() {
      this.reset();
      for (const [cache, { hit, miss }] of cacheLookups()) {
        this.inc({ cache, result: 'hit' }, hit);
        this.inc({ cache, result: 'miss' }, miss);
      }
    },
  });
  return {
    registry,
    requests: new Counter({
      name: 'negiz_gateway_operations_total',
      help: 'GraphQL operations by outcome and refusal code',
      labelNames: ['outcome', 'code'],
      registers,
    }),
    withheld: new Counter({
      name: 'negiz_gateway_withheld_fields_total',
      help: 'Fields withheld by Appendix 2, by service and code',
      labelNames: ['service', 'code'],
      registers,
    }),
    duration: new Histogram({
      name: 'negiz_gateway_operation_seconds',
      help: 'Time from arrival to release',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    serviceSeconds: new Histogram({
      name: 'negiz_gateway_service_seconds',
      help: 'Time of one subgraph call, by service',
      labelNames: ['service'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    serviceErrors: new Counter({
      name: 'negiz_gateway_service_errors_total',
      help: 'Subgraph calls that failed or answered errors, by service and code',
      labelNames: ['service', 'code'],
      registers,
    }),
    budgetRefusals: new Counter({
      name: 'negiz_gateway_budget_refusals_total',
      help: "Requests refused by the clients' stage (limits, per-user budgets, registrations), by code",
      labelNames: ['code'],
      registers,
    }),
    watchJournal(writer) {
      journal = writer;
      writer.onCommit((commit) => journalCommit.observe(commit.seconds));
    },
    watchBreakers(source) {
      breakers = source;
    },
  };
}
