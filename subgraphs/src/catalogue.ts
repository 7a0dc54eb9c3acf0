import { Kind, parse, print, type DocumentNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import type { World } from '@negiz/mocks/model.ts';
import { BASIS_CODES, type AccessValue, type BasisCode } from '@negiz/schema';
import { ENTITY_KEYS, serviceDocument, type EntityPart, type EntityType, type ServiceDefinition } from './define.ts';
import type { RegisteredService } from './registry.ts';

/** The gateway-level entry point of each entity (owned by s01, s02, s05 and s06). */
export const ENTRY_POINTS: Record<EntityType, { field: string; argument: string; type: string }> = {
  Person: { field: 'person', argument: 'iin', type: 'IIN!' },
  LegalEntity: { field: 'legalEntity', argument: 'bin', type: 'BIN!' },
  Vehicle: { field: 'vehicle', argument: 'vin', type: 'String!' },
  Weapon: { field: 'weapon', argument: 'serialNumber', type: 'String!' },
};

export interface CatalogueEntry {
  number: number;
  slug: string;
  names: { en: string; kk: string; ru?: string };
  attaches: string[];
  /** Every `Type.field` the service owns (entity keys excepted): the supergraph's join__field points here. */
  fields: string[];
  /** The fields Appendix 2 withholds on truncated bases (`@truncated`). */
  truncated: string[];
  access: Record<BasisCode, AccessValue>;
  example: { entity: EntityType; query: string; variables: Record<string, string> | null };
}

function objectTypes(document: DocumentNode): Array<ObjectTypeDefinitionNode | ObjectTypeExtensionNode> {
  return document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
}

function isStub(node: ObjectTypeDefinitionNode | ObjectTypeExtensionNode): boolean {
  return (node.directives ?? []).some(
    (d) => d.name.value === 'key' && d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
  );
}

/** The coordinates a service contributes, and those it marks `@truncated`, read from its SDL. */
export function serviceCoordinates(definition: ServiceDefinition): { fields: string[]; truncated: string[] } {
  const fields: string[] = [];
  const truncated: string[] = [];
  for (const node of objectTypes(serviceDocument(definition))) {
    if (isStub(node)) continue;
    const key = (ENTITY_KEYS as Record<string, string>)[node.name.value];
    for (const field of node.fields ?? []) {
      if (field.name.value === key) continue;
      const coordinate = `${node.name.value}.${field.name.value}`;
      fields.push(coordinate);
      if (field.directives?.some((d) => d.name.value === 'truncated')) truncated.push(coordinate);
    }
  }
  return { fields, truncated };
}

/** The gateway-level example operation of a service, built from `definition.example`. */
export function exampleQuery(definition: ServiceDefinition): string {
  const { entity, selection } = definition.example;
  const entry = ENTRY_POINTS[entity];
  const text = `query Example($${entry.argument}: ${entry.type}) { ${entry.field}(${entry.argument}: $${entry.argument}) { ${selection} } }`;
  // Normalise the layout, and fail early on a selection that does not parse.
  return print(parse(text));
}

function hasData(part: EntityPart | null | undefined): boolean {
  if (!part) return false;
  return Object.values(part).some((v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
}

/** Candidate keys of an entity type in the world, in a stable order. */
function* candidates(type: EntityType, world: World, limit: number): Generator<string> {
  if (type === 'LegalEntity') {
    for (let i = 0; i < Math.min(world.legalEntityCount, limit); i++) yield world.legalEntityAt(i).bin;
    return;
  }
  for (let i = 0; i < Math.min(world.personCount, limit); i++) {
    const person = world.personAt(i);
    if (type === 'Person') yield person.iin;
    else if (type === 'Vehicle') for (const v of world.vehiclesOf({ iin: person.iin })) yield v.vin;
    else for (const w of world.weaponsOf(person.iin)) yield w.serialNumber;
  }
}

/** The first subject of the example's entity (or of `entity`) on which the service's mock has data (scanning up to `limit` subjects). */
export function demoSubject(
  definition: ServiceDefinition,
  world: World,
  limit = 5000,
  entity: EntityType = definition.example.entity,
): Record<string, string> | null {
  const read = definition.mock.entities?.[entity];
  if (!read) return null;
  for (const key of candidates(entity, world, limit)) {
    if (hasData(read(key, world))) return { [ENTITY_KEYS[entity]]: key };
  }
  return null;
}

export function catalogueEntry(service: RegisteredService, world: World | undefined): CatalogueEntry {
  const { fields, truncated } = serviceCoordinates(service.definition);
  const { entity } = service.definition.example;
  return {
    number: service.number,
    slug: service.slug,
    names: { ...service.policy.name },
    attaches: [...service.policy.attaches],
    fields,
    truncated,
    access: Object.fromEntries(BASIS_CODES.map((b) => [b, service.policy.access[b]])) as Record<BasisCode, AccessValue>,
    example: { entity, query: exampleQuery(service.definition), variables: world ? demoSubject(service.definition, world) : null },
  };
}

export function catalogue(services: readonly RegisteredService[], world: World | undefined): CatalogueEntry[] {
  return services.map((s) => catalogueEntry(s, world));
}
