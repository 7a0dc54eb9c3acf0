import { policy as shippedPolicy } from './load.ts';
import type { AccessValue, BasisCode, Policy } from './model.ts';

/** The order's two appendices as one JSON document (the shape of `negiz policy matrix --json`). */
export interface PolicyMatrix {
  bases: BasisCode[];
  roles: Record<string, { name: string; bases: BasisCode[] }>;
  services: Record<string, { slug: string; name: string; access: Record<BasisCode, AccessValue> }>;
}

export function policyMatrix(p: Policy = shippedPolicy()): PolicyMatrix {
  return {
    bases: p.bases.map((b) => b.code),
    roles: Object.fromEntries([...p.roles.values()].map((r) => [String(r.number), { name: r.name.en, bases: [...r.bases] }])),
    services: Object.fromEntries(
      [...p.services.values()].map((s) => [String(s.number), { slug: s.slug, name: s.name.en, access: { ...s.access } as Record<BasisCode, AccessValue> }]),
    ),
  };
}
