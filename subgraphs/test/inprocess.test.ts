import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { composeSupergraph } from '../src/compose.ts';
import { GATEWAY_CONTEXT_HEADER, type GatewayClaims } from '@negiz/schema';
import { developmentContextKeys, signGatewayContext } from '../src/context.ts';
import type { SubgraphHost } from '../src/host.ts';
import { InProcessGraphQLDataSource, inProcessBuildService } from '../src/inprocess.ts';
import { claims, fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const company = world.legalEntityAt(0);

let host: SubgraphHost;
let server: ApolloServer<{ claims?: GatewayClaims }>;
beforeAll(async () => {
  host = await fixtureHost();
  const { privateKey } = await developmentContextKeys();
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph(host.registered),
    buildService: inProcessBuildService(host, {
      // Sign the context for this subgraph (audience = its slug).
      async contextToken({ context }, slug) {
        const c = (context as { claims?: GatewayClaims }).claims;
        return c && signGatewayContext(c, { privateKey, audience: slug });
      },
    }),
  });
  server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await host.close();
});

const DOSSIER = `query($bin: BIN!) {
  counterAuditedCompany(bin: $bin) {
    counterAudits { actNumber }
    counterAuditDirector { vehicles { plate } pensionContributions { month } }
  }
}`;

async function run(contextValue: { claims?: GatewayClaims }) {
  const response = await server.executeOperation({ query: DOSSIER, variables: { bin: company.bin } }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('the in-process data source under @apollo/gateway', () => {
  it('plans across three services and executes each in process with a signed context', async () => {
    const result = await run({ claims: claims() });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      counterAuditedCompany: {
        counterAudits: [{ actNumber: `CA-${company.bin.slice(-4)}` }],
        counterAuditDirector: {
          vehicles: world.vehiclesOf({ iin: company.directorIin }).map((v) => ({ plate: v.plate })),
          pensionContributions: [{ month: '2024-01' }, { month: '2024-02' }, { month: '2024-03' }],
        },
      },
    });
  });

  it('relays the refusal of a bad identifier by a subgraph with its code, without the value', async () => {
    const bad = company.bin.slice(0, 11) + String((Number(company.bin[11]) + 1) % 10);
    const response = await server.executeOperation({ query: DOSSIER, variables: { bin: bad } }, { contextValue: { claims: claims() } });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors?.[0]?.extensions?.code).toBe('INVALID_BIN');
    expect(JSON.stringify(result)).not.toContain(bad);
  });

  it('gets no data from the subgraphs when the gateway sends no context', async () => {
    const result = await run({});
    expect(result.data?.counterAuditedCompany ?? null).toBeNull();
    expect(JSON.stringify(result.errors)).toContain('GATEWAY_CONTEXT_REQUIRED');
  });

  it('takes the context from the x-negiz-context header a willSendRequest hook sets, as RemoteGraphQLDataSource would', async () => {
    const source = new InProcessGraphQLDataSource({
      service: host.services.get('s05-vehicles')!,
      async willSendRequest({ request }) {
        request.http!.headers.set(GATEWAY_CONTEXT_HEADER, await token('s05-vehicles'));
      },
    });
    const vin = world.vehiclesOf({ iin: world.personAt(0).iin })[0]!.vin;
    const answer = await source.process({
      request: { query: `{ vehicle(vin: "${vin}") { plate } }` },
      kind: 'incoming operation',
      context: {},
      incomingRequestContext: {},
    } as never);
    expect(answer).toEqual({ data: { vehicle: { plate: world.vehicle(vin)!.plate } } });
  });

  it('answers mercurius validation errors and refusals as GraphQL errors', async () => {
    const source = new InProcessGraphQLDataSource({ service: host.services.get('s05-vehicles')!, contextToken: () => token('s05-vehicles') });
    const process = (query: string) => source.process({ request: { query }, kind: 'incoming operation', context: {}, incomingRequestContext: {} } as never);
    const invalid = await process('{ noSuchField }');
    expect(invalid.data).toBeNull();
    expect(invalid.errors![0]!.message).toMatch(/Cannot query field "noSuchField"/);
    const unsigned = new InProcessGraphQLDataSource({ service: host.services.get('s05-vehicles')! });
    const refused = await unsigned.process({
      request: { query: '{ vehicle(vin: "X") { plate } }' },
      kind: 'incoming operation',
      context: {},
      incomingRequestContext: {},
    } as never);
    expect(refused).toMatchObject({ data: null, errors: [{ extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' } }] });
  });
});
