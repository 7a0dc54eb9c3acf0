/**
 * Legal entities, derived from their index like persons: the BIN encodes the registration month (a seeded
 * permutation of the index) and a serial block, so `legalEntity(bin)` recomputes the index. Directors and founders
 * are persons chosen through further permutations, which run backwards for `companiesOf(iin)`.
 */
import type { WorldContext } from './context.ts';
import { BoundedCache } from './context.ts';
import { drawAddress } from './geography.ts';
import { parseBin } from '@negiz/schema';
import { withCheckDigit } from './identifiers.ts';
import type { Address, CompanyRole, LegalEntityRecord } from './model.ts';
import { ageOf, iinAt, indexOfIin, vitalsOf } from './person-index.ts';
import { lastNameOf } from './persons.ts';
import { dayToIso, hash32, isoToDay, rng, weighted } from './random.ts';

const FIRST_YEAR = 1992;
const MONTHS = (2025 - FIRST_YEAR + 1) * 12;
const SERIAL_CANDIDATES = 6;
const SERIAL_OFFSETS = 40_000;
export const MAX_LEGAL_ENTITIES = Math.floor((100_000 - SERIAL_OFFSETS) / SERIAL_CANDIDATES) * MONTHS;
/** How many persons are tried, in a fixed order, for each director or founder seat. */
const CANDIDATES = 6;

type LegalForm = LegalEntityRecord['legalForm'];

const FORMS: ReadonlyArray<readonly [LegalForm, number]> = [
  ['LLP', 70],
  ['JSC', 5],
  ['SOLE_PROPRIETOR', 10],
  ['STATE_ENTERPRISE', 4],
  ['PUBLIC_ASSOCIATION', 4],
  ['BRANCH', 7],
];

const FORM_NAMES: Record<LegalForm, readonly [ru: string, kk: string]> = {
  LLP: ['ТОО', 'ЖШС'],
  JSC: ['АО', 'АҚ'],
  SOLE_PROPRIETOR: ['ИП', 'ЖК'],
  STATE_ENTERPRISE: ['РГП на ПХВ', 'ШЖҚ РМК'],
  PUBLIC_ASSOCIATION: ['ОО', 'ҚБ'],
  BRANCH: ['Филиал ТОО', 'ЖШС филиалы'],
};

const NAME_STEMS = [
  'Казахстан',
  'Алтын',
  'Сарыарка',
  'Жол',
  'Нур',
  'Каспий',
  'Алатау',
  'Береке',
  'Азия',
  'Евразия',
  'Тенгри',
  'Алаш',
  'Шанырак',
  'Орда',
  'Достык',
  'Арман',
  'Самрук',
  'Жетысу',
  'Кокше',
  'Ертис',
  'Тау',
  'Дала',
  'Батыс',
  'Шыгыс',
];
const NAME_ENDINGS = [
  'Строй',
  'Транс',
  'Агро',
  'Трейд',
  'Сервис',
  'Инвест',
  'Логистик',
  'Энерго',
  'Мунай',
  'Фарм',
  'Групп',
  'Консалт',
  'Телеком',
  'Металл',
  'Пром',
  'Снаб',
  'Техно',
  'Медиа',
];
const STATE_NAMES = [
  'Казводхоз',
  'Казавтожол',
  'Национальный центр экспертизы',
  'Городская поликлиника № 4',
  'Казгидромет',
  'Информационно-учетный центр',
  'Центр судебных экспертиз',
];
const ASSOCIATION_NAMES = [
  'Ассоциация предпринимателей',
  'Союз ветеранов',
  'Общество защиты прав потребителей',
  'Федерация борьбы казак куресі',
  'Клуб любителей шахмат',
  'Ассоциация фермеров',
];

