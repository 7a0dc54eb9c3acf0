import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GraphQLObjectType } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { BASIS_CODES, policy, type BasisCode } from '@negiz/schema';
import { catalogueEntry, demoSubject, serviceCoordinates } from '../src/catalogue.ts';
import { composeSupergraph } from '../src/compose.ts';
import type { GatewayClaims } from '@negiz/schema';
import { developmentContextKeys, signGatewayContext } from '../src/context.ts';
import { ENTITY_KEYS, type EntityType } from '../src/define.ts';
import { createSubgraphHost, type SubgraphHost } from '../src/host.ts';
import { inProcessBuildService } from '../src/inprocess.ts';
import { loadServices, type RegisteredService } from '../src/registry.ts';
import { buildServiceSchema } from '../src/schema.ts';
import { fullSelection } from '../src/selection.ts';
import { mockSource } from '../src/source/mock.ts';
import { claims, token } from './fixtures/host.ts';

// Whatever services exist when this runs: one test each, so all 93 are covered once they land.
const services = await loadServices();
const world = defaultWorld();

/** A basis on which the service is open, and a role entitled to it. */
function openBasis(service: RegisteredService): { role: number; basis: BasisCode } {
  const basis = BASIS_CODES.find((b) => service.policy.access[b] === 'full' || service.policy.access[b] === 'articles')!;
  const role = [...policy().roles.values()].find((r) => r.bases.includes(basis))!.number;
  return { role, basis };
}

let host: SubgraphHost;
let gateway: ApolloServer<{ claims: GatewayClaims }>;
beforeAll(async () => {
  host = await createSubgraphHost({ registered: services, world, cache: { enabled: false } });
  const { privateKey } = await developmentContextKeys();
  const contextToken = ({ context }: { context: Record<string, unknown> }, slug: string) =>
    signGatewayContext((context as { claims: GatewayClaims }).claims, { privateKey, audience: slug });
  gateway = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl: composeSupergraph(services), buildService: inProcessBuildService(host, { contextToken }) }),
    includeStacktraceInErrorResponses: false,
  });
  await gateway.start();
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await host?.close();
});

describe('every service answers its example selection on a subject with data', () => {
  it('discovers the services under services/', () => {
    expect(services.length).toBeGreaterThan(0);
  });

  for (const service of services) {
    it(`${service.slug}: ${service.definition.example.entity} { ${service.definition.example.selection.slice(0, 60)} }`, async () => {
      const { entity, selection } = service.definition.example;
      const subject = demoSubject(service.definition, world);
      expect(subject, `no ${entity} in the world has data in ${service.slug}'s mock`).not.toBeNull();
      const { role, basis } = openBasis(service);
      const gatewayToken = await token(service.slug, { role, basis: { type: basis, number: policy().basis(basis).number.example }, articlesQualify: true });
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity} { ${selection} } } }`;
      const result = await host.services.get(service.slug)!.graphql(query, { gatewayToken }, { r: [{ __typename: entity, ...subject }] });
      expect(result.errors).toBeUndefined();
      const [answer] = (result.data as { _entities: Array<Record<string, unknown> | null> })._entities;
      expect(answer).not.toBeNull();
      const filled = Object.values(answer!).filter((v) => v !== null && !(Array.isArray(v) && v.length === 0));
      expect(filled.length, `${service.slug} answered only empty fields for ${ENTITY_KEYS[entity]} ${Object.values(subject!)[0]}`).toBeGreaterThan(0);
    });
  }
});

describe('every field of every service resolves on a subject with data', () => {
  for (const service of services) {
    const served = Object.keys(service.definition.mock.entities ?? {}) as EntityType[];
    it(`${service.slug}: all the fields it serves on ${served.join(', ')}`, async () => {
      const { role, basis } = openBasis(service);
      const gatewayToken = await token(service.slug, { role, basis: { type: basis, number: policy().basis(basis).number.example }, articlesQualify: true });
      const schema = buildServiceSchema(service.definition, mockSource(service.definition, world));
      for (const entity of served) {
        const subject = demoSubject(service.definition, world, 2000, entity);
        if (!subject) continue; // a rare record: the example test above insists on data for the example entity
        const selection = fullSelection(schema, schema.getType(entity) as GraphQLObjectType);
        const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity} { ${selection} } } }`;
        const result = await host.services.get(service.slug)!.graphql(query, { gatewayToken }, { r: [{ __typename: entity, ...subject }] });
        expect(result.errors, `${entity}: ${JSON.stringify(result.errors?.slice(0, 3))}`).toBeUndefined();
      }
    });
  }
});

describe('the catalogue example of every service, through @apollo/gateway', () => {
  for (const service of services) {
    it(`${service.slug}: the example operation answers data for its demo subject`, async () => {
      const entry = catalogueEntry(service, world);
      const { role, basis } = openBasis(service);
      const c = claims({ role, basis: { type: basis, number: policy().basis(basis).number.example }, articlesQualify: true });
      const response = await gateway.executeOperation({ query: entry.example.query, variables: entry.example.variables! }, { contextValue: { claims: c } });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors, JSON.stringify(result?.errors?.slice(0, 2))).toBeUndefined();
      const root = Object.values(result!.data!)[0] as Record<string, unknown> | null;
      expect(root).not.toBeNull();
      expect(Object.values(root!).some((v) => v !== null && !(Array.isArray(v) && v.length === 0))).toBe(true);
    });
  }
});

describe('the services against the policy data', () => {
  it('mark with @truncated exactly the withheld coordinates of services.yaml', () => {
    for (const service of services) {
      expect([...serviceCoordinates(service.definition).truncated].sort(), service.slug).toEqual([...(service.policy.withheld ?? [])].sort());
    }
  });

  it('every row of Appendix 2 has its service', () => {
    const present = new Set(services.map((s) => s.slug));
    const missing = [...policy().services.values()].filter((s) => !present.has(s.slug)).map((s) => s.slug);
    expect(missing).toEqual([]);
  });
});
