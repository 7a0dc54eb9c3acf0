import { parse, type DocumentNode } from 'graphql';
import type { World } from '@negiz/mocks/model.ts';

/** The entities services attach to, and the key field of each. */
export const ENTITY_KEYS = { Person: 'iin', LegalEntity: 'bin', Vehicle: 'vin', Weapon: 'serialNumber' } as const;
export type EntityType = keyof typeof ENTITY_KEYS;

/** A service's own records of one entity: the fields it contributes, named as in its SDL. */
export type EntityPart = Record<string, unknown>;

export interface ServiceMock {
  /**
   * The service's fields of one entity, a pure function of the world and the key; null when the source holds
   * nothing on it (the construction then answers empty lists and nulls for the service's fields).
   */
  entities?: Partial<Record<EntityType, (key: string, world: World) => EntityPart | null>>;
  /** Root lookups by the service's own identifiers (a vehicle by plate, a weapon by serial number...). */
  queries?: Record<string, (args: Record<string, unknown>, world: World) => unknown>;
}

export interface ServiceDefinition {
  /** The row of Appendix 2; slug, names and access come from schema/policy/services.yaml. */
  number: number;
  /**
   * The service's SDL: its own types, the fields it contributes to entities (`type Person @key(fields: "iin") {
   * iin: IIN! ... }`) and its root Query fields. Without `extend schema @link` and without the common scalars and
   * directives: the construction adds them (see SERVICE_PRELUDE).
   */
  typeDefs: string;
  mock: ServiceMock;
  /**
   * A selection on one entity this service attaches to (e.g. `{ entity: 'Person', selection: 'vehicles { plate make }' }`):
   * the catalogue's example operation and the per-service test run it on a subject that has data in this service.
   */
  example: { entity: EntityType; selection: string };
  /** How long upstream reads of this service may be cached (seconds). */
  cacheTtlSeconds?: number;
}

export function defineService(definition: ServiceDefinition): ServiceDefinition {
  return definition;
}

/** The Federation 2 link, the composed @truncated directive and the common scalars every service gets. */
export const SERVICE_PRELUDE = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@composeDirective"])
    @link(url: "https://negiz.kz/spec/policy/v1.0", import: ["@truncated"])
    @composeDirective(name: "@truncated")

  "Withheld on the bases where Appendix 2 grants this service only in truncated form (footnote 1)."
  directive @truncated on FIELD_DEFINITION

  "Individual identification number: 12 digits with a valid check digit."
  scalar IIN
  "Business identification number: 12 digits with a valid check digit."
  scalar BIN
  "Calendar date, ISO 8601 (YYYY-MM-DD)."
  scalar Date
  "Instant, ISO 8601 with offset."
  scalar DateTime
`;

/** The complete subgraph SDL of a service. */
export function serviceDocument(definition: ServiceDefinition): DocumentNode {
  return parse(SERVICE_PRELUDE + definition.typeDefs);
}