/** Economic activity codes (OKED) with their names. */
const ACTIVITIES: ReadonlyArray<readonly [string, string]> = [
  ['41201', 'Строительство жилых зданий'],
  ['46900', 'Неспециализированная оптовая торговля'],
  ['47111', 'Розничная торговля в неспециализированных магазинах преимущественно продуктами питания'],
  ['49410', 'Грузовые перевозки автомобильным транспортом'],
  ['62010', 'Деятельность в области компьютерного программирования'],
  ['68201', 'Аренда и управление собственной недвижимостью'],
  ['01110', 'Выращивание зерновых и зернобобовых культур'],
  ['06100', 'Добыча сырой нефти'],
  ['56101', 'Деятельность ресторанов'],
  ['69201', 'Деятельность в области бухгалтерского учета'],
  ['43210', 'Электромонтажные работы'],
  ['45201', 'Техническое обслуживание и ремонт автомобилей'],
  ['52291', 'Транспортно-экспедиционные услуги'],
  ['70220', 'Консультирование по вопросам коммерческой деятельности и управления'],
  ['46711', 'Оптовая торговля нефтепродуктами'],
  ['10711', 'Производство хлеба'],
];
const STATE_ACTIVITIES: ReadonlyArray<readonly [string, string]> = [
  ['86101', 'Деятельность больниц'],
  ['35111', 'Производство электроэнергии тепловыми электростанциями'],
  ['71200', 'Технические испытания и анализы'],
];
const ASSOCIATION_ACTIVITY = ['94990', 'Деятельность других общественных организаций'] as const;

function slotPerm(ctx: WorldContext) {
  return ctx.perm('bin-slot', MONTHS);
}

function serialOffset(ctx: WorldContext, slot: number): number {
  return hash32(ctx.seed, 'bin-serial', slot) % SERIAL_OFFSETS;
}

function formOf(ctx: WorldContext, index: number): { form: LegalForm; foreign: boolean } {
  const r = rng(ctx.seed, 'entity-form', index);
  const form = weighted(r, FORMS);
  return { form, foreign: form === 'BRANCH' && r.chance(0.3) };
}

function binDigits(form: LegalForm, foreign: boolean): string {
  if (form === 'SOLE_PROPRIETOR') return '60';
  if (form === 'BRANCH') return foreign ? '51' : '41';
  return '40';
}

export function binAt(ctx: WorldContext, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= ctx.legalEntities)
    throw new RangeError(`legal entity index out of range 0..${ctx.legalEntities - 1}`);
  const slot = slotPerm(ctx).forward(index % MONTHS);
  const year = FIRST_YEAR + Math.floor(slot / 12);
  const month = (slot % 12) + 1;
  const { form, foreign } = formOf(ctx, index);
  const head = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${binDigits(form, foreign)}`;
  const base = serialOffset(ctx, slot) + Math.floor(index / MONTHS) * SERIAL_CANDIDATES;
  for (let j = 0; j < SERIAL_CANDIDATES; j++) {
    const bin = withCheckDigit(head + String(base + j).padStart(5, '0'));
    if (bin) return bin;
  }
  throw new Error('no issuable BIN for this index');
}

export function indexOfBin(ctx: WorldContext, bin: string): number | undefined {
  const parsed = parseBin(bin);
  if (!parsed) return undefined;
  const [year, month] = parsed.registeredMonth.split('-').map(Number) as [number, number];
  const slot = (year - FIRST_YEAR) * 12 + month - 1;
  if (slot < 0 || slot >= MONTHS) return undefined;
  const r = Number(parsed.serial) - serialOffset(ctx, slot);
  if (r < 0) return undefined;
  const index = Math.floor(r / SERIAL_CANDIDATES) * MONTHS + slotPerm(ctx).backward(slot);
  if (index >= ctx.legalEntities) return undefined;
  return binAt(ctx, index) === bin ? index : undefined;
}

function eligible(ctx: WorldContext, person: number): boolean {
  const v = vitalsOf(ctx, person);
  return v.deathDay === undefined && ageOf(v.birthDay) >= 21;
}

type Seat = 'director' | 'founder-0' | 'founder-1' | 'founder-2';
const SEATS: readonly Seat[] = ['director', 'founder-0', 'founder-1', 'founder-2'];
/** Permutation names per seat and candidate, built once (they key the world's permutation table). */
const seatPerms = (seat: Seat): readonly string[] => Array.from({ length: CANDIDATES }, (_, t) => `${seat}#${t}`);
const SEAT_PERMS: Record<Seat, readonly string[]> = {
  director: seatPerms('director'),
  'founder-0': seatPerms('founder-0'),
  'founder-1': seatPerms('founder-1'),
  'founder-2': seatPerms('founder-2'),
};

