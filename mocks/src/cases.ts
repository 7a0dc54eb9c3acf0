/**
 * The case registries the gateway verifies a basis against (p.5, p.22): the unified register of pre-trial
 * investigations (criminal cases), the courts' case system (administrative and civil cases), the register of
 * administrative offences, the enforcement-proceedings system, the search case register, and the instructions of
 * investigators and prosecutors. Small (hundreds of cases), so a deterministic table built per world.
 *
 * Every demo user gets, for each basis their role may use, an open case and a closed one; a criminal case under
 * Chapter 8 of the Criminal Code and one outside it. Subjects are persons and companies of the population.
 */
import { BASIS_CODES, policy, type BasisCode } from '@negiz/schema';
import { REFERENCE_DAY } from './calendar.ts';
import { REGIONS } from './geography.ts';
import type { IsoDate, World } from './model.ts';
import { dayToIso, hash32, isoToDay, rng } from './random.ts';
import { demoUsers, type DemoUser } from './users.ts';

export type CaseStatus = 'OPEN' | 'CLOSED';
export type CaseSubject = { iin: string } | { bin: string };

export interface CaseRecord {
  number: string;
  basis: BasisCode;
  status: CaseStatus;
  /** Criminal Code articles ("218 ч.2"), criminal cases only: the article restriction (p.2) reads them. */
  articles?: string[];
  /** Logins of the users in whose hands the case is (investigator and supervising prosecutor, judge, bailiff...). */
  assigned: string[];
  organisation: string;
  openedOn: IsoDate;
  closedOn?: IsoDate;
  subjects: CaseSubject[];
  title: string;
}

export type InstructionStatus = 'OPEN' | 'EXECUTED';

/** An investigator's or prosecutor's instruction on a criminal case, addressed to another user (p.22). */
export interface InstructionRecord {
  caseNumber: string;
  /** The instruction's outgoing number, unique across the registry. */
  outgoingNumber: string;
  from: string;
  to: string;
  issuedOn: IsoDate;
  status: InstructionStatus;
}

export interface CaseRegistries {
  readonly cases: readonly CaseRecord[];
  readonly instructions: readonly InstructionRecord[];
  findCase(basis: BasisCode, number: string): CaseRecord | undefined;
  /** Cases in the user's own hands (assigned to them). */
  casesOfUser(login: string): CaseRecord[];
  findInstruction(caseNumber: string, outgoingNumber: string): InstructionRecord | undefined;
  /** The instruction with this outgoing number, whatever its case. */
  instructionByNumber(outgoingNumber: string): InstructionRecord | undefined;
  /** Instructions addressed to the user. */
  instructionsTo(login: string): InstructionRecord[];
}

/** Chapter 8 (criminal offences in the sphere of economic activity), articles 214-249. */
const ECONOMIC_ARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['218 ч.2', 'легализации (отмывания) денег и иного имущества, полученных преступным путем'],
  ['245 ч.1', 'уклонения от уплаты налогов с организаций'],
  ['216 ч.2', 'выписки счетов-фактур без фактического выполнения работ'],
  ['214 ч.2', 'незаконного предпринимательства'],
  ['217 ч.1', 'создания и руководства финансовой пирамидой'],
];
const GENERAL_ARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['190 ч.2', 'мошенничества'],
  ['188 ч.2', 'кражи'],
  ['200 ч.1', 'неправомерного завладения автомобилем'],
  ['297 ч.1', 'незаконного хранения наркотических средств'],
  ['287 ч.1', 'незаконного оборота оружия'],
  ['106 ч.1', 'умышленного причинения тяжкого вреда здоровью'],
];
const CORRUPTION_ARTICLES: ReadonlyArray<readonly [string, string]> = [
  ['366 ч.3', 'получения взятки'],
  ['367 ч.2', 'дачи взятки'],
  ['361 ч.1', 'злоупотребления должностными полномочиями'],
  ['189 ч.3', 'присвоения вверенного имущества'],
];
const ADMIN_OFFENCES = [
  'Превышение скорости движения (ст. 592 КоАП РК)',
  'Управление транспортным средством в состоянии опьянения (ст. 608 КоАП РК)',
  'Нарушение требований пожарной безопасности (ст. 410 КоАП РК)',
  'Мелкое хищение (ст. 136 КоАП РК)',
  'Нарушение налогового законодательства (ст. 278 КоАП РК)',
];
const ADMIN_COURT_TITLES = [
  'Об оспаривании решения органа государственных доходов',
  'Об оспаривании действий акимата',
  'Об административном правонарушении (ст. 608 КоАП РК)',
];
const CIVIL_TITLES = [
  'О взыскании задолженности по договору займа',
  'О возмещении материального ущерба',
  'О признании сделки недействительной',
  'О разделе совместно нажитого имущества',
];
const ENFORCEMENT_TITLES = [
  'Взыскание задолженности по исполнительному листу',
  'Взыскание алиментов',
  'Взыскание штрафа',
  'Обращение взыскания на имущество должника',
];
const SEARCH_TITLES = ['Розыск лица, скрывшегося от органа уголовного преследования', 'Розыск без вести пропавшего', 'Розыск должника'];

