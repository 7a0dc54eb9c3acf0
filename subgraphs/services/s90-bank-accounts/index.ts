import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { iban, ibanHolder } from './iban.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { later, RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const BANKS: Array<[name: string, code: string, bic: string]> = [
  ['Halyk Bank of Kazakhstan JSC', '601', 'HSBKKZKX'],
  ['Kaspi Bank JSC', '722', 'CASPKZKA'],
  ['ForteBank JSC', '996', 'IRTYKZKA'],
  ['Bank CenterCredit JSC', '856', 'KCJBKZKX'],
  ['First Heartland Jusan Bank JSC', '998', 'TSESKZKA'],
  ['Freedom Bank Kazakhstan JSC', '551', 'KSNVKZKA'],
  ['Otbasy Bank JSC', '250', 'HCSKKZKA'],
  ['Home Credit Bank JSC', '886', 'INLMKZKA'],
  ['Eurasian Bank JSC', '948', 'EURIKZKA'],
];
/** Rate used to express balances in KZT (illustrative, as of the registers' "today"). */
const KZT_PER_UNIT: Record<string, number> = { KZT: 1, USD: 525, EUR: 610, RUB: 6.4 };
const RESTRICTIONS = ['ARREST_BY_BAILIFF', 'SUSPENSION_BY_TAX_AUTHORITY', 'ARREST_BY_INVESTIGATOR'] as const;

function accountsOf(world: World, key: string) {
  const person = world.person(key);
  const entity = person ? undefined : world.legalEntity(key);
  const window = person ? recordSpan(person, 16) : entity ? { from: later(entity.registeredOn, '2000-01-01'), to: RECORDS_UNTIL } : null;
  if (!window || window.from > window.to) return [];
  const rng = world.rng('s90', key);
  if (!rng.chance(person ? 0.85 : 0.95)) return [];
  return Array.from({ length: rng.int(1, person ? 4 : 3) }, (_, sequence) => {
    const [bankName, bankCode, bankBic] = rng.pick(BANKS);
    const kind = person ? rng.pick(['CARD', 'CARD', 'CURRENT', 'DEPOSIT', 'SAVINGS'] as const) : rng.pick(['CURRENT', 'CURRENT', 'DEPOSIT'] as const);
    const currency = rng.chance(0.8) ? 'KZT' : rng.pick(['USD', 'EUR', 'RUB']);
    const openedOn = rng.date(window.from, window.to);
    const closed = rng.chance(0.15);
    const closedOn = closed ? rng.date(openedOn, window.to) : null;
    const rate = KZT_PER_UNIT[currency]!;
    const balance = closed ? 0 : Math.round(((person ? rng.int(0, 3_000_000) : rng.int(0, 300_000_000)) / rate) * 100) / 100;
    const restricted = !closed && rng.chance(0.06);
    return {
      iban: iban(bankCode, key, sequence),
      bankName,
      bankBic,
      kind,
      currency,
      openedOn,
      closedOn,
      status: closed ? 'CLOSED' : restricted ? 'RESTRICTED' : 'OPEN',
      balance,
      balanceKzt: Math.round(balance * rate * 100) / 100,
      balanceOn: closed ? closedOn : RECORDS_UNTIL,
      restrictions: restricted
        ? [
            (() => {
              const imposedOn = rng.date(openedOn, window.to);
              const restriction = rng.pick(RESTRICTIONS);
              return {
                kind: restriction,
                imposedOn,
                imposedBy:
                  restriction === 'SUSPENSION_BY_TAX_AUTHORITY'
                    ? 'State Revenue Department'
                    : restriction === 'ARREST_BY_BAILIFF'
                      ? 'Private bailiff'
                      : 'Investigative department of the Police',
                documentNumber: `${rng.int(1, 9999)}/${imposedOn.slice(2, 4)}`,
                amountKzt: rng.int(50, 20_000) * 1000,
                liftsOn: restriction === 'SUSPENSION_BY_TAX_AUTHORITY' ? daysAfter(imposedOn, 30) : null,
              };
            })(),
          ]
        : [],
      holderPerson: person ? { iin: key } : null,
      holderLegalEntity: entity ? { bin: key } : null,
    };
  });
}

export default defineService({
  number: 90,
  typeDefs: /* GraphQL */ `
    "Kind of a bank account."
    enum BankAccountKind {
      "Current account (for a business: settlement account)."
      CURRENT
      "Card account."
      CARD
      "Term deposit."
      DEPOSIT
      "Savings account."
      SAVINGS
    }

    "State of a bank account."
    enum BankAccountStatus {
      OPEN
      "Open, with an arrest or a suspension of debit operations."
      RESTRICTED
      CLOSED
    }

    "Kind of a restriction on a bank account."
    enum BankAccountRestrictionKind {
      "Arrest of money by a bailiff's order."
      ARREST_BY_BAILIFF
      "Suspension of debit operations by the tax authority."
      SUSPENSION_BY_TAX_AUTHORITY
      "Arrest of money by an investigator's decision."
      ARREST_BY_INVESTIGATOR
    }

    "An arrest or suspension of operations registered on a bank account."
    type BankAccountRestriction {
      kind: BankAccountRestrictionKind!
      "Date the restriction was imposed."
      imposedOn: Date!
      "The body that imposed it."
      imposedBy: String!
      "Number of the order or decision."
      documentNumber: String!
      "Amount arrested or owed, KZT."
      amountKzt: Float!
      "Date the restriction ends by itself, if it does."
      liftsOn: Date
    }

    "A bank account of a person or legal entity and the funds on it, as reported by the bank."
    type BankAccount {
      "IBAN (20 characters, KZ...)."
      iban: String!
      "Name of the bank."
      bankName: String!
      "BIC (SWIFT code) of the bank."
      bankBic: String!
      kind: BankAccountKind!
      "Currency (ISO 4217)."
      currency: String!
      "Date the account was opened."
      openedOn: Date!
      "Date the account was closed, if it was."
      closedOn: Date
      status: BankAccountStatus!
      "Balance in the account currency."
      balance: Float!
      "Balance converted to KZT at the National Bank's rate on the balance date."
      balanceKzt: Float!
      "Date of the balance."
      balanceOn: Date!
      "Arrests and suspensions registered on the account."
      restrictions: [BankAccountRestriction!]!
      "The holder, when a natural person."
      holderPerson: Person
      "The holder, when a legal entity."
      holderLegalEntity: LegalEntity
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "The person's bank accounts and the funds on them (service 90)."
      bankAccounts: [BankAccount!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "The entity's bank accounts and the funds on them (service 90)."
      bankAccounts: [BankAccount!]!
    }

    type Query {
      "A bank account by its IBAN (service 90); null when no bank reports it."
      bankAccount(iban: String!): BankAccount
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const accounts = accountsOf(world, iin);
        return accounts.length ? { bankAccounts: accounts } : null;
      },
      LegalEntity: (bin, world) => {
        const accounts = accountsOf(world, bin);
        return accounts.length ? { bankAccounts: accounts } : null;
      },
    },
    queries: {
      bankAccount: (args, world) => {
        const holder = ibanHolder(String(args.iban ?? ''));
        if (!holder) return null;
        const wanted = String(args.iban).replace(/\s+/g, '').toUpperCase();
        return accountsOf(world, holder.holderKey).find((a) => a.iban === wanted) ?? null;
      },
    },
  },
  example: { entity: 'Person', selection: 'bankAccounts { iban bankName kind currency openedOn status balance balanceKzt restrictions { kind amountKzt } }' },
});
