import { getNamedType, isObjectType, isUnionType, isInterfaceType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ENTITY_KEYS } from './define.ts';

/**
 * A selection of every field of `type` the service answers, nested objects included (up to `depth`); a nested
 * entity is selected by its key only, since its other fields may belong to other services. Fields with required
 * arguments are skipped. Used to exercise a whole service on one subject.
 */
export function fullSelection(schema: GraphQLSchema, type: GraphQLObjectType, depth = 4, top = true): string {
  const key = (ENTITY_KEYS as Record<string, string>)[type.name];
  if (!top && key) return key;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 0) parts.push(`${field.name} { ${fullSelection(schema, named, depth - 1, false)} }`);
    } else if (isUnionType(named) || isInterfaceType(named)) {
      if (depth > 0) {
        const members = schema.getPossibleTypes(named).map((m) => `... on ${m.name} { ${fullSelection(schema, m, depth - 1, false)} }`);
        parts.push(`${field.name} { __typename ${members.join(' ')} }`);
      }
    } else {
      parts.push(field.name);
    }
  }
  return parts.length ? parts.join(' ') : '__typename';
}
