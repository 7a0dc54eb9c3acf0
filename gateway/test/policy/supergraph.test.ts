import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { loadServices } from '@negiz/subgraphs/registry.ts';
import { readSupergraph, readSupergraphModel } from '../../src/policy/supergraph.ts';
import { composeSupergraph, FIXTURES_DIR } from '../harness.ts';

describe('field attribution from the supergraph', () => {
  it('attributes each field to its one service and reads @truncated (fixtures)', async () => {
    const sdl = await composeSupergraph(await loadServices({ dir: FIXTURES_DIR }));
    const facts = readSupergraph(sdl);
    expect(facts.fields.get('Person.lastName')).toEqual({ services: [1], truncated: false });
    expect(facts.fields.get('Person.pensionContributionsTotal')).toEqual({ services: [11], truncated: true });
    expect(facts.fields.get('PensionContribution.amount')).toEqual({ services: [11], truncated: true });
    expect(facts.fields.get('PensionContribution.period')).toEqual({ services: [11], truncated: false });
    expect(facts.fields.get('Vehicle.stolenReport')).toEqual({ services: [23], truncated: false });
    // Entity keys belong to no one service: they are the identifier the user already has.
    expect(facts.fields.get('Person.iin')).toEqual({ services: [], truncated: false });
    expect(facts.services.get('s26-state-employee-request')).toBe(26);
    // The syntax-tree reading equals federation-internals' schema model.
    const model = readSupergraphModel(sdl);
    expect(new Map(facts.fields)).toEqual(new Map(model.fields));
    // The API schema hides the markers the policy reads.
    expect(facts.apiSchema.getDirective('truncated')).toBeUndefined();
  });

  it.skipIf(!existsSync(SUPERGRAPH_PATH))(
    'reads the composed supergraph of all services the same both ways',
    () => {
      const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
      const ast = readSupergraph(sdl);
      const model = readSupergraphModel(sdl);
      expect(new Map(ast.fields)).toEqual(new Map(model.fields));
      expect(ast.subgraphNames).toEqual(model.subgraphNames);
    },
    60_000,
  );
});
