import { buildSubgraphSchema } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import {
  Kind,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { ENTITY_KEYS, serviceDocument, type EntityPart, type EntityType, type ServiceDefinition } from './define.ts';
import { declaredEntities, emptyPart, entityTypeOf } from './entities.ts';
import { inputError } from './errors.ts';
import { isValidBin, isValidIin } from '@negiz/schema';
import { PRELUDE_SCALARS } from './scalars.ts';
import type { DataSource } from './source/types.ts';

type Loaders = Map<EntityType, DataLoader<string, EntityPart | null>>;

/** Keys arrive as `_Any` in `_entities` representations: the scalar never saw them, so check them here. */
const KEY_CHECKS: Partial<Record<EntityType, { valid: (key: string) => boolean; code: 'INVALID_IIN' | 'INVALID_BIN' }>> = {
  Person: { valid: isValidIin, code: 'INVALID_IIN' },
  LegalEntity: { valid: isValidBin, code: 'INVALID_BIN' },
};

function rootFieldNames(document: DocumentNode): string[] {
  const names: string[] = [];
  for (const def of document.definitions) {
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Query') {
      for (const field of (def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) names.push(field.name.value);
    }
  }
  return names;
}

/**
 * The executable Federation 2 schema of one service: its SDL plus generic resolvers over `source`.
 * Entity references are batched per request (one `source.entities` call for N keys of a type); a service with
 * nothing on a subject answers empty lists and nulls; root fields map to `source.query(field, args)`.
 */
export function buildServiceSchema(definition: ServiceDefinition, source: DataSource): GraphQLSchema {
  const document = serviceDocument(definition);
  const entities = declaredEntities(document).filter((e) => source.serves(e.type));
  // One loader per request and type: the per-request context object owns them, so nothing outlives the request.
  const loadersByRequest = new WeakMap<object, Loaders>();
  const loader = (context: unknown, type: EntityType): DataLoader<string, EntityPart | null> => {
    const owner = typeof context === 'object' && context !== null ? context : undefined;
    let loaders = owner && loadersByRequest.get(owner);
    if (!loaders) {
      loaders = new Map();
      if (owner) loadersByRequest.set(owner, loaders);
    }
    let l = loaders.get(type);
    if (!l) {
      l = new DataLoader<string, EntityPart | null>((keys) => source.entities(type, keys));
      loaders.set(type, l);
    }
    return l;
  };

  const empties = new Map<EntityType, EntityPart>();
  const empty = (type: EntityType): EntityPart => {
    let part = empties.get(type);
    if (!part) empties.set(type, (part = emptyPart(schema, type)));
    return part;
  };
  const complete = async (type: EntityType, object: Record<string, unknown>, context: unknown): Promise<Record<string, unknown>> => {
    const key = object[ENTITY_KEYS[type]];
    const check = KEY_CHECKS[type];
    if (typeof key !== 'string' || (check && !check.valid(key))) throw inputError(check?.code ?? 'INVALID_IIN');
    const part = await loader(context, type).load(key);
    return { ...empty(type), ...part, ...object };
  };

  const resolvers: Record<string, Record<string, unknown>> = { ...PRELUDE_SCALARS };
  for (const { type } of entities) {
    resolvers[type] = { __resolveReference: (reference: Record<string, unknown>, context: unknown) => complete(type, reference, context) };
  }
  const queries: Record<string, GraphQLFieldResolver<unknown, unknown>> = {};
  for (const field of rootFieldNames(document)) {
    queries[field] = async (_root, args, context) => {
      const result = await source.query(field, args as Record<string, unknown>);
      const type = entityTypeOf(schema, 'Query', field);
      // A lookup that answers only the key (`{ vin }`) gets the service's own fields through the entity loader.
      if (!type || !entities.some((e) => e.type === type)) return result;
      const fill = (item: unknown) =>
        item && typeof item === 'object' && Object.keys(item).every((k) => k === ENTITY_KEYS[type] || k === '__typename')
          ? complete(type, item as Record<string, unknown>, context)
          : item;
      return Array.isArray(result) ? Promise.all(result.map(fill)) : fill(result);
    };
  }
  if (Object.keys(queries).length) resolvers.Query = queries;

  // The resolvers above read `schema` only when called, after it is built.
  const schema = buildSubgraphSchema([{ typeDefs: document, resolvers: resolvers as never }]);
  completeNestedEntities(
    schema,
    entities.map((e) => e.type),
    complete,
  );
  settleEntities(schema);
  return schema;
}

/**
 * An entity this service serves may also appear nested in its own answers (a relation's person, an audited
 * company) as a bare reference: the planner asks this same service for its fields there, so a field the parent
 * object lacks is loaded through the same per-request loader `__resolveReference` uses (batched, cached).
 */
function completeNestedEntities(
  schema: GraphQLSchema,
  types: readonly EntityType[],
  complete: (type: EntityType, object: Record<string, unknown>, context: unknown) => Promise<Record<string, unknown>>,
): void {
  for (const type of types) {
    const object = schema.getType(type) as GraphQLObjectType | undefined;
    for (const [name, field] of Object.entries(object?.getFields() ?? {})) {
      if (name === ENTITY_KEYS[type] || field.resolve) continue;
      field.resolve = (parent: Record<string, unknown>, _args, context) =>
        Object.hasOwn(parent, name) ? parent[name] : complete(type, parent, context).then((full) => full[name]);
    }
  }
}

/**
 * `_entities` returns a list of promises, each with a non-enumerable `__typename`: settle them into plain objects
 * so a cache (memory or Redis JSON) can hold the result, and fail as a whole so a failed upstream read is not cached.
 */
function settleEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const original = field?.resolve;
  if (!field || !original) return;
  field.resolve = async (root, args, context, info) => {
    const representations = (args as { representations: Array<{ __typename: string }> }).representations;
    const items = (await original(root, args, context, info)) as unknown[];
    const settled = await Promise.all(items);
    return settled.map((item, i) => (item && typeof item === 'object' ? { ...item, __typename: representations[i]!.__typename } : item));
  };
}
