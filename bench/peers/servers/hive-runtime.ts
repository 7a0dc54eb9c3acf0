/**
 * Hive Gateway's runtime (`createGatewayRuntime` of @graphql-hive/gateway-runtime, the one Hive Gateway 2.15 runs)
 * on node:http over the HTTP transport, with one plugin: the pre-signed context header on every subgraph fetch.
 * With `unifiedGraphHandler` (@graphql-hive/router-runtime) it plans with Hive Router's Rust query planner
 * (@graphql-hive/router-query-planner) instead of the default stitching runtime. Used by hive.ts and hive-rust.ts.
 * As shipped, its HTTP executor coalesces identical subgraph queries in flight at the same time (executor-http's
 * `deduplicateInflightRequests`, on by default): under a load of one repeated operation many subgraph calls are
 * shared. BENCH_HIVE_DEDUPE=0 turns that off (every request makes its own subgraph calls, as Negiz and Apollo do).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import http from '@graphql-mesh/transport-http';
import { GATEWAY_CONTEXT_HEADER, signedContext } from './context.ts';
import { ready, supergraphOverHttp } from './supergraph.ts';

export async function serveHive(name: string, unifiedGraphHandler?: GatewayConfigSupergraph['unifiedGraphHandler']): Promise<void> {
  const supergraph = supergraphOverHttp();
  const context = await signedContext(supergraph.names);
  const gateway = createGatewayRuntime({
    supergraph: supergraph.sdl,
    transports: { http },
    ...(process.env.BENCH_HIVE_DEDUPE === '0' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: 'warn',
    plugins: () => [
      {
        onFetch({ options, setOptions }) {
          setOptions({ ...options, headers: { ...options.headers, [GATEWAY_CONTEXT_HEADER]: context() } });
        },
      },
    ],
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', resolve));
  ready(name, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  process.once('SIGTERM', () => server.close(() => void Promise.resolve(gateway.dispose()).finally(() => process.exit(0))));
}
