import { graphql } from 'graphql';
import type { World } from '@negiz/mocks/model.ts';
import { ENTITY_KEYS, type EntityType, type ServiceDefinition } from '../../src/define.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';

/**
 * A service's executable schema over its mock, queried the way the gateway does (`_entities`, root lookups):
 * what the per-service tests use to observe a service's answers without a host, tokens or cache.
 */
export function probeService(definition: ServiceDefinition, world: World) {
  const schema = buildServiceSchema(definition, mockSource(definition, world));
  const run = async (source: string, variableValues: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues });
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as Record<string, unknown>;
  };
  return {
    /** The selection on each entity, in the order of `keys`. */
    async entities<T = Record<string, unknown>>(type: EntityType, keys: readonly string[], selection: string): Promise<T[]> {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;
      const data = await run(query, { r: keys.map((key) => ({ __typename: type, [ENTITY_KEYS[type]]: key })) });
      return data._entities as T[];
    },
    /** A root operation's data. */
    query: run,
  };
}