/** The person holding a seat: the first eligible of a fixed list of candidates (the last one if none is). */
function seatHolder(ctx: WorldContext, index: number, seat: Seat): number {
  let person = 0;
  for (const name of SEAT_PERMS[seat]) {
    person = ctx.perm(name, ctx.persons).forward(index % ctx.persons);
    if (eligible(ctx, person)) return person;
  }
  return person;
}

/** Entities whose seat is held by `person`: run each candidate permutation backwards, keep those it won. */
function seatsHeldBy(ctx: WorldContext, person: number, seat: Seat, into: Set<number>): void {
  if (!eligible(ctx, person) && CANDIDATES > 0) {
    // An ineligible person only wins a seat as the last resort candidate.
    const name = SEAT_PERMS[seat][CANDIDATES - 1]!;
    for (let e = ctx.perm(name, ctx.persons).backward(person); e < ctx.legalEntities; e += ctx.persons) if (seatHolder(ctx, e, seat) === person) into.add(e);
    return;
  }
  for (const name of SEAT_PERMS[seat]) {
    for (let e = ctx.perm(name, ctx.persons).backward(person); e < ctx.legalEntities; e += ctx.persons) if (seatHolder(ctx, e, seat) === person) into.add(e);
  }
}

interface Founder {
  person?: number;
  entity?: number;
  sharePercent: number;
}

const SHARE_SPLITS: Record<number, ReadonlyArray<readonly number[]>> = {
  1: [[100]],
  2: [
    [50, 50],
    [60, 40],
    [70, 30],
    [51, 49],
  ],
  3: [
    [34, 33, 33],
    [40, 30, 30],
    [50, 25, 25],
  ],
};

function parentEntity(ctx: WorldContext, index: number): number | undefined {
  if (ctx.legalEntities < 2) return undefined;
  const parent = ctx.perm('parent', ctx.legalEntities).forward(index);
  return parent === index ? (index + 1) % ctx.legalEntities : parent;
}

/** Founder seats: "founder-1", "founder-2" for persons; the director is founder 0 where they own a share. */
function foundersOf(ctx: WorldContext, index: number, form: LegalForm, director: number): Founder[] {
  const r = rng(ctx.seed, 'founders', index);
  switch (form) {
    case 'SOLE_PROPRIETOR':
      return [{ person: director, sharePercent: 100 }];
    case 'STATE_ENTERPRISE':
      return [];
    case 'BRANCH': {
      const parent = parentEntity(ctx, index);
      return parent === undefined ? [] : [{ entity: parent, sharePercent: 100 }];
    }
    case 'JSC': {
      const parent = parentEntity(ctx, index);
      const holder = seatHolder(ctx, index, 'founder-1');
      return parent === undefined
        ? [{ person: holder, sharePercent: 100 }]
        : [
            { entity: parent, sharePercent: 60 },
            { person: holder, sharePercent: 40 },
          ];
    }
    case 'PUBLIC_ASSOCIATION':
      return [director, seatHolder(ctx, index, 'founder-1'), seatHolder(ctx, index, 'founder-2')].map((person, i) => ({
        person,
        sharePercent: i === 0 ? 34 : 33,
      }));
    case 'LLP': {
      const count = weighted(r, [
        [1, 55],
        [2, 35],
        [3, 10],
      ] as const);
      const shares = r.pick(SHARE_SPLITS[count]!);
      const people = [r.chance(0.7) ? director : seatHolder(ctx, index, 'founder-0'), seatHolder(ctx, index, 'founder-1'), seatHolder(ctx, index, 'founder-2')];
      const founders: Founder[] = shares.map((sharePercent, i) => ({ person: people[i]!, sharePercent }));
      const parent = parentEntity(ctx, index);
      if (count > 1 && parent !== undefined && r.chance(0.15)) founders[count - 1] = { entity: parent, sharePercent: founders[count - 1]!.sharePercent };
      return founders;
    }
  }
}

interface EntityCore {
  index: number;
  form: LegalForm;
  director: number;
  founders: Founder[];
}

function core(ctx: WorldContext, index: number): EntityCore {
  const { form } = formOf(ctx, index);
  const director = seatHolder(ctx, index, 'director');
  return { index, form, director, founders: foundersOf(ctx, index, form, director) };
}

const caches = new WeakMap<WorldContext, BoundedCache<number, EntityCore>>();
function cachedCore(ctx: WorldContext, index: number): EntityCore {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new BoundedCache(4096)));
  return cache.get(index, (i) => core(ctx, i));
}

