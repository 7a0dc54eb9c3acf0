import type { OwnerKey, World } from '@negiz/mocks/model.ts';

/**
 * The direct links of a person or legal entity, as services 82 (level 1) and 83 (level 2) derive them from the
 * world's shared facts: family, company roles, and property (vehicles, weapons, real estate, land plots).
 */
export const RELATION_KINDS = {
  SPOUSE: 'Spouse, as registered in civil status records.',
  PARENT: 'A parent.',
  CHILD: 'A child.',
  SIBLING: 'A brother or sister.',
  DIRECTOR_OF: 'Heads this legal entity (first head in the register of legal entities).',
  FOUNDER_OF: 'Founder (participant) of this legal entity.',
  DIRECTED_BY: 'This person heads the legal entity.',
  FOUNDED_BY: 'This person or legal entity is a founder (participant) of the legal entity.',
  OWNS_VEHICLE: 'Registered owner of this vehicle.',
  OWNS_WEAPON: 'Registered owner of this civilian weapon.',
  OWNS_REAL_ESTATE: 'Owner of this real estate (cadastral number).',
  OWNS_LAND_PLOT: 'Owner or land user of this land plot (cadastral number).',
} as const;

export type RelationKind = keyof typeof RELATION_KINDS;

export interface Relation {
  kind: RelationKind;
  /** Exactly one of the targets is set. */
  person?: { iin: string };
  legalEntity?: { bin: string };
  vehicle?: { vin: string };
  weapon?: { serialNumber: string };
  cadastralNumber?: string;
  label: string;
  sharePercent?: number;
  since?: string;
}

/** The SDL of an enum of the relation kinds, under the name a service owns. */
export function relationKindEnum(name: string, description: string): string {
  const values = Object.entries(RELATION_KINDS).map(([value, meaning]) => `  "${meaning}"\n  ${value}`);
  return `"${description}"\nenum ${name} {\n${values.join('\n')}\n}\n`;
}

/** Legal entities founded by each legal entity: the register lists founders per entity, so invert it once per world. */
const foundedByEntity = new WeakMap<World, Map<string, Array<{ bin: string; sharePercent: number; since: string }>>>();

function subsidiariesOf(world: World, bin: string): Array<{ bin: string; sharePercent: number; since: string }> {
  let index = foundedByEntity.get(world);
  if (!index) {
    index = new Map();
    for (let i = 0; i < world.legalEntityCount; i++) {
      const entity = world.legalEntityAt(i);
      for (const founder of entity.founders) {
        if (!founder.bin) continue;
        const list = index.get(founder.bin) ?? [];
        list.push({ bin: entity.bin, sharePercent: founder.sharePercent, since: entity.registeredOn });
        index.set(founder.bin, list);
      }
    }
    foundedByEntity.set(world, index);
  }
  return index.get(bin) ?? [];
}

