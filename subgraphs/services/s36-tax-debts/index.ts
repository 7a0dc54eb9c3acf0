import type { Address, OwnerKey, Random, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { openProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { addDays, dateWithin, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';

/** Budget classification codes (KBK) and names of the taxes individuals and legal entities owe most often. */
const PERSON_TAXES = [
  ['104402', 'Tax on vehicles of individuals'],
  ['104102', 'Property tax of individuals'],
  ['104302', 'Land tax of individuals'],
  ['101202', 'Individual income tax not withheld at source'],
] as const;
const COMPANY_TAXES = [
  ['101110', 'Corporate income tax'],
  ['105101', 'Value added tax on goods, works and services produced in Kazakhstan'],
  ['103101', 'Social tax'],
  ['101201', 'Individual income tax withheld at source'],
  ['104401', 'Tax on vehicles of legal entities'],
  ['104101', 'Property tax of legal entities'],
] as const;

/** Debt statements are formed as of the first working day of the month. */
const STATEMENT_DATE = '2026-11-01';

function statement(
  r: Random,
  world: World,
  address: Address,
  taxes: ReadonlyArray<readonly [string, string]>,
  scale: number,
  since: string,
  until: string,
  business: boolean,
  pursued: boolean,
) {
  const office = taxOfficeOf(world, address);
  const items: Array<{
    budgetCode: string;
    taxName: string;
    taxOfficeCode: string;
    principalKzt: number;
    penaltyKzt: number;
    fineKzt: number;
    arisenOn: string;
  }> = [];
  const chosen = new Set<string>();
  for (let n = r.int(1, Math.min(3, taxes.length)); n > 0; n--) {
    const [budgetCode, taxName] = r.pick(taxes);
    if (chosen.has(budgetCode)) continue;
    chosen.add(budgetCode);
    const principalKzt = Math.round(r.int(3, 400) * scale) * 100;
    const arisenOn = dateWithin(r, since, addDays(until, -60));
    // Penalties accrue at 1.25 x the base rate per day of delay: roughly 15-25% a year.
    const years = (Date.parse(STATEMENT_DATE) - Date.parse(arisenOn)) / (365 * 86_400_000);
    const penaltyKzt = Math.round(principalKzt * Math.min(1, 0.2 * years));
    const fineKzt = business && r.chance(0.3) ? Math.round(principalKzt * 0.2) : 0;
    items.push({ budgetCode, taxName, taxOfficeCode: office.code, principalKzt, penaltyKzt, fineKzt, arisenOn });
  }
  const sum = (key: 'principalKzt' | 'penaltyKzt' | 'fineKzt') => items.reduce((total, item) => total + item[key], 0);
  const totalKzt = sum('principalKzt') + sum('penaltyKzt') + sum('fineKzt');
  return {
    taxDebt: {
      calculatedOn: STATEMENT_DATE,
      totalKzt,
      principalKzt: sum('principalKzt'),
      penaltyKzt: sum('penaltyKzt'),
      fineKzt: sum('fineKzt'),
      // Debit operations on accounts are suspended for business debtors after the notification goes unanswered.
      bankAccountsSuspended: business && (pursued || (totalKzt > 150_000 && r.chance(0.6))),
      // Enforcement (service 18) starts only after the notification went unanswered.
      notificationSentOn: pursued || r.chance(0.8) ? dateWithin(r, items[0]!.arisenOn, RECORDS_UNTIL) : null,
      items: items.sort((a, b) => b.principalKzt - a.principalKzt),
    },
  };
}

function personDebt(iin: string, world: World) {
  const person = world.person(iin);
  if (!person || person.birthDate > '2008-11-01') return null;
  const r = world.rng('s36', iin);
  const owners = world.vehiclesOf({ iin }).length + world.realEstateOf({ iin }).length > 0;
  const pursued = isPursuedForTaxes({ iin }, world);
  if (!r.chance(owners ? 0.15 : 0.04) && !pursued) return null;
  return statement(r, world, person.address, PERSON_TAXES, 1, sinceLimitation(person.birthDate), person.deathDate ?? RECORDS_UNTIL, false, pursued);
}

function legalEntityDebt(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  if (!entity) return null;
  const r = world.rng('s36', bin);
  const pursued = isPursuedForTaxes({ bin }, world);
  if (!r.chance(entity.status === 'ACTIVE' ? 0.18 : 0.45) && !pursued) return null;
  return statement(r, world, entity.address, COMPANY_TAXES, r.pick([5, 20, 100]), sinceLimitation(entity.registeredOn), RECORDS_UNTIL, true, pursued);
}

/** A taxpayer against whom bailiffs collect tax arrears (service 18) still owes them. */
function isPursuedForTaxes(owner: OwnerKey, world: World): boolean {
  return openProceedingsOf(owner, world).some((p) => p.subject === 'TAX_ARREARS');
}

/** Debts older than the limitation period (5 years) are written off, so statements hold recent ones. */
function sinceLimitation(date: string): string {
  return date > '2021-01-01' ? date : '2021-01-01';
}

export default defineService({
  number: 36,
  typeDefs: /* GraphQL */ `
    "Debt on one tax (budget classification code), as of the statement date."
    type TaxDebtItem {
      "Budget classification code (KBK) of the tax."
      budgetCode: String!
      "Name of the tax or payment."
      taxName: String!
      "Code of the State Revenue office administering the debt."
      taxOfficeCode: String!
      "Unpaid tax, KZT."
      principalKzt: Float!
      "Accrued penalty (late-payment interest), KZT."
      penaltyKzt: Float!
      "Unpaid administrative fines, KZT."
      fineKzt: Float!
      "Date the debt arose (payment deadline missed)."
      arisenOn: Date!
    }

    "A taxpayer's debt to the budget, as the State Revenue Committee calculates it."
    type TaxDebtStatement {
      "Date the debt is calculated as of."
      calculatedOn: Date!
      "Total debt, KZT."
      totalKzt: Float!
      "Unpaid taxes, KZT."
      principalKzt: Float!
      "Accrued penalties, KZT."
      penaltyKzt: Float!
      "Unpaid fines, KZT."
      fineKzt: Float!
      "Debit operations on the taxpayer's bank accounts are suspended for the debt."
      bankAccountsSuspended: Boolean!
      "Date the notification of the debt was delivered."
      notificationSentOn: Date
      "Debt per tax, largest first."
      items: [TaxDebtItem!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Tax debt (service 36); null when the person owes nothing."
      taxDebt: TaxDebtStatement
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Tax debt (service 36); null when the entity owes nothing."
      taxDebt: TaxDebtStatement
    }
  `,
  mock: { entities: { Person: personDebt, LegalEntity: legalEntityDebt } },
  example: { entity: 'Person', selection: 'taxDebt { calculatedOn totalKzt items { budgetCode taxName principalKzt penaltyKzt } }' },
});
