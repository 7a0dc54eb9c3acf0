import {
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';
import { ENTITY_KEYS, type EntityPart, type EntityType } from './define.ts';

/** An entity type a service declares as resolvable with `@key`. */
export interface DeclaredEntity {
  type: EntityType;
  key: string;
}

function isEntityType(name: string): name is EntityType {
  return name in ENTITY_KEYS;
}

/** The entity types the SDL declares with a resolvable `@key` (stubs with `resolvable: false` are left out). */
export function declaredEntities(document: DocumentNode): DeclaredEntity[] {
  const found = new Map<EntityType, DeclaredEntity>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const node = def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    const name = node.name.value;
    for (const directive of node.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const resolvable = directive.arguments?.find((a) => a.name.value === 'resolvable');
      if (resolvable?.value.kind === Kind.BOOLEAN && !resolvable.value.value) continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields');
      const key = fields?.value.kind === Kind.STRING ? fields.value.value.trim() : '';
      if (!isEntityType(name)) throw new Error(`@key on ${name}: only ${Object.keys(ENTITY_KEYS).join(', ')} are entities`);
      if (key !== ENTITY_KEYS[name]) throw new Error(`${name} must be keyed by "${ENTITY_KEYS[name]}", not "${key}"`);
      found.set(name, { type: name, key });
    }
  }
  return [...found.values()];
}

/**
 * What a service answers for its fields of an entity when its source holds nothing: empty lists for list fields,
 * null for nullable fields (non-null scalars keep no default: a missing value there is a service's bug).
 */
export function emptyPart(schema: GraphQLSchema, type: EntityType): EntityPart {
  const object = schema.getType(type) as GraphQLObjectType | undefined;
  const part: EntityPart = {};
  for (const [name, field] of Object.entries(object?.getFields() ?? {})) {
    if (name === ENTITY_KEYS[type]) continue;
    const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (isListType(unwrapped)) part[name] = [];
    else if (!isNonNullType(field.type)) part[name] = null;
  }
  return part;
}

/** The named type a field returns, when it is an entity type. */
export function entityTypeOf(schema: GraphQLSchema, typeName: string, fieldName: string): EntityType | undefined {
  const field = (schema.getType(typeName) as GraphQLObjectType | undefined)?.getFields()[fieldName];
  const named = field && getNamedType(field.type).name;
  return named && isEntityType(named) ? named : undefined;
}
