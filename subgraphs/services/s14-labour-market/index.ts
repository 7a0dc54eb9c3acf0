import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, ageOn, dateWithin, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';

const POSITIONS = [
  { title: 'Accountant', code: '2411' },
  { title: 'Sales manager', code: '3322' },
  { title: 'Driver', code: '8322' },
  { title: 'Teacher', code: '2330' },
  { title: 'Nurse', code: '2221' },
  { title: 'Engineer', code: '2144' },
  { title: 'Shop assistant', code: '5223' },
  { title: 'Security guard', code: '5414' },
  { title: 'Electrician', code: '7411' },
  { title: 'Software developer', code: '2512' },
  { title: 'Lawyer', code: '2611' },
  { title: 'Cook', code: '5120' },
  { title: 'Welder', code: '7212' },
  { title: 'Economist', code: '2631' },
  { title: 'Cashier', code: '4211' },
] as const;

const TERMINATION = ['AGREEMENT_OF_PARTIES', 'EMPLOYEE_INITIATIVE', 'EMPLOYEE_INITIATIVE', 'EMPLOYER_INITIATIVE', 'CONTRACT_EXPIRY'] as const;

export interface EmploymentContractRow {
  contractNumber: string;
  employerBin: string;
  employer: { bin: string };
  position: string;
  occupationCode: string;
  contractKind: 'INDEFINITE' | 'FIXED_TERM' | 'SEASONAL';
  workingTime: 'FULL_TIME' | 'PART_TIME';
  startedOn: string;
  endedOn: string | null;
  terminationGround: (typeof TERMINATION)[number] | null;
  workplaceRegion: string;
  monthlySalaryKzt: number;
}

/** Wages follow the price level: a salary of `thousands` at 2026 levels, as of the contract's last day. */
function salary(thousands: number, lastDay: string | null): number {
  return Math.round((thousands * monthlyIndexOn(lastDay ?? RECORDS_UNTIL)) / monthlyIndexOn(RECORDS_UNTIL)) * 1000;
}

/**
 * The person's employment contracts, oldest first (pure): service 11 reads it too, so pension contributions come
 * from the employers and salaries registered here.
 */
export function employmentContracts(iin: string, world: World): EmploymentContractRow[] {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  if (!person || !span) return [];
  const r = world.rng('s14', iin);
  const directorOf = world.companiesOf(iin).find((c) => c.role === 'DIRECTOR');
  if (!directorOf && !r.chance(0.65)) return [];
  // A director's contract with their company is the latest one; earlier jobs end before it starts.
  const company = directorOf && world.legalEntity(directorOf.bin);
  const directorFrom = company ? dateWithin(r, later(span.from, company.registeredOn), span.to) : undefined;
  const until = directorFrom ? addDays(directorFrom, -1) : span.to;
  const contracts: EmploymentContractRow[] = [];
  let start = dateWithin(r, span.from, until);
  for (let k = r.int(1, 4); k > 0 && start <= until && ageOn(person, start) < 63; k--) {
    const employer = world.legalEntityAt(r.int(0, world.legalEntityCount - 1));
    const startedOn = later(start, employer.registeredOn);
    if (startedOn > until) break;
    let endedOn: string | null = k > 1 || r.chance(0.25) ? addDays(startedOn, r.int(180, 2900)) : null;
    if (directorFrom && (endedOn === null || endedOn > until)) endedOn = until;
    const finished = endedOn !== null && endedOn <= span.to;
    const position = r.pick(POSITIONS);
    const kind = r.chance(0.75) ? 'INDEFINITE' : r.chance(0.8) ? 'FIXED_TERM' : 'SEASONAL';
    contracts.push({
      contractNumber: `${startedOn.slice(0, 4)}/${r.digits(6)}`,
      employerBin: employer.bin,
      employer: { bin: employer.bin },
      position: position.title,
      occupationCode: position.code,
      contractKind: kind,
      workingTime: r.chance(0.88) ? 'FULL_TIME' : 'PART_TIME',
      startedOn,
      endedOn: finished ? endedOn : null,
      terminationGround: finished ? (kind === 'INDEFINITE' ? r.pick(TERMINATION.slice(0, 4)) : 'CONTRACT_EXPIRY') : null,
      workplaceRegion: r.chance(0.8) ? person.address.region : employer.address.region,
      monthlySalaryKzt: salary(r.int(85, 950), finished ? endedOn : null),
    });
    if (!finished || !endedOn) break;
    start = addDays(endedOn, r.int(1, 200));
  }
  if (directorOf && company && directorFrom) {
    contracts.push({
      contractNumber: `${directorFrom.slice(0, 4)}/${r.digits(6)}`,
      employerBin: directorOf.bin,
      employer: { bin: directorOf.bin },
      position: 'Director',
      occupationCode: '1120',
      contractKind: 'FIXED_TERM',
      workingTime: 'FULL_TIME',
      startedOn: directorFrom,
      endedOn: null,
      terminationGround: null,
      workplaceRegion: company.address.region,
      monthlySalaryKzt: salary(r.int(300, 3000), null),
    });
  }
  return contracts;
}

export default defineService({
  number: 14,
  typeDefs: /* GraphQL */ `
    "Kind of employment contract under the Labour Code."
    enum EmploymentContractKind {
      "For an indefinite period."
      INDEFINITE
      "For a fixed term of at least one year."
      FIXED_TERM
      "For seasonal work."
      SEASONAL
    }

    "Working time agreed in the contract."
    enum EmploymentWorkingTime {
      FULL_TIME
      PART_TIME
    }

    "Ground on which an employment contract was terminated."
    enum EmploymentTerminationGround {
      AGREEMENT_OF_PARTIES
      EMPLOYEE_INITIATIVE
      EMPLOYER_INITIATIVE
      CONTRACT_EXPIRY
    }

    "An employment contract registered by the employer in the Unified labour market system (service 14)."
    type EmploymentContract {
      "Contract number as registered by the employer."
      contractNumber: String!
      "BIN of the employer."
      employerBin: BIN!
      "The employer."
      employer: LegalEntity!
      "Position held."
      position: String!
      "Code of the occupation in the national classifier of occupations."
      occupationCode: String!
      "Kind of contract."
      contractKind: EmploymentContractKind!
      "Working time."
      workingTime: EmploymentWorkingTime!
      "Date work started."
      startedOn: Date!
      "Date the contract ended (none while in force)."
      endedOn: Date
      "Ground of termination."
      terminationGround: EmploymentTerminationGround
      "Region of the workplace."
      workplaceRegion: String!
      "Monthly salary under the contract (current, or at termination), KZT."
      monthlySalaryKzt: Float!
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Employment contracts, newest first (service 14)."
      employmentContracts: [EmploymentContract!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const contracts = employmentContracts(iin, world);
        return contracts.length ? { employmentContracts: contracts.reverse() } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'employmentContracts { employerBin position contractKind startedOn endedOn monthlySalaryKzt }' },
});
