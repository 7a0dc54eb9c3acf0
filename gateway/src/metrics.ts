/** Prometheus metrics at /metrics. Labels carry codes, stages, roles and service slugs: never personal data. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'outcome' | 'code'>;
  withheld: Counter<'service' | 'code'>;
  duration: Histogram<'outcome'>;
}

export function createMetrics(options: { defaults?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'negiz_gateway_' });
  return {
    registry,
    requests: new Counter({
      name: 'negiz_gateway_operations_total',
      help: 'GraphQL operations by outcome and refusal code',
      labelNames: ['outcome', 'code'],
      registers: [registry],
    }),
    withheld: new Counter({
      name: 'negiz_gateway_withheld_fields_total',
      help: 'Fields withheld by Appendix 2, by service and code',
      labelNames: ['service', 'code'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'negiz_gateway_operation_seconds',
      help: 'Time from arrival to release',
      labelNames: ['outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
