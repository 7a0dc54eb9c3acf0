/** The execute stage: @apollo/gateway over the composed supergraph, each subgraph behind the signed context. */
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { GatewayMetrics } from '../metrics.ts';
import { memoiseGatewayOperations } from './operation-memo.ts';
import { SignedContextDataSource, type ContextSigner } from './signed-context.ts';

export interface ExecuteOptions {
  supergraphSdl: string;
  /** The transport to one subgraph (in-process or HTTP), by its name (the service slug) and composed URL. */
  dataSource: (name: string, url: string | undefined) => GraphQLDataSource;
  sign: ContextSigner;
  /** Per-service latency and errors. */
  metrics?: Pick<GatewayMetrics, 'serviceSeconds' | 'serviceErrors'>;
}

export function createGateway(options: ExecuteOptions): ApolloGateway {
  memoiseGatewayOperations();
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new SignedContextDataSource(options.dataSource(name, url), name, options.sign, options.metrics),
  });
}
