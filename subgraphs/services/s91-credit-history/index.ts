import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { later, RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const CREDITORS = [
  'Halyk Bank of Kazakhstan JSC',
  'Kaspi Bank JSC',
  'ForteBank JSC',
  'Bank CenterCredit JSC',
  'Home Credit Bank JSC',
  'Otbasy Bank JSC',
  'KMF Microfinance Organisation LLP',
  'Freedom Finance Credit LLP',
];
const PERSON_KINDS: Array<[kind: string, minKzt: number, maxKzt: number, months: number[]]> = [
  ['CONSUMER_LOAN', 200, 5_000, [12, 24, 36, 60]],
  ['CREDIT_CARD', 100, 2_000, [36]],
  ['CAR_LOAN', 3_000, 25_000, [36, 60, 84]],
  ['MORTGAGE', 10_000, 60_000, [120, 180, 240]],
  ['MICROLOAN', 30, 500, [1, 3, 6, 12]],
  ['INSTALMENT', 50, 1_500, [3, 6, 12, 24]],
];
const BUSINESS_KINDS: Array<[kind: string, minKzt: number, maxKzt: number, months: number[]]> = [
  ['BUSINESS_LOAN', 20_000, 900_000, [12, 36, 60]],
  ['CREDIT_LINE', 10_000, 500_000, [12, 24]],
  ['LEASING', 15_000, 300_000, [36, 60]],
];

function history(world: World, key: string) {
  const person = world.person(key);
  const entity = person ? undefined : world.legalEntity(key);
  const window = person ? recordSpan(person, 18) : entity ? { from: later(entity.registeredOn, '2004-01-01'), to: RECORDS_UNTIL } : null;
  if (!window || window.from > window.to) return null;
  const rng = world.rng('s91', key);
  if (!rng.chance(person ? 0.6 : 0.4)) return null;
  const kinds = person ? PERSON_KINDS : BUSINESS_KINDS;
  const contracts = Array.from({ length: rng.int(1, person ? 6 : 4) }, () => {
    const [kind, minK, maxK, terms] = rng.pick(kinds);
    const issuedOn = rng.date(later(window.from, '2004-01-01') <= window.to ? later(window.from, '2004-01-01') : window.from, window.to);
    const termMonths = rng.pick(terms);
    const maturityOn = shiftDate(issuedOn, { months: termMonths });
    const principalKzt = rng.int(minK, maxK) * 1000;
    const matured = maturityOn < RECORDS_UNTIL;
    const trouble = rng.chance(0.12);
    const elapsed = Math.min(1, (Date.parse(RECORDS_UNTIL) - Date.parse(issuedOn)) / (Date.parse(maturityOn) - Date.parse(issuedOn)));
    const outstandingKzt = matured && !trouble ? 0 : Math.round(principalKzt * (1 - elapsed * (trouble ? 0.5 : 0.95)));
    const daysOverdue = trouble ? rng.pick([15, 45, 75, 120, 365, 900]) : 0;
    const status = trouble ? (daysOverdue > 360 && rng.chance(0.3) ? 'WRITTEN_OFF' : 'OVERDUE') : matured ? 'REPAID' : 'ACTIVE';
    return {
      contractNumber: `${rng.digits(3)}-${issuedOn.slice(0, 4)}-${rng.digits(6)}`,
      creditorName: rng.pick(CREDITORS),
      kind,
      role: rng.chance(0.9) ? 'BORROWER' : rng.pick(['CO_BORROWER', 'GUARANTOR'] as const),
      issuedOn,
      maturityOn,
      principalKzt,
      outstandingKzt: status === 'REPAID' ? 0 : outstandingKzt,
      overdueKzt: trouble ? Math.round(outstandingKzt * Math.min(1, daysOverdue / 365)) : 0,
      daysOverdue,
      status,
      collateral:
        kind === 'MORTGAGE'
          ? 'Apartment (mortgage)'
          : kind === 'CAR_LOAN' || kind === 'LEASING'
            ? 'Vehicle'
            : kind === 'BUSINESS_LOAN'
              ? 'Real estate and equipment'
              : null,
    };
  });
  const live = contracts.filter((c) => c.status !== 'REPAID');
  return {
    reportedOn: RECORDS_UNTIL,
    score: person ? rng.int(300, 850) : null,
    contractsTotal: contracts.length,
    activeContracts: live.length,
    overdueContracts: contracts.filter((c) => c.daysOverdue > 0).length,
    totalOutstandingKzt: live.reduce((sum, c) => sum + c.outstandingKzt, 0),
    worstDaysOverdue: Math.max(0, ...contracts.map((c) => c.daysOverdue)),
    contracts: contracts.sort((a, b) => (a.issuedOn < b.issuedOn ? 1 : -1)),
  };
}

export default defineService({
  number: 91,
  typeDefs: /* GraphQL */ `
    "Kind of a credit product."
    enum CreditProductKind {
      CONSUMER_LOAN
      CREDIT_CARD
      CAR_LOAN
      MORTGAGE
      MICROLOAN
      "Instalment plan (goods bought in instalments)."
      INSTALMENT
      BUSINESS_LOAN
      CREDIT_LINE
      LEASING
    }

    "The subject's role in a credit contract."
    enum CreditSubjectRole {
      BORROWER
      CO_BORROWER
      GUARANTOR
    }

    "State of a credit contract."
    enum CreditContractStatus {
      ACTIVE
      OVERDUE
      REPAID
      "Written off the creditor's balance as bad debt."
      WRITTEN_OFF
    }

    "A credit contract as reported to the credit bureau by the creditor."
    type CreditContract {
      "Contract number."
      contractNumber: String!
      "Name of the creditor (bank, microfinance organisation)."
      creditorName: String!
      kind: CreditProductKind!
      role: CreditSubjectRole!
      "Date the credit was issued."
      issuedOn: Date!
      "Date of final repayment under the contract."
      maturityOn: Date!
      "Amount of the credit, KZT."
      principalKzt: Float!
      "Outstanding debt, KZT."
      outstandingKzt: Float!
      "Overdue debt, KZT."
      overdueKzt: Float!
      "Current days past due."
      daysOverdue: Int!
      status: CreditContractStatus!
      "Collateral, where the credit is secured."
      collateral: String
    }

    "The credit report of the First Credit Bureau on a subject."
    type CreditHistoryReport {
      "Date the report reflects."
      reportedOn: Date!
      "Behavioural credit score (300-850), for natural persons."
      score: Int
      "Number of contracts in the history."
      contractsTotal: Int!
      "Contracts not yet repaid."
      activeContracts: Int!
      "Contracts with debt past due."
      overdueContracts: Int!
      "Outstanding debt on all contracts not repaid, KZT."
      totalOutstandingKzt: Float!
      "Worst current days past due over all contracts."
      worstDaysOverdue: Int!
      "Contracts, newest first."
      contracts: [CreditContract!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "The person's credit history at the First Credit Bureau (service 91)."
      creditHistory: CreditHistoryReport
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "The entity's credit history at the First Credit Bureau (service 91)."
      creditHistory: CreditHistoryReport
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const report = history(world, iin);
        return report ? { creditHistory: report } : null;
      },
      LegalEntity: (bin, world) => {
        const report = history(world, bin);
        return report ? { creditHistory: report } : null;
      },
    },
  },
  example: {
    entity: 'Person',
    selection:
      'creditHistory { score contractsTotal activeContracts totalOutstandingKzt worstDaysOverdue contracts { creditorName kind issuedOn principalKzt outstandingKzt status } }',
  },
});