function entityName(ctx: WorldContext, index: number, form: LegalForm, director: number): [string, string] {
  const r = rng(ctx.seed, 'entity-name', index);
  const [ru, kk] = FORM_NAMES[form];
  let name: string;
  if (form === 'SOLE_PROPRIETOR') name = lastNameOf(ctx, director);
  else if (form === 'STATE_ENTERPRISE') name = r.pick(STATE_NAMES);
  else if (form === 'PUBLIC_ASSOCIATION') name = `${r.pick(ASSOCIATION_NAMES)} «${r.pick(NAME_STEMS)}»`;
  else name = r.chance(0.5) ? `${r.pick(NAME_STEMS)}${r.pick(NAME_ENDINGS)}` : `${r.pick(NAME_STEMS)} ${r.pick(NAME_ENDINGS)}`;
  if (form === 'PUBLIC_ASSOCIATION') return [`${ru} «${name}»`, `«${name}» ${kk}`];
  if (form === 'SOLE_PROPRIETOR') return [`${ru} «${name}»`, `«${name}» ${kk}`];
  return [`${ru} «${name}»`, `«${name}» ${kk}`];
}

/** The registered office. */
export function entityAddressOf(ctx: WorldContext, index: number): Address {
  const r = rng(ctx.seed, 'entity-address', index);
  const address = drawAddress(r, undefined, false);
  if (r.chance(0.5)) address.apartment = `офис ${r.int(1, 400)}`;
  return address;
}

export function legalEntityRecord(ctx: WorldContext, index: number): LegalEntityRecord {
  const bin = binAt(ctx, index);
  const c = cachedCore(ctx, index);
  const r = rng(ctx.seed, 'entity', index);
  const year = Number(bin.slice(0, 2)) + (Number(bin.slice(0, 2)) < 70 ? 2000 : 1900);
  const month = bin.slice(2, 4);
  const firstDay = isoToDay(`${year}-${month}-01`);
  const lastDay = isoToDay(month === '12' ? `${year + 1}-01-01` : `${year}-${String(Number(month) + 1).padStart(2, '0')}-01`) - 1;
  const [name, nameKk] = entityName(ctx, index, c.form, c.director);
  const [code, activityName] =
    c.form === 'STATE_ENTERPRISE' ? r.pick(STATE_ACTIVITIES) : c.form === 'PUBLIC_ASSOCIATION' ? ASSOCIATION_ACTIVITY : r.pick(ACTIVITIES);
  const address = entityAddressOf(ctx, index);
  return {
    bin,
    name,
    nameKk,
    legalForm: c.form,
    registeredOn: dayToIso(r.int(firstDay, lastDay)),
    activity: { code, name: activityName },
    address,
    status: weighted(r, [
      ['ACTIVE', 90],
      ['LIQUIDATED', 7],
      ['SUSPENDED', 3],
    ] as const),
    directorIin: iinAt(ctx, c.director),
    founders: c.founders.map((f) =>
      f.person !== undefined ? { iin: iinAt(ctx, f.person), sharePercent: f.sharePercent } : { bin: binAt(ctx, f.entity!), sharePercent: f.sharePercent },
    ),
  };
}

/** The entities `person` directs or founded (the inverse of the seat choices above). */
export function companiesOfIndex(ctx: WorldContext, person: number): CompanyRole[] {
  const candidates = new Set<number>();
  for (const seat of SEATS) seatsHeldBy(ctx, person, seat, candidates);
  const roles: CompanyRole[] = [];
  for (const e of [...candidates].sort((a, b) => a - b)) {
    const c = cachedCore(ctx, e);
    const bin = c.director === person || c.founders.some((f) => f.person === person) ? binAt(ctx, e) : undefined;
    if (!bin) continue;
    if (c.director === person) roles.push({ bin, role: 'DIRECTOR' });
    const share = c.founders.filter((f) => f.person === person).reduce((sum, f) => sum + f.sharePercent, 0);
    if (c.founders.some((f) => f.person === person)) roles.push({ bin, role: 'FOUNDER', sharePercent: share });
  }
  return roles;
}

export function companiesOf(ctx: WorldContext, iin: string): CompanyRole[] {
  const index = indexOfIin(ctx, iin);
  return index === undefined ? [] : companiesOfIndex(ctx, index);
}
