/**
 * Which state service each field of the API schema comes from, for GraphiQL's documentation: the supergraph's
 * attribution (`@join__field`, read by the policy stage's `readSupergraph`) joined with the names of Appendix 2.
 */
import { policy as shippedPolicy, type Policy } from '@negiz/schema';

export interface FieldService {
  number: number;
  slug: string;
  name: string;
  nameKk: string;
}

export interface FieldServiceEntry {
  services: FieldService[];
  /** Withheld where Appendix 2 grants the service only in truncated form (footnote 1). */
  truncated: boolean;
}

/** `Type.field` -> its services; fields of no service (entity keys, introspection) are left out. */
export type FieldServiceMap = Record<string, FieldServiceEntry>;

export function fieldServiceMap(
  fields: ReadonlyMap<string, { services: readonly number[]; truncated: boolean }>,
  p: Policy = shippedPolicy(),
): FieldServiceMap {
  const map: FieldServiceMap = {};
  for (const [coordinate, facts] of [...fields].sort(([a], [b]) => a.localeCompare(b))) {
    if (!facts.services.length) continue;
    map[coordinate] = {
      truncated: facts.truncated,
      services: facts.services.map((number) => {
        const row = p.services.get(number);
        return { number, slug: row?.slug ?? `s${String(number).padStart(2, '0')}`, name: row?.name.en ?? `service ${number}`, nameKk: row?.name.kk ?? '' };
      }),
    };
  }
  return map;
}
