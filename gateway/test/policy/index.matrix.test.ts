/**
 * Appendix 2 end to end over HTTP: for every role and every basis its role allows (CRIMINAL twice: with and
 * without a qualifying article), ONE query touching every service of the supergraph; each service's fields come
 * back exactly full, truncated or denied as `decide` says, and a denied service is never called.
 * Runs over whatever services exist under subgraphs/services.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BASIS_CODES, decide, policy, type BasisCode } from '@negiz/schema';
import { getNamedType, isCompositeType, type GraphQLObjectType } from 'graphql';
import { defaultWorld } from '@negiz/mocks';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { loadServices, SERVICES_DIR } from '@negiz/subgraphs/registry.ts';
import type { World } from '@negiz/mocks/model.ts';
import { post, startHarness, type Harness } from '../harness.ts';

const NUMBERS: Record<BasisCode, string> = {
  CRIMINAL: '241500031000123',
  ADMIN_COURT: '7510-2024-01-3/1234',
  ADMIN_OFFENCE: '245510000123',
  CIVIL: '7510-2024-02-2/5678',
  ENFORCEMENT: '02-2024-001234',
  SEARCH: '2455100123',
};
const TAX_CASE = '241500031000200';
const ENTRY: Record<string, { field: string; argument: string }> = {
  Person: { field: 'person', argument: 'iin' },
  LegalEntity: { field: 'legalEntity', argument: 'bin' },
  Vehicle: { field: 'vehicle', argument: 'vin' },
  Weapon: { field: 'weapon', argument: 'serialNumber' },
};

interface Probe {
  service: number;
  entity: string;
  /** One plain field of the service on the entity. */
  plain: string;
  /** Fields of the service on the entity it withholds when truncated. */
  withheld: string[];
}

let h: Harness;
let probes: Probe[];
let query: string;

function subjects(world: World): Record<string, string> {
  const iin = world.personAt(0).iin;
  let vin: string | undefined;
  let serial: string | undefined;
  for (let i = 0; i < 2_000 && (!vin || !serial); i++) {
    const p = world.personAt(i).iin;
    vin ??= world.vehiclesOf({ iin: p })[0]?.vin;
    serial ??= world.weaponsOf(p)[0]?.serialNumber;
  }
  return { Person: iin, LegalEntity: world.legalEntityAt(0).bin, Vehicle: vin!, Weapon: serial! };
}

beforeAll(async () => {
  const world = defaultWorld();
  // The committed supergraph when it composes exactly the services present (composing 93 takes many seconds).
  const slugs = (await loadServices({ dir: SERVICES_DIR })).map((s) => s.slug);
  let supergraphSdl: string | undefined;
  try {
    supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const named = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);
    if (named.length !== slugs.length || !slugs.every((s) => named.includes(s))) supergraphSdl = undefined;
  } catch {
    supergraphSdl = undefined;
  }
  h = await startHarness({
    servicesDir: SERVICES_DIR,
    world,
    ...(supergraphSdl ? { supergraphSdl } : {}),
    users: [...policy().roles.keys()].map((role) => ({ login: `r${role}`, status: 'ACTIVE' as const, role })),
  });
  const everyone = [...policy().roles.keys()].map((r) => `r${r}`);
  for (const basis of BASIS_CODES)
    h.cases.cases.set(`${basis}:${NUMBERS[basis]}`, { type: basis, number: NUMBERS[basis], status: 'OPEN', assignees: everyone, articles: ['190'] });
  h.cases.cases.set(`CRIMINAL:${TAX_CASE}`, { type: 'CRIMINAL', number: TAX_CASE, status: 'OPEN', assignees: everyone, articles: ['245'] });
  // One probe per service: a plain field on an entity it attaches to, plus its withheld fields there.
  const byService = new Map<number, Probe>();
  const schema = h.policy.facts.apiSchema;
  for (const [coordinate, facts] of h.policy.facts.fields) {
    const [type, field] = coordinate.split('.') as [string, string];
    if (!ENTRY[type] || facts.services.length !== 1) continue;
    const service = facts.services[0]!;
    const withheldHere = policy().services.get(service)?.withheld?.includes(coordinate) ?? false;
    const probe = byService.get(service) ?? { service, entity: type, plain: '', withheld: [] };
    if (probe.entity !== type) continue;
    if (withheldHere) probe.withheld.push(field);
    else if (!probe.plain) probe.plain = field;
    byService.set(service, probe);
  }
  probes = [...byService.values()].filter((p) => p.plain).sort((a, b) => a.service - b.service);
  const ids = subjects(world);
  const selection = (type: string, field: string) => {
    const def = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
    return isCompositeType(getNamedType(def.type)) ? `${field} { __typename }` : field;
  };
  const parts = Object.entries(ENTRY).map(([type, entry]) => {
    const fields = probes.filter((p) => p.entity === type).flatMap((p) => [p.plain, ...p.withheld].map((f) => selection(type, f)));
    return `${entry.field}(${entry.argument}: "${ids[type]}") { ${fields.join(' ')} }`;
  });
  query = `query Matrix { ${parts.join(' ')} }`;
}, 120_000);
afterAll(() => h?.close());

