/**
 * Demo users: at least one per role of Appendix 1, in realistic Kazakh bodies, plus accounts in the states the
 * gateway must refuse (blocked, suspended, agreement not accepted, EDS without a second factor), an internal-security
 * officer and a supervisor with access to Reports (p.10). Each user is also a person of the population (their own
 * IIN), so a lookup of oneself can be noticed.
 */
import { policy } from '@negiz/schema';
import type { World } from './model.ts';
import { hash32 } from './random.ts';

export type UserStatus = 'ACTIVE' | 'BLOCKED' | 'SUSPENDED' | 'AGREEMENT_NOT_ACCEPTED';
/** Authentication factors enrolled for the user (p.2, p.18): the EDS plus biometrics or an SMS code. */
export type MfaFactor = 'EDS' | 'FINGERPRINT' | 'FACE' | 'SMS';
export type Grant = 'INTERNAL_SECURITY' | { kind: 'REPORTS'; /** The reasoned letter the operator granted Reports on (p.10). */ letter: string };

export interface DemoUser {
  login: string;
  fullName: string;
  /** Row of Appendix 1. */
  role: number;
  roleName: string;
  organisation: string;
  position: string;
  status: UserStatus;
  mfa: MfaFactor[];
  grants: Grant[];
  /** The user as a person of the population. */
  iin: string;
  /** Registered for SMS codes. */
  phone: string;
  /** Login of the head who reviews this user's requests (p.10). */
  supervisor?: string;
  /** Why the account exists, for the ones made for tests. */
  note?: string;
}

interface UserSpec {
  login: string;
  role: number;
  organisation: string;
  position: string;
  status?: UserStatus;
  mfa?: MfaFactor[];
  grants?: Grant[];
  supervisor?: string;
  note?: string;
}

const GP = 'Генеральная прокуратура Республики Казахстан';
const ALMATY_POLICE = 'Департамент полиции города Алматы МВД Республики Казахстан';
const KNB = 'Комитет национальной безопасности Республики Казахстан';
const ANTICOR = 'Агентство Республики Казахстан по противодействию коррупции (Антикоррупционная служба)';
const AFM = 'Агентство Республики Казахстан по финансовому мониторингу';
const SGO = 'Служба государственной охраны Республики Казахстан';

