import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, ageOn, recordSpan } from '../_shared/record-dates.ts';
import { employmentContracts } from '../s14-labour-market/index.ts';

/** The register answers with the last 24 months of contributions. */
const MONTHS = 24;
// Contributions for a month arrive by the 25th of the next; October's are not in yet on 2026-11-01.
const LAST_MONTH = '2026-09-01';

/** Employer contributions (OPVR) were introduced in 2024 and rise by one point a year. */
const employerRate = (month: string) => (month < '2024-01-01' ? 0 : month < '2025-01-01' ? 0.015 : month < '2026-01-01' ? 0.025 : 0.035);

function monthsBack(count: number): string[] {
  const [y, m] = [Number(LAST_MONTH.slice(0, 4)), Number(LAST_MONTH.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  });
}

/** Contributions follow the employment contracts of service 14: the employer pays for the months worked. */
function contributions(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const contracts = employmentContracts(iin, world);
  if (!person || !span || !contracts.length) return null;
  const r = world.rng('s11', iin);
  const occupational = r.chance(0.08);
  const voluntary = r.chance(0.04);
  const rows: Array<Record<string, unknown>> = [];
  for (const month of monthsBack(MONTHS)) {
    const monthEnd = addDays(addDays(month, 31).slice(0, 8) + '01', -1);
    const contract = contracts.find((c) => c.startedOn <= monthEnd && (c.endedOn === null || c.endedOn >= month));
    if (!contract || month > span.to || ageOn(person, month) >= 63 || r.chance(0.03)) continue;
    const paidOn = addDays(month, 31 + r.int(0, 23));
    const salary = contract.monthlySalaryKzt;
    const pay = (kind: string, amount: number) =>
      rows.push({
        period: month,
        paidOn,
        kind,
        amount: Math.round(amount * 100) / 100,
        payerBin: contract.employerBin,
        payer: { bin: contract.employerBin },
        paymentOrderNumber: r.digits(10),
      });
    pay('MANDATORY', salary * 0.1);
    if (employerRate(month) > 0) pay('EMPLOYER_MANDATORY', salary * employerRate(month));
    if (occupational) pay('MANDATORY_OCCUPATIONAL', salary * 0.05);
    if (voluntary && r.chance(0.5)) pay('VOLUNTARY', r.int(5, 50) * 1000);
  }
  if (!rows.length) return null;
  const total = rows.reduce((sum, row) => sum + (row.amount as number), 0);
  return {
    pensionAccountOpenedOn: contracts[0]!.startedOn,
    pensionContributions: rows,
    pensionContributionsTotal: Math.round(total * 100) / 100,
  };
}

export default defineService({
  number: 11,
  typeDefs: /* GraphQL */ `
    "Kind of a pension contribution received by the Unified Accumulative Pension Fund (ENPF)."
    enum PensionContributionKind {
      "Mandatory pension contribution, 10% of income, withheld by the employer."
      MANDATORY
      "Mandatory occupational contribution (5%) paid by the employer for workers in harmful conditions."
      MANDATORY_OCCUPATIONAL
      "Mandatory employer pension contribution (OPVR), paid at the employer's expense since 2024."
      EMPLOYER_MANDATORY
      "Voluntary pension contribution."
      VOLUNTARY
    }

    "A pension contribution credited to the person's account at the Unified Accumulative Pension Fund (service 11)."
    type PensionContribution {
      "The month of income the contribution is for (first day of the month)."
      period: Date!
      "Date the payment was received by the fund."
      paidOn: Date!
      "Kind of contribution."
      kind: PensionContributionKind!
      "Amount credited, KZT. Withheld when the service is granted in truncated form (Appendix 2, footnote 1)."
      amount: Float @truncated
      "BIN of the agent (employer) that paid the contribution."
      payerBin: BIN!
      "The agent (employer) that paid the contribution."
      payer: LegalEntity!
      "Number of the payment order."
      paymentOrderNumber: String!
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Date the person's individual pension account was opened (service 11)."
      pensionAccountOpenedOn: Date
      "Pension contributions of the last 24 months, newest first (service 11)."
      pensionContributions: [PensionContribution!]!
      "Sum of the contributions listed, KZT (service 11). Withheld when the service is granted in truncated form."
      pensionContributionsTotal: Float @truncated
    }
  `,
  mock: { entities: { Person: contributions } },
  example: { entity: 'Person', selection: 'pensionContributions { period paidOn kind payerBin } pensionAccountOpenedOn' },
});
