import type { IsoDate, PersonRecord, World } from '@negiz/mocks/model.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addDays, earlier, recordSpan, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';

type PartyRole = 'CHILD' | 'MOTHER' | 'FATHER' | 'SPOUSE' | 'DECEASED' | 'APPLICANT';
interface Party {
  role: PartyRole;
  person: { iin: string } | null;
  nameInAct: string;
}
interface Act {
  actNumber: string;
  kind: 'BIRTH' | 'MARRIAGE' | 'DIVORCE' | 'DEATH' | 'NAME_CHANGE';
  eventDate: IsoDate;
  registeredOn: IsoDate;
  registryOffice: string;
  certificateNumber: string;
  placeOfEvent: string | null;
  previousName: string | null;
  status: 'VALID' | 'AMENDED' | 'ANNULLED';
  parties: Party[];
}

const PREVIOUS_SURNAMES = { MALE: ['Bekov', 'Omarov', 'Sadykov', 'Ivanov', 'Kim'], FEMALE: ['Bekova', 'Omarova', 'Sadykova', 'Ivanova', 'Kim'] };

function fullName(p: PersonRecord): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

function party(world: World, role: PartyRole, iin: string): Party {
  const p = world.person(iin);
  return { role, person: p ? { iin } : null, nameInAct: p ? fullName(p) : 'not recorded' };
}

function office(city: string): string {
  return `Civil status registration department of ${city}`;
}

/**
 * Each act is derived from its own key (the child, the couple, the deceased), never from who asks, so a birth
 * act reads the same in the child's and the parents' records, and a marriage the same for both spouses.
 */
function birthAct(world: World, childIin: string): Act | null {
  const child = world.person(childIin);
  if (!child || child.birthDate < RECORDS_FROM) return null;
  const rng = world.rng('s32', 'birth', childIin);
  const registeredOn = earlier(addDays(child.birthDate, rng.int(1, 30)), RECORDS_UNTIL);
  const parents = world.family(childIin).parents.map((iin) => party(world, world.person(iin)?.sex === 'MALE' ? 'FATHER' : 'MOTHER', iin));
  return {
    actNumber: String(rng.int(1, 3200)),
    kind: 'BIRTH',
    eventDate: child.birthDate,
    registeredOn,
    registryOffice: office(child.address.city),
    certificateNumber: `№ ${rng.digits(7)}`,
    placeOfEvent: child.birthPlace,
    previousName: null,
    status: rng.chance(0.03) ? 'AMENDED' : 'VALID',
    parties: [party(world, 'CHILD', childIin), ...parents],
  };
}

function commonChildren(world: World, a: string, b: string): PersonRecord[] {
  const ofB = new Set(world.family(b).children);
  return world
    .family(a)
    .children.filter((c) => ofB.has(c))
    .map((c) => world.person(c))
    .filter((c): c is PersonRecord => !!c);
}

/** Marriage (and, for a couple that is no longer married, divorce) acts of a couple. */
function coupleActs(world: World, a: string, b: string): Act[] {
  const [first, second] = a < b ? [a, b] : [b, a];
  const pa = world.person(first);
  const pb = world.person(second);
  const wa = pa && recordSpan(pa, 18);
  const wb = pb && recordSpan(pb, 18);
  if (!pa || !pb || !wa || !wb) return [];
  const rng = world.rng('s32', 'couple', first, second);
  const firstChild =
    commonChildren(world, first, second)
      .map((c) => c.birthDate)
      .sort()[0] ?? RECORDS_UNTIL;
  const from = wa.from > wb.from ? wa.from : wb.from;
  const to = earlier(earlier(wa.to, wb.to), addDays(firstChild, -30));
  if (from > to) return [];
  const marriedOn = rng.date(from, to);
  const parties = [party(world, 'SPOUSE', first), party(world, 'SPOUSE', second)];
  const acts: Act[] = [
    {
      actNumber: String(rng.int(1, 1800)),
      kind: 'MARRIAGE',
      eventDate: marriedOn,
      registeredOn: marriedOn,
      registryOffice: office(pa.address.city),
      certificateNumber: `№ ${rng.digits(7)}`,
      placeOfEvent: pa.address.city,
      previousName: null,
      status: 'VALID',
      parties,
    },
  ];
  const stillMarried = world.family(first).spouse === second;
  const divorceFrom = addDays(marriedOn, 365);
  if (!stillMarried && divorceFrom < RECORDS_UNTIL) {
    const divorcedOn = rng.date(divorceFrom, RECORDS_UNTIL);
    acts.push({
      actNumber: String(rng.int(1, 900)),
      kind: 'DIVORCE',
      eventDate: divorcedOn,
      registeredOn: earlier(addDays(divorcedOn, rng.int(0, 20)), RECORDS_UNTIL),
      registryOffice: office(pb.address.city),
      certificateNumber: `№ ${rng.digits(7)}`,
      placeOfEvent: null,
      previousName: null,
      status: 'VALID',
      parties,
    });
  }
  return acts;
}

function deathAct(world: World, p: PersonRecord): Act | null {
  if (!p.deathDate || p.deathDate < RECORDS_FROM) return null;
  const rng = world.rng('s32', 'death', p.iin);
  return {
    actNumber: String(rng.int(1, 2500)),
    kind: 'DEATH',
    eventDate: p.deathDate,
    registeredOn: earlier(addDays(p.deathDate, rng.int(1, 7)), RECORDS_UNTIL),
    registryOffice: office(p.address.city),
    certificateNumber: `№ ${rng.digits(7)}`,
    placeOfEvent: p.address.city,
    previousName: null,
    status: 'VALID',
    parties: [party(world, 'DECEASED', p.iin)],
  };
}

function nameChangeAct(world: World, p: PersonRecord): Act | null {
  const window = recordSpan(p, 16);
  const rng = world.rng('s32', 'name', p.iin);
  if (!window || !rng.chance(0.02)) return null;
  const changedOn = rng.date(window.from, window.to);
  return {
    actNumber: String(rng.int(1, 400)),
    kind: 'NAME_CHANGE',
    eventDate: changedOn,
    registeredOn: changedOn,
    registryOffice: office(p.address.city),
    certificateNumber: `№ ${rng.digits(7)}`,
    placeOfEvent: null,
    previousName: `${rng.pick(PREVIOUS_SURNAMES[p.sex])} ${p.firstName}`,
    status: 'VALID',
    parties: [party(world, 'APPLICANT', p.iin)],
  };
}

function roleOf(act: Act, iin: string): PartyRole {
  return act.parties.find((x) => x.person?.iin === iin)?.role ?? 'APPLICANT';
}

export function civilStatusActs(iin: string, world: World): Record<string, unknown> | null {
  const p = world.person(iin);
  if (!p) return null;
  const family = world.family(iin);
  // Former partners: the other parent of a child who is not the current spouse.
  const partners = new Set<string>(family.spouse ? [family.spouse] : []);
  for (const child of family.children) {
    for (const parent of world.family(child).parents) if (parent !== iin) partners.add(parent);
  }
  const acts = [
    birthAct(world, iin),
    ...family.children.map((c) => birthAct(world, c)),
    ...[...partners].flatMap((partner) => coupleActs(world, iin, partner)),
    deathAct(world, p),
    nameChangeAct(world, p),
  ].filter((a): a is Act => !!a);
  if (acts.length === 0) return null;
  return { civilStatusActs: newestFirst(acts, (a) => a.registeredOn).map((a) => ({ ...a, subjectRole: roleOf(a, iin) })) };
}
