import { describe, expect, it } from 'vitest';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildServiceSchema } from '../src/schema.ts';
import { loadServices } from '../src/registry.ts';
import { mockSource } from '../src/source/mock.ts';
import type { DataSource } from '../src/source/types.ts';
import { FIXTURE_SERVICES_DIR, fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const services = await loadServices({ dir: FIXTURE_SERVICES_DIR });
const bySlug = (slug: string) => services.find((s) => s.slug === slug)!;

/** The mock, with a record of the upstream calls it receives. */
function recorded(slug: string) {
  const inner = mockSource(bySlug(slug).definition, world);
  const calls: string[] = [];
  const source: DataSource = {
    serves: inner.serves,
    entities: (type, keys) => (calls.push(`${type}:${keys.length}`), inner.entities(type, keys)),
    query: (field, args) => (calls.push(`query:${field}`), inner.query(field, args)),
  };
  return { schema: buildServiceSchema(bySlug(slug).definition, source), calls };
}

const run = (schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

describe('the generic construction', () => {
  it('resolves N references of a type with one upstream call', async () => {
    const { schema, calls } = recorded('s11-pension-contributions');
    const r = Array.from({ length: 6 }, (_, i) => ({ __typename: 'Person', iin: world.personAt(i).iin }));
    const result = await run(schema, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { iin pensionContributionsTotal } } }', { r });
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual(['Person:6']);
  });

  it('answers empty lists and nulls where the source holds nothing on the subject', async () => {
    const { schema } = recorded('s11-pension-contributions');
    const nothing = world.personAt(2).iin; // the fixture mock has no record for every third person
    const result = await run(
      schema,
      `{ _entities(representations: [{ __typename: "Person", iin: "${nothing}" }]) { ... on Person { iin pensionContributions { month } pensionContributionsTotal } } }`,
    );
    expect(result).toEqual({ data: { _entities: [{ iin: nothing, pensionContributions: [], pensionContributionsTotal: null }] } });
  });

  it('maps root fields to source.query and completes key-only answers through the entity loader', async () => {
    const { schema, calls } = recorded('s05-vehicles');
    const vehicle = world.vehiclesOf({ iin: world.personAt(0).iin })[0]!;
    const result = await run(schema, `{ vehicle(vin: "${vehicle.vin}") { vin plate make registeredOn } }`);
    expect(result).toEqual({ data: { vehicle: { vin: vehicle.vin, plate: vehicle.plate, make: vehicle.make, registeredOn: vehicle.registeredOn } } });
    expect(calls).toEqual(['query:vehicle', 'Vehicle:1']);
    const unknown = await run(schema, '{ vehicle(vin: "NOPE") { plate } }');
    expect(unknown).toEqual({ data: { vehicle: null } });
  });

  it('leaves entity stubs (resolvable: false) to their owners', async () => {
    const { schema } = recorded('s37-counter-audits');
    const company = world.legalEntityAt(1);
    const result = await run(
      schema,
      `{ _entities(representations: [{ __typename: "LegalEntity", bin: "${company.bin}" }]) { ... on LegalEntity { counterAuditDirector { iin } } } }`,
    );
    expect(result).toEqual({ data: { _entities: [{ counterAuditDirector: { iin: company.directorIin } }] } });
    const sdl = ((await run(schema, '{ _service { sdl } }')).data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Person\s+@key\(fields: "iin", resolvable: false\)/);
  });
});

describe('unexpected exceptions', () => {
  it('reach the client as INTERNAL_SERVER_ERROR without their message', async () => {
    const { createSubgraphHost } = await import('../src/host.ts');
    const { token } = await import('./fixtures/host.ts');
    const host = await createSubgraphHost({
      registered: [bySlug('s05-vehicles')],
      world,
      sourceFor: () => ({
        serves: () => true,
        entities: async () => {
          throw new TypeError(`no record for ${world.personAt(0).iin}`);
        },
        query: async () => null,
      }),
    });
    try {
      const result = await host.services
        .get('s05-vehicles')!
        .graphql(
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }',
          { gatewayToken: await token('s05-vehicles') },
          { r: [{ __typename: 'Person', iin: world.personAt(0).iin }] },
        );
      expect(result.errors).toEqual([
        { message: 'Internal error in the service', path: ['_entities'], locations: [{ line: 1, column: 23 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(JSON.stringify(result)).not.toContain(world.personAt(0).iin);
    } finally {
      await host.close();
    }
  });
});