const SUPERVISING_PROSECUTOR = 'prosecutor.almaty';
const JUDGE = 'judge.almaty';
const BAILIFF = 'bailiff.almaty';
const COURTS = {
  ADMIN_COURT: ['7540', 'Специализированный межрайонный административный суд города Алматы'],
  CIVIL: ['7511', 'Алмалинский районный суд города Алматы'],
} as const;

interface Pools {
  persons: string[];
  entities: Array<{ bin: string; directorIin: string }>;
  stolen: Array<{ iin: string; make: string; model: string; plate: string }>;
}

/** Subjects worth showing: living adults with property, active companies, owners of stolen cars. */
function subjectPools(world: World, exclude: ReadonlySet<string>): Pools {
  const pools: Pools = { persons: [], entities: [], stolen: [] };
  const start = hash32(world.seed, 'case-subjects') % world.personCount;
  const stride = world.personCount % 104_729 === 0 ? 1 : 104_729;
  const scan = Math.min(world.personCount, 6_000);
  for (let k = 0; k < scan && (pools.persons.length < 150 || pools.stolen.length < 6); k++) {
    const p = world.personAt((start + k * stride) % world.personCount);
    if (p.deathDate || exclude.has(p.iin) || Number(p.birthDate.slice(0, 4)) > 2006) continue;
    const vehicles = world.vehiclesOf({ iin: p.iin });
    const stolen = vehicles.find((v) => v.stolen);
    if (stolen && pools.stolen.length < 6) pools.stolen.push({ iin: p.iin, make: stolen.make, model: stolen.model, plate: stolen.plate });
    if (pools.persons.length < 150 && (vehicles.length || world.realEstateOf({ iin: p.iin }).length)) pools.persons.push(p.iin);
  }
  for (let e = 0; e < world.legalEntityCount && pools.entities.length < 60; e++) {
    const le = world.legalEntityAt((e * 7 + 3) % world.legalEntityCount);
    if (le.status === 'ACTIVE' && (le.legalForm === 'LLP' || le.legalForm === 'JSC')) pools.entities.push({ bin: le.bin, directorIin: le.directorIin });
  }
  // A tiny world (tests) may offer no candidate: fall back to its first person and company.
  if (!pools.persons.length) pools.persons.push(world.personAt(0).iin);
  if (!pools.entities.length) {
    const le = world.legalEntityAt(0);
    pools.entities.push({ bin: le.bin, directorIin: le.directorIin });
  }
  return pools;
}

function orgCode(organisation: string): string {
  return String(1000 + (hash32('org', organisation) % 9000));
}

class Builder {
  readonly cases: CaseRecord[] = [];
  readonly instructions: InstructionRecord[] = [];
  #serial = 0;
  readonly #world: World;
  readonly #pools: Pools;
  constructor(world: World, pools: Pools) {
    this.#world = world;
    this.#pools = pools;
  }

