import { describe, expect, it } from 'vitest';
import { hideEntitiesInErrors, hideEntitiesInPath } from '../../src/release/error-paths.ts';

describe('entity-fetch error paths in the response', () => {
  it('drops _entities and its index from any path left in the response', () => {
    expect(hideEntitiesInPath(['person', '_entities', '0', 'vehicles'])).toEqual(['person', 'vehicles']);
    expect(hideEntitiesInPath(['_entities', 3, 'x'])).toEqual(['x']);
    const [error] = hideEntitiesInErrors([{ message: 'Cannot return null for non-nullable field _entities.x', path: ['person', '_entities', 0, 'x'] }]);
    expect(JSON.stringify(error)).not.toContain('_entities');
  });
});
