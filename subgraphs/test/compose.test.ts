import { describe, expect, it } from 'vitest';
import federationInternals from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { exampleQuery } from '../src/catalogue.ts';
import { CompositionFailed, composeSupergraph, readSupergraph, SUPERGRAPH_PATH } from '../src/compose.ts';
import { defineService } from '../src/define.ts';
import { loadServices, registerService } from '../src/registry.ts';
import { FIXTURE_SERVICES_DIR } from './fixtures/world.ts';

describe('composition', () => {
  it('composes the fixtures into a supergraph that keeps @truncated', async () => {
    const sdl = composeSupergraph(await loadServices({ dir: FIXTURE_SERVICES_DIR }));
    expect(sdl).toContain('join__Graph');
    expect(sdl).toMatch(/amount: Float! @truncated/);
    expect(sdl).toMatch(/pensionContributionsTotal: Float @join__field\(graph: S11_PENSION_CONTRIBUTIONS\) @truncated/);
  });

  it('fails listing the errors when two services claim the same field', async () => {
    const services = await loadServices({ dir: FIXTURE_SERVICES_DIR });
    const clash = registerService(
      's01-individuals',
      defineService({
        number: 1,
        typeDefs: 'type Person @key(fields: "iin") { iin: IIN! "Clash." vehicles: [String!]! }',
        mock: {},
        example: { entity: 'Person', selection: 'vehicles' },
      }),
    );
    let error: unknown;
    try {
      composeSupergraph([...services, clash]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompositionFailed);
    expect((error as CompositionFailed).errors.join('\n')).toMatch(/Person\.vehicles/);
  });

  it('schema/supergraph.graphql is the composition of the current services (run `negiz compose` when this fails)', async () => {
    const services = await loadServices();
    const sdl = composeSupergraph(services);
    // Every catalogue example is an operation clients can send to the gateway.
    const api = federationInternals.Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
    for (const service of services) {
      expect(
        validate(api, parse(exampleQuery(service.definition))).map((e) => e.message),
        service.slug,
      ).toEqual([]);
    }
    const committed = await readSupergraph();
    expect(committed, `${SUPERGRAPH_PATH} is missing: run \`npx negiz compose\``).toBeDefined();
    expect(committed === sdl, `${SUPERGRAPH_PATH} is stale: run \`npx negiz compose\``).toBe(true);
  }, 60_000);
});
