import type { Address, IsoDate, Random, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addDays, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { entrepreneurSince } from '../s35-taxpayers/entrepreneurship.ts';
import { legalEntityVat, personVat } from '../s38-vat-payers/index.ts';

const FORMS = {
  '100.00': 'Corporate income tax declaration',
  '200.00': 'Declaration of individual income tax and social tax',
  '220.00': 'Individual income tax declaration of an entrepreneur (generally established procedure)',
  '240.00': 'Individual income tax declaration',
  '270.00': 'Declaration of income and property',
  '300.00': 'Value added tax declaration',
  '700.00': 'Declaration of land tax and property tax',
  '910.00': 'Simplified declaration for small businesses',
} as const;
type Form = keyof typeof FORMS;
type Period = { taxPeriod: string; year: number; due: IsoDate };

const YEARS = [2023, 2024, 2025];

function annual(dueMonthDay: string, yearsLater = 1): Period[] {
  return YEARS.map((year) => ({ taxPeriod: String(year), year, due: `${year + yearsLater}-${dueMonthDay}` }));
}
/** Quarterly returns are due on the 15th of the second month after the quarter. */
function quarterly(): Period[] {
  const due = ['05-15', '08-15', '11-15', '02-15'];
  return [...YEARS, 2026].flatMap((year) => [1, 2, 3, 4].map((q) => ({ taxPeriod: `${year}-Q${q}`, year, due: `${q === 4 ? year + 1 : year}-${due[q - 1]}` })));
}
function halfYearly(): Period[] {
  return [...YEARS, 2026].flatMap((year) => [
    { taxPeriod: `${year}-H1`, year, due: `${year}-08-15` },
    { taxPeriod: `${year}-H2`, year, due: `${year + 1}-02-15` },
  ]);
}

function reports(r: Random, world: World, address: Address, plan: Array<[Form, Period[]]>, scale: number, since: IsoDate, until: IsoDate, closing: boolean) {
  const office = taxOfficeOf(world, address);
  const list = [];
  for (const [form, periods] of plan) {
    for (const period of periods) {
      const submittedOn = addDays(period.due, -r.int(0, 40));
      if (submittedOn > until || `${period.year}-12-31` < since) continue;
      const declaredIncomeKzt = r.int(1, 300) * 10_000 * scale;
      const rate = form === '300.00' ? 0.12 : form === '910.00' ? 0.03 : form === '100.00' ? 0.2 : 0.1;
      list.push({
        registrationNumber: `${office.code}${period.year}${r.digits(8)}`,
        formCode: form,
        formName: FORMS[form],
        taxPeriod: period.taxPeriod,
        kind: r.chance(0.05) ? 'ADDITIONAL' : 'REGULAR',
        submittedOn,
        taxOfficeCode: office.code,
        declaredIncomeKzt,
        calculatedTaxKzt: form === '270.00' || form === '700.00' ? 0 : Math.round(declaredIncomeKzt * rate),
        status: r.chance(0.03) ? 'REJECTED' : r.chance(0.02) ? 'RECALLED' : 'ACCEPTED',
      });
    }
  }
  if (closing && list.length) newestFirst(list, (x) => x.submittedOn)[0]!.kind = 'LIQUIDATION';
  return list.length ? { taxReports: newestFirst(list, (x) => x.submittedOn) } : null;
}

function personReports(iin: string, world: World) {
  const person = world.person(iin);
  if (!person || person.birthDate > '2007-01-01') return null;
  const r = world.rng('s39', iin);
  const plan: Array<[Form, Period[]]> = [];
  const business = entrepreneurSince(person, world);
  if (business) {
    plan.push(r.chance(0.7) ? ['910.00', halfYearly()] : ['220.00', annual('03-31')]);
    if (personVat(iin, world)?.vatRegistration.status === 'ACTIVE') plan.push(['300.00', quarterly()]);
  }
  // The universal declaration of income and property reached all adults in stages from 2021.
  if (r.chance(0.3)) plan.push(['270.00', annual('09-15').filter((p) => p.year >= 2024)]);
  if (r.chance(0.05)) plan.push(['240.00', [r.pick(annual('03-31'))]]);
  return plan.length ? reports(r, world, person.address, plan, 1, business ?? person.birthDate, person.deathDate ?? RECORDS_UNTIL, false) : null;
}

function legalEntityReports(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  if (!entity) return null;
  const r = world.rng('s39', bin);
  const small = entity.legalForm === 'SOLE_PROPRIETOR' || r.chance(0.3);
  const plan: Array<[Form, Period[]]> = small
    ? [['910.00', halfYearly()]]
    : [
        ['100.00', annual('03-31')],
        ['200.00', quarterly()],
        ['700.00', annual('03-31')],
      ];
  if (legalEntityVat(bin, world)?.vatRegistration.status === 'ACTIVE') plan.push(['300.00', quarterly()]);
  const closed = entity.status === 'LIQUIDATED';
  // A liquidated entity stops reporting: keep its returns up to 2024 and mark the last as the liquidation return.
  const periods = plan.map(([form, list]): [Form, Period[]] => [form, closed ? list.filter((p) => p.year <= 2024) : list]);
  return reports(r, world, entity.address, periods, small ? 5 : 50, entity.registeredOn, RECORDS_UNTIL, closed);
}

export default defineService({
  number: 39,
  typeDefs: /* GraphQL */ `
    "Kind of tax return."
    enum TaxReportKind {
      "The regular return for the period."
      REGULAR
      "Additional (corrective) return for a period already reported."
      ADDITIONAL
      "Liquidation return, on closure."
      LIQUIDATION
    }

    "Processing state of a tax return."
    enum TaxReportStatus {
      ACCEPTED
      "Refused by format and logical control."
      REJECTED
      "Recalled by the taxpayer."
      RECALLED
    }

    "A tax return (form) a taxpayer submitted, from the State Revenue Committee's tax reporting system (SONO)."
    type TaxReport {
      "Registration number assigned on receipt."
      registrationNumber: String!
      "Form code (e.g. 910.00, 200.00, 300.00, 270.00)."
      formCode: String!
      "Name of the form."
      formName: String!
      "Tax period: a year (2025), a half-year (2025-H1) or a quarter (2025-Q3)."
      taxPeriod: String!
      "Regular, additional or liquidation return."
      kind: TaxReportKind!
      "Date the return was received."
      submittedOn: Date!
      "Code of the State Revenue office that received it."
      taxOfficeCode: String!
      "Income (turnover) declared for the period, KZT."
      declaredIncomeKzt: Float!
      "Tax calculated in the return, KZT."
      calculatedTaxKzt: Float!
      "Processing state of the return."
      status: TaxReportStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Tax returns submitted by the person (service 39), newest first."
      taxReports: [TaxReport!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Tax returns submitted by the entity (service 39), newest first."
      taxReports: [TaxReport!]!
    }
  `,
  mock: { entities: { Person: personReports, LegalEntity: legalEntityReports } },
  example: { entity: 'LegalEntity', selection: 'taxReports { formCode formName taxPeriod submittedOn declaredIncomeKzt status }' },
});