const SPECS: readonly UserSpec[] = [
  {
    login: 'prosecutor.almaty',
    role: 1,
    organisation: 'Прокуратура города Алматы',
    position: 'Прокурор отдела надзора за законностью досудебного расследования',
  },
  { login: 'judge.almaty', role: 2, organisation: 'Специализированный межрайонный суд по уголовным делам города Алматы', position: 'Судья' },
  {
    login: 'investigator.police',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Старший следователь',
    supervisor: 'supervisor.police',
  },
  {
    login: 'investigator.police2',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Следователь',
    supervisor: 'supervisor.police',
    note: "a colleague: their cases are not investigator.police's",
  },
  {
    login: 'investigator.knb',
    role: 4,
    organisation: `${KNB}, Департамент по городу Астане, следственный отдел`,
    position: 'Следователь по особо важным делам',
  },
  { login: 'investigator.anticor', role: 5, organisation: `${ANTICOR}, Департамент по городу Астане`, position: 'Старший следователь' },
  { login: 'investigator.afm', role: 6, organisation: `${AFM}, Департамент экономических расследований по городу Алматы`, position: 'Следователь' },
  { login: 'inquiry.police', role: 7, organisation: 'Управление полиции Алмалинского района ДП города Алматы, отдел дознания', position: 'Дознаватель' },
  { login: 'inquiry.knb', role: 8, organisation: `${KNB}, Департамент по Карагандинской области`, position: 'Дознаватель' },
  { login: 'inquiry.sgo', role: 9, organisation: SGO, position: 'Дознаватель' },
  { login: 'officer.anticor', role: 10, organisation: `${ANTICOR}, Департамент по Алматинской области`, position: 'Оперуполномоченный' },
  { login: 'officer.afm', role: 11, organisation: `${AFM}, Департамент по городу Шымкенту`, position: 'Старший оперуполномоченный' },
  {
    login: 'militarypolice.mod',
    role: 12,
    organisation: 'Главное управление военной полиции Вооруженных Сил Министерства обороны Республики Казахстан',
    position: 'Старший офицер',
  },
  {
    login: 'penal.kuis',
    role: 13,
    organisation: 'Комитет уголовно-исполнительной системы МВД Республики Казахстан, Департамент по Карагандинской области',
    position: 'Старший инспектор',
  },
  {
    login: 'officer.mchs',
    role: 14,
    organisation: 'Министерство по чрезвычайным ситуациям Республики Казахстан, Департамент по ЧС города Алматы',
    position: 'Старший инспектор государственного пожарного контроля',
  },
  { login: 'officer.knb', role: 15, organisation: `${KNB}, Департамент по Восточно-Казахстанской области`, position: 'Оперуполномоченный' },
  {
    login: 'internal.security',
    role: 15,
    organisation: `${KNB}, Служба собственной безопасности`,
    position: 'Старший офицер службы собственной безопасности',
    grants: ['INTERNAL_SECURITY'],
    note: 'may ask the journal who looked at a person (checks of employees with access to personal data)',
  },
  {
    login: 'bailiff.almaty',
    role: 16,
    organisation: 'Департамент юстиции города Алматы, отдел исполнительного производства',
    position: 'Государственный судебный исполнитель',
  },
  { login: 'officer.sgo', role: 17, organisation: SGO, position: 'Старший офицер' },
  { login: 'adminpolice.almaty', role: 18, organisation: `${ALMATY_POLICE}, Управление административной полиции`, position: 'Инспектор' },
  { login: 'criminalpolice.almaty', role: 19, organisation: `${ALMATY_POLICE}, Управление криминальной полиции`, position: 'Оперуполномоченный' },
  {
    login: 'hr.police',
    role: 20,
    organisation: `${ALMATY_POLICE}, Управление кадровой работы`,
    position: 'Старший инспектор по кадрам',
    note: 'no basis at all: manages accounts, may not query data',
  },
  { login: 'duty.almaty', role: 21, organisation: `${ALMATY_POLICE}, Дежурная часть`, position: 'Оперативный дежурный' },
  {
    login: 'supervisor.police',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Начальник следственного управления',
    grants: [{ kind: 'REPORTS', letter: 'Письмо заместителя начальника ДП г. Алматы № 3-12/4587 от 15.09.2026 о предоставлении доступа к функции «Отчеты»' }],
    note: 'reviews the requests of the investigators of the unit (Reports, p.10)',
  },
  { login: 'prosecutor.gp', role: 1, organisation: `${GP}, Комитет по правовой статистике и специальным учетам`, position: 'Старший прокурор' },
  {
    login: 'investigator.blocked',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Следователь',
    status: 'BLOCKED',
    note: 'dismissed: account blocked (p.14, p.15)',
  },
  {
    login: 'investigator.suspended',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Следователь',
    status: 'SUSPENDED',
    note: 'suspended from duty (p.15)',
  },
  {
    login: 'investigator.new',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Следователь',
    status: 'AGREEMENT_NOT_ACCEPTED',
    note: 'has not signed the user agreement (Appendix 6)',
  },
  {
    login: 'investigator.edsonly',
    role: 3,
    organisation: `${ALMATY_POLICE}, Следственное управление`,
    position: 'Следователь',
    mfa: ['EDS'],
    note: 'no second factor enrolled: tokens without MFA must be refused (p.2, p.18)',
  },
];

const SECOND_FACTORS: readonly MfaFactor[] = ['SMS', 'FACE', 'FINGERPRINT'];

/** Persons of working age, alive, citizens: the ones that may be officials. */
function officialIndices(world: World, count: number): number[] {
  const out: number[] = [];
  const start = hash32(world.seed, 'officials') % world.personCount;
  const stride = world.personCount % 7919 === 0 ? 1 : 7919;
  for (let k = 0; out.length < count && k < world.personCount; k++) {
    const index = (start + k * stride) % world.personCount;
    const p = world.personAt(index);
    const age = 2026 - Number(p.birthDate.slice(0, 4));
    if (!p.deathDate && p.citizenship === 'KAZ' && age >= 25 && age <= 58 && p.mobilePhone && !out.includes(index)) out.push(index);
  }
  // A tiny world (tests) may have too few officials: users then share persons.
  if (!out.length) out.push(0);
  return out;
}

const cache = new WeakMap<World, DemoUser[]>();

/** The demo users of this world (their IINs and names come from its population). */
export function demoUsers(world: World): readonly DemoUser[] {
  const hit = cache.get(world);
  if (hit) return hit;
  const roles = policy().roles;
  const persons = officialIndices(world, SPECS.length);
  const users = SPECS.map((spec, i): DemoUser => {
    const p = world.personAt(persons[i % persons.length]!);
    const user: DemoUser = {
      login: spec.login,
      fullName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' '),
      role: spec.role,
      roleName: roles.get(spec.role)?.name.en ?? `role ${spec.role}`,
      organisation: spec.organisation,
      position: spec.position,
      status: spec.status ?? 'ACTIVE',
      mfa: spec.mfa ?? ['EDS', SECOND_FACTORS[i % SECOND_FACTORS.length]!],
      grants: spec.grants ?? [],
      iin: p.iin,
      phone: p.mobilePhone ?? '+7 701 000 00 00',
    };
    if (spec.supervisor) user.supervisor = spec.supervisor;
    if (spec.note) user.note = spec.note;
    return user;
  });
  cache.set(world, users);
  return users;
}

export function demoUser(world: World, login: string): DemoUser | undefined {
  return demoUsers(world).find((u) => u.login === login);
}
