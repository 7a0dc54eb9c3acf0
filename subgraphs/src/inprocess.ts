import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';
import { executeHosted } from './hosted-execution.ts';
import type { HostedService } from './service-app.ts';

type ProcessOptions = GraphQLDataSourceProcessOptions<Record<string, unknown>>;

export interface InProcessDataSourceConfig {
  service: Pick<HostedService, 'slug' | 'graphql'>;
  /** The signed context for this service (audience = its slug); otherwise the x-negiz-context header set by willSendRequest. */
  contextToken?: (options: ProcessOptions, slug: string) => string | undefined | Promise<string | undefined>;
  /** The same hook as RemoteGraphQLDataSource's, so one gateway setup serves both paths. */
  willSendRequest?: (options: ProcessOptions) => void | Promise<void>;
}

/**
 * A gateway data source that executes against a service hosted in the same process (mercurius `app.graphql`)
 * instead of over loopback HTTP: about 4x faster per operation (stack-notes). The service verifies the signed
 * context exactly as over HTTP.
 */
export class InProcessGraphQLDataSource implements GraphQLDataSource<Record<string, unknown>> {
  readonly slug: string;
  readonly #execute: HostedService['graphql'];
  readonly #contextToken: InProcessDataSourceConfig['contextToken'];
  willSendRequest?: (options: ProcessOptions) => void | Promise<void>;

  constructor(config: InProcessDataSourceConfig) {
    this.slug = config.service.slug;
    this.#execute = config.service.graphql;
    this.#contextToken = config.contextToken;
    if (config.willSendRequest) this.willSendRequest = config.willSendRequest;
  }

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    request.http ??= { method: 'POST', url: `inprocess://${this.slug}/graphql`, headers: new Headers() as never };
    await this.willSendRequest?.(options);
    const token = (await this.#contextToken?.(options, this.slug)) ?? request.http.headers.get(GATEWAY_CONTEXT_HEADER) ?? undefined;
    const headers = request.http.headers;
    return executeHosted(
      { slug: this.slug, graphql: this.#execute },
      {
        query: request.query,
        variables: request.variables as Record<string, unknown> | undefined,
        operationName: request.operationName,
        gatewayToken: token,
        traceparent: headers.get('traceparent') ?? undefined,
        tracestate: headers.get('tracestate') ?? undefined,
      },
    );
  }
}

/**
 * A `buildService` for ApolloGateway: the services the host runs execute in process; any other subgraph of the
 * supergraph goes to `remote` (e.g. a RemoteGraphQLDataSource at its URL), or is an error.
 */
export function inProcessBuildService(
  host: { services: ReadonlyMap<string, Pick<HostedService, 'slug' | 'graphql'>> },
  config: Omit<InProcessDataSourceConfig, 'service'> & { remote?: (definition: { name: string; url?: string }) => GraphQLDataSource } = {},
): (definition: { name: string; url?: string }) => GraphQLDataSource {
  const { remote, ...rest } = config;
  return (definition) => {
    const service = host.services.get(definition.name);
    if (service) return new InProcessGraphQLDataSource({ ...rest, service });
    if (remote) return remote(definition);
    throw new Error(`subgraph ${definition.name} is not hosted in this process and no remote data source was given`);
  };
}
