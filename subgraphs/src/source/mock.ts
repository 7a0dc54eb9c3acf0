import type { World } from '@negiz/mocks/model.ts';
import { defaultWorld } from '@negiz/mocks/world.ts';
import type { EntityType, ServiceDefinition } from '../define.ts';
import type { DataSource } from './types.ts';

/** The world the mocks read when none is given: the mocks' shared default world. */
export const defaultMockWorld: () => World = defaultWorld;

/** The service's mock over the synthetic world: a pure function of the world and the key. */
export function mockSource(definition: ServiceDefinition, world: World): DataSource {
  const { entities = {}, queries = {} } = definition.mock;
  return {
    serves: (type: EntityType) => typeof entities[type] === 'function',
    async entities(type, keys) {
      const read = entities[type];
      if (!read) return keys.map(() => null);
      return keys.map((key) => read(key, world) ?? null);
    },
    async query(field, args) {
      const read = queries[field];
      if (!read) throw new Error(`service ${definition.number}: the mock has no query "${field}"`);
      return read(args, world);
    },
  };
}
