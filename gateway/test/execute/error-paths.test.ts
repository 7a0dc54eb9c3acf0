import { describe, expect, it } from 'vitest';
import { normaliseSubgraphErrorPath } from '../../src/execute/error-paths.ts';

describe('entity-fetch error paths from a subgraph', () => {
  it('turns a string index into a number so @apollo/gateway re-bases the path', () => {
    expect(normaliseSubgraphErrorPath(['_entities', '0', 'vehicles'])).toEqual(['_entities', 0, 'vehicles']);
    expect(normaliseSubgraphErrorPath(['person', 'x'])).toEqual(['person', 'x']);
  });
});
