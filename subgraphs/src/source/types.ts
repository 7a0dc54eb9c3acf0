import type { EntityPart, EntityType } from '../define.ts';

/**
 * Where a service reads its records: the mock over the synthetic world, or the real upstream over HTTP.
 * Reads only, all idempotent (so an adapter may retry them).
 */
export interface DataSource {
  /** The service's part of each entity, in the order of `keys`; null where the source holds nothing on it. */
  entities(type: EntityType, keys: readonly string[]): Promise<Array<EntityPart | null>>;
  /** A root lookup by the service's own identifiers (`vehicleByPlate`, `airTicket`...). */
  query(field: string, args: Record<string, unknown>): Promise<unknown>;
  /** Whether this source can answer `entities(type, ...)`; types it does not serve are left to other services. */
  serves(type: EntityType): boolean;
  /** Release connections, timers. */
  close?(): Promise<void>;
}
