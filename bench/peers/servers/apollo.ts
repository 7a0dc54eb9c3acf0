/**
 * Peer `apollo`: bare @apollo/gateway on @apollo/server (Fastify, as bench/gateway's bare variant) over HTTP with
 * its default RemoteGraphQLDataSource, nothing else but the pre-signed context header on every subgraph request.
 * `node apollo.ts [port]` (default 0: any free port); prints `ready apollo <url>`.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { GATEWAY_CONTEXT_HEADER, signedContext } from './context.ts';
import { ready, supergraphOverHttp } from './supergraph.ts';

const supergraph = supergraphOverHttp();
const context = await signedContext(supergraph.names);
const gateway = new ApolloGateway({
  supergraphSdl: supergraph.sdl,
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request }) {
        request.http?.headers.set(GATEWAY_CONTEXT_HEADER, context());
      },
    }),
});
const apollo = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginLandingPageDisabled()] });
await apollo.start();
const app = Fastify({ logger: false });
app.post('/graphql', fastifyApolloHandler(apollo));
ready('apollo', await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) }));
process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