function personLabel(world: World, iin: string): string {
  const p = world.person(iin);
  return p ? [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') : 'Person not found in the register';
}

function legalEntityLabel(world: World, bin: string): string {
  return world.legalEntity(bin)?.name ?? 'Legal entity not found in the register';
}

function propertyRelations(world: World, owner: OwnerKey): Relation[] {
  const links: Relation[] = [];
  for (const v of world.vehiclesOf(owner)) {
    links.push({ kind: 'OWNS_VEHICLE', vehicle: { vin: v.vin }, label: `${v.make} ${v.model} ${v.year}, ${v.plate}`, since: v.registeredOn });
  }
  for (const r of world.realEstateOf(owner)) {
    const a = r.address;
    const place = `${a.city}, ${a.street} ${a.house}${a.apartment ? `-${a.apartment}` : ''}`;
    links.push({
      kind: 'OWNS_REAL_ESTATE',
      cadastralNumber: r.cadastralNumber,
      label: `${r.kind.toLowerCase()}, ${place}, ${r.areaSqm} m²`,
      since: r.acquiredOn,
    });
  }
  for (const l of world.landPlotsOf(owner)) {
    links.push({ kind: 'OWNS_LAND_PLOT', cadastralNumber: l.cadastralNumber, label: `${l.purpose}, ${l.areaHa} ha, ${l.region}`, since: l.acquiredOn });
  }
  return links;
}

/** Level 1: the subject's direct links, family first, then companies, then property. */
export function directRelations(world: World, subject: OwnerKey): Relation[] {
  const links: Relation[] = [];
  if ('iin' in subject) {
    const family = world.family(subject.iin);
    const kin = (kind: RelationKind, iin: string) => links.push({ kind, person: { iin }, label: personLabel(world, iin) });
    if (family.spouse) kin('SPOUSE', family.spouse);
    family.parents.forEach((iin) => kin('PARENT', iin));
    family.children.forEach((iin) => kin('CHILD', iin));
    family.siblings.forEach((iin) => kin('SIBLING', iin));
    for (const role of world.companiesOf(subject.iin)) {
      links.push({
        kind: role.role === 'DIRECTOR' ? 'DIRECTOR_OF' : 'FOUNDER_OF',
        legalEntity: { bin: role.bin },
        label: legalEntityLabel(world, role.bin),
        sharePercent: role.sharePercent,
        since: world.legalEntity(role.bin)?.registeredOn,
      });
    }
    links.push(...propertyRelations(world, subject));
    for (const w of world.weaponsOf(subject.iin)) {
      links.push({ kind: 'OWNS_WEAPON', weapon: { serialNumber: w.serialNumber }, label: `${w.model}, ${w.calibre}` });
    }
  } else {
    const entity = world.legalEntity(subject.bin);
    if (!entity) return [];
    links.push({ kind: 'DIRECTED_BY', person: { iin: entity.directorIin }, label: personLabel(world, entity.directorIin), since: entity.registeredOn });
    for (const f of entity.founders) {
      const target = f.iin
        ? { person: { iin: f.iin }, label: personLabel(world, f.iin) }
        : { legalEntity: { bin: f.bin! }, label: legalEntityLabel(world, f.bin!) };
      links.push({ kind: 'FOUNDED_BY', ...target, sharePercent: f.sharePercent, since: entity.registeredOn });
    }
    for (const s of subsidiariesOf(world, subject.bin)) {
      links.push({ kind: 'FOUNDER_OF', legalEntity: { bin: s.bin }, label: legalEntityLabel(world, s.bin), sharePercent: s.sharePercent, since: s.since });
    }
    links.push(...propertyRelations(world, subject));
  }
  return links;
}

/** Bounds of level 2: a person with a large family and many companies must not fan out without limit. */
export const SECOND_LEVEL_BOUNDS = { intermediaries: 30, links: 200 } as const;

export interface SecondLevelRelation extends Relation {
  viaKind: RelationKind;
  viaPerson?: { iin: string };
  viaLegalEntity?: { bin: string };
  viaLabel: string;
}

function targetKey(link: Relation): string {
  return link.person?.iin ?? link.legalEntity?.bin ?? link.vehicle?.vin ?? link.weapon?.serialNumber ?? link.cadastralNumber ?? link.label;
}

/**
 * Level 2: the direct links of the subject's linked persons and legal entities, without the subject itself and
 * without what is already linked directly; at most SECOND_LEVEL_BOUNDS.links, through at most
 * SECOND_LEVEL_BOUNDS.intermediaries intermediaries, each target once (through the first intermediary found).
 */
export function secondLevelRelations(world: World, subject: OwnerKey): SecondLevelRelation[] {
  const first = directRelations(world, subject);
  const seen = new Set<string>(['iin' in subject ? subject.iin : subject.bin, ...first.map(targetKey)]);
  const result: SecondLevelRelation[] = [];
  const intermediaries = first.filter((link) => link.person || link.legalEntity).slice(0, SECOND_LEVEL_BOUNDS.intermediaries);
  for (const via of intermediaries) {
    const viaKey: OwnerKey = via.person ? { iin: via.person.iin } : { bin: via.legalEntity!.bin };
    for (const link of directRelations(world, viaKey)) {
      const key = targetKey(link);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ ...link, viaKind: via.kind, viaPerson: via.person, viaLegalEntity: via.legalEntity, viaLabel: via.label });
      if (result.length >= SECOND_LEVEL_BOUNDS.links) return result;
    }
  }
  return result;
}
