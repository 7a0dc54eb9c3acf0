import type { Address, Random, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { dateWithin, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';

/** Budget classification codes (KBK) with the payment purpose code (KNP) and a typical amount range, KZT. */
type Payment = readonly [budgetCode: string, name: string, purposeCode: string, min: number, max: number];
const PERSON_PAYMENTS: Payment[] = [
  ['104402', 'Tax on vehicles of individuals', '911', 3_000, 120_000],
  ['104102', 'Property tax of individuals', '911', 1_000, 60_000],
  ['104302', 'Land tax of individuals', '911', 200, 15_000],
  ['204101', 'Administrative fines imposed by the internal affairs bodies', '911', 3_932, 98_300],
  ['108106', 'State duty for the registration of vehicles', '911', 1_000, 40_000],
  ['108117', 'State duty for the issue of a passport or identity card', '911', 1_000, 8_000],
];
const COMPANY_PAYMENTS: Payment[] = [
  ['101110', 'Corporate income tax', '911', 100_000, 50_000_000],
  ['105101', 'Value added tax on goods, works and services produced in Kazakhstan', '911', 50_000, 30_000_000],
  ['103101', 'Social tax', '911', 20_000, 5_000_000],
  ['101201', 'Individual income tax withheld at source', '911', 20_000, 8_000_000],
  ['104101', 'Property tax of legal entities', '911', 10_000, 2_000_000],
  ['106101', 'Customs duties', '911', 50_000, 20_000_000],
];

function payments(r: Random, world: World, address: Address, catalogue: Payment[], count: number, from: string, to: string) {
  const office = taxOfficeOf(world, address);
  const list = Array.from({ length: count }, () => {
    const [budgetClassificationCode, budgetCodeName, paymentPurposeCode, min, max] = r.pick(catalogue);
    const paidOn = dateWithin(r, from, to);
    return {
      paymentOrderNumber: r.digits(6),
      paidOn,
      budgetClassificationCode,
      budgetCodeName,
      paymentPurposeCode,
      amountKzt: r.int(Math.ceil(min / 100), Math.floor(max / 100)) * 100,
      recipientTaxOfficeCode: office.code,
      channel: r.pick(['BANK_TRANSFER', 'ONLINE_BANKING', 'ONLINE_BANKING', 'EGOV_PORTAL', 'PAYMENT_TERMINAL'] as const),
      status: r.chance(0.02) ? 'RETURNED' : 'CREDITED',
    };
  });
  return { budgetPayments: newestFirst(list, (p) => p.paidOn) };
}

function personPayments(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const r = world.rng('s51', iin);
  if (!person || !span || span.to < '2023-11-01' || !r.chance(0.45)) return null;
  // The treasury keeps payments of the last three years online.
  return payments(r, world, person.address, PERSON_PAYMENTS, r.int(1, 8), later(span.from, '2023-11-01'), span.to);
}

function legalEntityPayments(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s51', bin);
  if (!entity || entity.status === 'LIQUIDATED' || !r.chance(0.85)) return null;
  return payments(r, world, entity.address, COMPANY_PAYMENTS, r.int(2, 12), later(entity.registeredOn, '2023-11-01'), RECORDS_UNTIL);
}

export default defineService({
  number: 51,
  typeDefs: /* GraphQL */ `
    "How the payment reached the budget."
    enum BudgetPaymentChannel {
      "Payment order through a bank."
      BANK_TRANSFER
      "Online or mobile banking."
      ONLINE_BANKING
      "Electronic government portal (egov.kz)."
      EGOV_PORTAL
      PAYMENT_TERMINAL
    }

    "Treasury state of the payment."
    enum BudgetPaymentStatus {
      "Credited to the budget."
      CREDITED
      "Returned to the payer (wrong details, overpayment refund)."
      RETURNED
    }

    "A payment to the state budget (tax, duty, fine) received by the Treasury."
    type BudgetPayment {
      "Number of the payment order or receipt."
      paymentOrderNumber: String!
      "Date of payment."
      paidOn: Date!
      "Budget classification code (KBK)."
      budgetClassificationCode: String!
      "Name of the budget revenue item."
      budgetCodeName: String!
      "Payment purpose code (KNP)."
      paymentPurposeCode: String!
      "Amount paid, KZT."
      amountKzt: Float!
      "State Revenue office administering the revenue."
      recipientTaxOfficeCode: String!
      "How the payment was made."
      channel: BudgetPaymentChannel!
      "Treasury state of the payment."
      status: BudgetPaymentStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Payments to the budget in the last three years (service 51), newest first."
      budgetPayments: [BudgetPayment!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Payments to the budget in the last three years (service 51), newest first."
      budgetPayments: [BudgetPayment!]!
    }
  `,
  mock: { entities: { Person: personPayments, LegalEntity: legalEntityPayments } },
  example: { entity: 'Person', selection: 'budgetPayments { paidOn budgetClassificationCode budgetCodeName amountKzt channel }' },
});