it('covers every service of the supergraph', () => {
  expect(probes.length).toBe(h.policy.facts.services.size);
});

it('gives every role x basis x service cell its Appendix 2 outcome', async () => {
  const p = policy();
  let cells = 0;
  for (const [role, row] of p.roles) {
    const token = await h.token({ login: `r${role}`, role, organisation: 'ORG' });
    const variants: Array<{ basis: BasisCode; number: string; articles: string[] }> = row.bases.flatMap(
      (basis): Array<{ basis: BasisCode; number: string; articles: string[] }> =>
        basis === 'CRIMINAL'
          ? [
              { basis, number: NUMBERS.CRIMINAL, articles: ['190'] },
              { basis, number: TAX_CASE, articles: ['245'] },
            ]
          : [{ basis, number: NUMBERS[basis], articles: ['190'] }],
    );
    for (const v of variants) {
      h.calls.length = 0;
      const r = await post(h, { query, extensions: { basis: { type: v.basis, number: v.number } } }, { authorization: `Bearer ${token}` });
      expect(r.status, `role ${role} ${v.basis}`).toBe(200);
      const policyErrors = new Map<string, { code: unknown; rule: unknown }>();
      for (const e of r.body.errors ?? []) {
        if (e.path?.length === 2) policyErrors.set(e.path.join('.'), { code: e.extensions?.code, rule: e.extensions?.rule });
      }
      const called = new Set(h.calls.map((c) => c.service));
      for (const probe of probes) {
        cells++;
        const d = decide(role, v.basis, probe.service, { articles: v.articles });
        const at = (field: string) => `${ENTRY[probe.entity]!.field}.${field}`;
        const where = `role ${role}, ${v.basis} (${v.articles}), service ${probe.service}`;
        const object = r.body.data?.[ENTRY[probe.entity]!.field] as Record<string, unknown> | undefined;
        if (d.access === 'denied') {
          expect(policyErrors.get(at(probe.plain)), where).toEqual({ code: d.code, rule: d.rule });
          expect(object?.[probe.plain], where).toBeNull();
          expect(called.has(h.policy.slugOf(probe.service)), where).toBe(false);
        } else {
          expect(policyErrors.has(at(probe.plain)), where).toBe(false);
          for (const f of probe.withheld) {
            if (d.access === 'truncated') {
              expect(policyErrors.get(at(f)), where).toEqual({ code: 'REDACTED', rule: d.rule });
              expect(object?.[f], where).toBeNull();
            } else expect(policyErrors.has(at(f)), where).toBe(false);
          }
        }
      }
    }
  }
  const variants = [...p.roles.values()].reduce((n, r) => n + r.bases.length + (r.bases.includes('CRIMINAL') ? 1 : 0), 0);
  expect(cells).toBe(variants * probes.length);
}, 120_000);

it('refuses every role x basis cell Appendix 1 does not allow as a whole (FORBIDDEN_BASIS_FOR_ROLE)', async () => {
  const p = policy();
  let refused = 0;
  for (const [role, row] of p.roles) {
    const token = await h.token({ login: `r${role}`, role, organisation: 'ORG' });
    for (const basis of BASIS_CODES.filter((b) => !row.bases.includes(b))) {
      const r = await post(h, { query, extensions: { basis: { type: basis, number: NUMBERS[basis] } } }, { authorization: `Bearer ${token}` });
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN_BASIS_FOR_ROLE', rule: { appendix: 1, row: role, column: p.basis(basis).column } });
      refused++;
    }
  }
  expect(refused).toBe(21 * 6 - [...p.roles.values()].reduce((n, r) => n + r.bases.length, 0));
});
