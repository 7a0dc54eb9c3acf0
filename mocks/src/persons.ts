/**
 * A person's record, derived from their index: names follow the family (children take the father's surname and
 * patronymic, most wives the husband's surname), the family shares one address, a few percent are foreign residents.
 */
import { REFERENCE_DAY, YEAR_DAYS } from './calendar.ts';
import type { WorldContext } from './context.ts';
import { drawAddress, pickRegion, regionByName } from './geography.ts';
import { householdOf, isSingle } from './households.ts';
import type { Address, PersonRecord } from './model.ts';
import {
  CITIZEN_ETHNICITIES,
  FOREIGN_CITIZENSHIPS,
  firstName,
  hasPatronymic,
  nationality,
  patronymic,
  surname,
  surnameFor,
  transliterate,
  type Ethnicity,
} from './names.ts';
import { ageOf, iinAt, vitalsOf } from './person-index.ts';
import { mobileNumber } from './phones.ts';
import { dayToIso, rng, weighted } from './random.ts';

const FOREIGN_SHARE_OF_SINGLES = 0.06;

interface Origin {
  citizenship: string;
  ethnicity: Ethnicity;
  country: string;
  capital: string;
}

const KAZ: Omit<Origin, 'ethnicity'> = { citizenship: 'KAZ', country: 'Казахстан', capital: 'Астана' };

/** Citizenship and ethnic group: children inherit the father's; only persons without family are foreigners. */
export function originOf(ctx: WorldContext, index: number): Origin {
  const father = householdOf(ctx, index).father.get(index);
  if (father !== undefined) return originOf(ctx, father);
  const r = rng(ctx.seed, 'origin', index);
  if (isSingle(ctx, index) && r.chance(FOREIGN_SHARE_OF_SINGLES)) {
    const [citizenship, ethnicity, country, capital] = weighted(
      r,
      FOREIGN_CITIZENSHIPS.map((f) => [f, f[4]] as const),
    );
    return { citizenship, ethnicity, country, capital };
  }
  return { ...KAZ, ethnicity: weighted(r, CITIZEN_ETHNICITIES) };
}

export function firstNameOf(ctx: WorldContext, index: number): string {
  return firstName(rng(ctx.seed, 'first-name', index), originOf(ctx, index).ethnicity, vitalsOf(ctx, index).sex);
}

/** The male form of the person's surname. */
function familySurname(ctx: WorldContext, index: number): string {
  const h = householdOf(ctx, index);
  const father = h.father.get(index);
  if (father !== undefined) return familySurname(ctx, father);
  const r = rng(ctx.seed, 'surname', index);
  const husband = h.spouse.get(index);
  if (husband !== undefined && vitalsOf(ctx, index).sex === 'FEMALE' && r.chance(0.8)) return familySurname(ctx, husband);
  return surname(r, originOf(ctx, index).ethnicity);
}

export function lastNameOf(ctx: WorldContext, index: number): string {
  return surnameFor(familySurname(ctx, index), vitalsOf(ctx, index).sex);
}

/** The address the person's family shares. */
export function homeAddressOf(ctx: WorldContext, index: number): Address {
  const root = householdOf(ctx, index).root.get(index) ?? index;
  return drawAddress(rng(ctx.seed, 'address', root), undefined, undefined);
}

/** Where the person is registered as living: the family's home, or a foreign resident's own flat. */
export function residenceOf(ctx: WorldContext, index: number): Address {
  return originOf(ctx, index).citizenship === 'KAZ' ? homeAddressOf(ctx, index) : drawAddress(rng(ctx.seed, 'address', index), undefined, true);
}

function document(ctx: WorldContext, index: number, origin: Origin, birthDay: number, deathDay: number | undefined): PersonRecord['document'] {
  const r = rng(ctx.seed, 'document', index);
  const end = deathDay ?? REFERENCE_DAY;
  const adult = ageOf(birthDay, end) >= 16;
  const type = origin.citizenship !== 'KAZ' ? 'RESIDENCE_PERMIT' : adult && r.chance(0.85) ? 'ID_CARD' : 'PASSPORT';
  const years = type === 'RESIDENCE_PERMIT' ? 10 : adult ? 10 : 5;
  const earliest = Math.max(birthDay + 30, adult ? birthDay + Math.round(16 * YEAR_DAYS) : birthDay + 30, end - Math.round(years * YEAR_DAYS) + 1);
  const issued = r.int(Math.min(earliest, end), end);
  const issuedOn = dayToIso(issued);
  const validUntil = dayToIso(issued + Math.round(years * YEAR_DAYS) - 1);
  const number = type === 'PASSPORT' ? `N${r.digits(8)}` : type === 'ID_CARD' ? `0${r.digits(8)}` : `F${r.digits(8)}`;
  return { type, number, issuedOn, validUntil, issuer: issued >= 15_706 /* 2013-01-01 */ ? 'МВД РК' : 'МЮ РК' };
}

function birthPlace(ctx: WorldContext, index: number, origin: Origin, birthYear: number, home: Address): string {
  const r = rng(ctx.seed, 'birth-place', index);
  if (origin.citizenship !== 'KAZ') return `${origin.country}, г. ${r.chance(0.5) ? origin.capital : 'не указан'}`;
  const region = r.chance(0.75) ? (regionByName(home.region) ?? pickRegion(r)) : pickRegion(r);
  const city = r.pick(region.cities).name;
  const country = birthYear < 1992 ? 'Казахская ССР' : 'Казахстан';
  return region.name.startsWith('город') ? `${country}, г. ${city}` : `${country}, ${region.name}, г. ${city}`;
}

export function personRecord(ctx: WorldContext, index: number): PersonRecord {
  const vitals = vitalsOf(ctx, index);
  const iin = iinAt(ctx, index);
  const origin = originOf(ctx, index);
  const h = householdOf(ctx, index);
  const r = rng(ctx.seed, 'person', index);
  const first = firstNameOf(ctx, index);
  const last = lastNameOf(ctx, index);
  const birthDate = dayToIso(vitals.birthDay);
  const birthYear = Number(birthDate.slice(0, 4));

  let middleName: string | undefined;
  if (hasPatronymic(origin.ethnicity)) {
    const father = h.father.get(index);
    const fatherName = father !== undefined ? firstNameOf(ctx, father) : firstName(r, origin.ethnicity, 'MALE');
    const kazakhForm = origin.ethnicity === 'KAZAKH' && birthYear >= 1995 && r.chance(0.25);
    middleName = patronymic(fatherName, vitals.sex, kazakhForm);
  }
  const address = residenceOf(ctx, index);

  const record: PersonRecord = {
    iin,
    lastName: last,
    firstName: first,
    latinName: `${transliterate(last)} ${transliterate(first)}`,
    birthDate,
    sex: vitals.sex,
    citizenship: origin.citizenship,
    nationality: nationality(origin.ethnicity, vitals.sex),
    birthPlace: birthPlace(ctx, index, origin, birthYear, address),
    address,
    document: document(ctx, index, origin, vitals.birthDay, vitals.deathDay),
  };
  if (middleName) record.middleName = middleName;
  // The number encodes the index (phones.ts), so `world.personByPhone` finds the person again.
  if (vitals.deathDay === undefined && ageOf(vitals.birthDay) >= 14 && r.chance(0.93)) record.mobilePhone = mobileNumber(ctx.seed, index, 0);
  if (vitals.deathDay !== undefined) record.deathDate = dayToIso(vitals.deathDay);
  return record;
}