  #next(): number {
    return ++this.#serial;
  }

  number(basis: BasisCode, user: DemoUser, year: number): string {
    const yy = String(year % 100).padStart(2, '0');
    const seq = this.#next();
    const org = orgCode(user.organisation);
    switch (basis) {
      case 'CRIMINAL':
        return `${yy}${org}${String(31 + (seq % 7)).padStart(3, '0')}${String(seq).padStart(6, '0')}`;
      case 'ADMIN_OFFENCE':
        return `${yy}${org}${String(seq).padStart(6, '0')}`;
      case 'SEARCH':
        return `${yy}${org}${String(seq).padStart(4, '0')}`;
      case 'ENFORCEMENT':
        return `${REGIONS[seq % REGIONS.length]!.code}-${year}-${String(seq).padStart(6, '0')}`;
      case 'ADMIN_COURT':
        return `${COURTS.ADMIN_COURT[0]}-${year}-01-3/${seq}`;
      case 'CIVIL':
        return `${COURTS.CIVIL[0]}-${year}-02-2/${seq}`;
    }
  }

  person(r: ReturnType<typeof rng>): string {
    return r.pick(this.#pools.persons);
  }

  add(user: DemoUser, basis: BasisCode, status: CaseStatus, variant: 'economic' | 'general'): CaseRecord {
    const r = rng(this.#world.seed, 'case', user.login, basis, status, variant);
    const opened = status === 'OPEN' ? REFERENCE_DAY - r.int(10, 300) : REFERENCE_DAY - r.int(400, 900);
    const year = Number(dayToIso(opened).slice(0, 4));
    const assigned = [user.login];
    const withOther = (login: string) => {
      if (!assigned.includes(login)) assigned.push(login);
    };
    let subjects: CaseSubject[] = [{ iin: this.person(r) }];
    let title: string;
    let articles: string[] | undefined;
    let organisation = user.organisation;
    switch (basis) {
      case 'CRIMINAL': {
        const pool = variant === 'economic' ? ECONOMIC_ARTICLES : user.role === 5 || user.role === 10 ? CORRUPTION_ARTICLES : GENERAL_ARTICLES;
        const [article, what] = r.pick(pool);
        articles = [article];
        title = `По факту ${what} (ст. ${article} УК РК)`;
        if (variant === 'economic') {
          const company = r.pick(this.#pools.entities);
          subjects = [{ bin: company.bin }, { iin: company.directorIin }];
        } else if (r.chance(0.5)) subjects.push({ iin: this.person(r) });
        // The supervising prosecutor has every criminal case in hand, the judge's ones in court too.
        if (user.role !== 1) withOther(SUPERVISING_PROSECUTOR);
        break;
      }
      case 'ADMIN_OFFENCE':
        title = r.pick(ADMIN_OFFENCES);
        break;
      case 'ADMIN_COURT':
      case 'CIVIL': {
        title = r.pick(basis === 'CIVIL' ? CIVIL_TITLES : ADMIN_COURT_TITLES);
        if (r.chance(0.5)) subjects.push(r.chance(0.5) ? { bin: r.pick(this.#pools.entities).bin } : { iin: this.person(r) });
        if (user.role !== 2) withOther(JUDGE);
        organisation = COURTS[basis][1];
        break;
      }
      case 'ENFORCEMENT': {
        title = r.pick(ENFORCEMENT_TITLES);
        if (r.chance(0.3)) subjects = [{ bin: r.pick(this.#pools.entities).bin }];
        if (user.role !== 16) withOther(BAILIFF);
        organisation = 'Департамент юстиции города Алматы, отдел исполнительного производства';
        break;
      }
      case 'SEARCH': {
        const stolen = this.#pools.stolen.length && r.chance(0.5) ? r.pick(this.#pools.stolen) : undefined;
        if (stolen) {
          title = `Розыск похищенного автотранспортного средства ${stolen.make} ${stolen.model}, г/н ${stolen.plate}`;
          subjects = [{ iin: stolen.iin }];
        } else title = r.pick(SEARCH_TITLES);
        break;
      }
    }
    const record: CaseRecord = {
      number: this.number(basis, user, year),
      basis,
      status,
      assigned,
      organisation,
      openedOn: dayToIso(opened),
      subjects,
      title,
    };
    if (articles) record.articles = articles;
    if (status === 'CLOSED') record.closedOn = dayToIso(REFERENCE_DAY - r.int(30, 300));
    this.cases.push(record);
    return record;
  }

  instruct(from: string, to: string, on: CaseRecord, status: InstructionStatus = 'OPEN'): void {
    const r = rng(this.#world.seed, 'instruction', from, to, on.number);
    const issued = Math.max(isoToDay(on.openedOn) + 1, REFERENCE_DAY - r.int(1, 60));
    this.instructions.push({
      caseNumber: on.number,
      outgoingNumber: `${10 + (hash32('dept', from) % 90)}-${String(this.#next()).padStart(4, '0')}/${dayToIso(issued).slice(2, 4)}`,
      from,
      to,
      issuedOn: dayToIso(issued),
      status,
    });
  }
}

function build(world: World): CaseRegistries {
  const users = demoUsers(world);
  const roles = policy().roles;
  const b = new Builder(world, subjectPools(world, new Set(users.map((u) => u.iin))));
  const openCriminal = new Map<string, CaseRecord>();
  for (const user of users) {
    for (const basis of BASIS_CODES) {
      if (!roles.get(user.role)?.bases.includes(basis)) continue;
      if (basis === 'CRIMINAL') {
        b.add(user, basis, 'OPEN', 'economic');
        openCriminal.set(user.login, b.add(user, basis, 'OPEN', 'general'));
      } else b.add(user, basis, 'OPEN', 'general');
      b.add(user, basis, 'CLOSED', 'general');
    }
  }
  // Instructions (p.22): to an operative and an inquiry officer on the investigator's case, between investigators
  // of different bodies, and the prosecutor's instruction on a case heard in court.
  const on = (login: string) => openCriminal.get(login)!;
  b.instruct('investigator.police', 'criminalpolice.almaty', on('investigator.police'));
  b.instruct('investigator.police', 'inquiry.police', on('investigator.police'), 'EXECUTED');
  b.instruct('investigator.knb', 'investigator.police', on('investigator.knb'));
  b.instruct('investigator.police', 'investigator.anticor', on('investigator.police'));
  b.instruct('investigator.anticor', 'investigator.afm', on('investigator.anticor'));
  b.instruct('investigator.afm', 'investigator.knb', on('investigator.afm'));
  b.instruct(SUPERVISING_PROSECUTOR, 'investigator.police2', on(JUDGE));
  b.instruct('investigator.police2', 'criminalpolice.almaty', on('investigator.police2'));

  const byKey = new Map(b.cases.map((c) => [`${c.basis}:${c.number}`, c]));
  const byInstruction = new Map(b.instructions.map((i) => [i.outgoingNumber, i]));
  return {
    cases: b.cases,
    instructions: b.instructions,
    findCase: (basis, number) => byKey.get(`${basis}:${number}`),
    casesOfUser: (login) => b.cases.filter((c) => c.assigned.includes(login)),
    findInstruction(caseNumber, outgoingNumber) {
      const found = byInstruction.get(outgoingNumber);
      return found?.caseNumber === caseNumber ? found : undefined;
    },
    instructionByNumber: (outgoingNumber) => byInstruction.get(outgoingNumber),
    instructionsTo: (login) => b.instructions.filter((i) => i.to === login),
  };
}

const registries = new WeakMap<World, CaseRegistries>();

/** The case registries of this world, built once. */
export function createRegistries(world: World): CaseRegistries {
  let r = registries.get(world);
  if (!r) registries.set(world, (r = build(world)));
  return r;
}
