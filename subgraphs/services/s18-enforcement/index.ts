import { defineService } from '../../src/define.ts';
import type { OwnerKey, World } from '@negiz/mocks/model.ts';
import { addDays, dateWithin, legalEntitySpan, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';

const PERSON_SUBJECTS = ['LOAN_DEBT', 'LOAN_DEBT', 'LOAN_DEBT', 'ALIMONY', 'ADMINISTRATIVE_FINE', 'UTILITY_DEBT', 'TAX_ARREARS', 'DAMAGES'] as const;
const ENTITY_SUBJECTS = ['TAX_ARREARS', 'LOAN_DEBT', 'DAMAGES', 'WAGE_ARREARS', 'ADMINISTRATIVE_FINE'] as const;
const CLAIMANTS = [
  'Halyk Bank JSC',
  'Kaspi Bank JSC',
  'ForteBank JSC',
  'Home Credit Bank JSC',
  'KMF microfinance organisation LLP',
  'Astana-ERC LLP',
  'State Revenue Department',
  'Almaty Su LLP',
];

function proceedings(owner: OwnerKey, span: { from: string; to: string }, city: string, world: World) {
  const key = 'iin' in owner ? owner.iin : owner.bin;
  const r = world.rng('s18', key);
  // Arrests of the debtor's property (services 58 and 61) are made in open proceedings.
  const arrested = world.vehiclesOf(owner).some((v) => v.arrested) || world.realEstateOf(owner).some((p) => p.arrested);
  if (!arrested && !r.chance('iin' in owner ? 0.12 : 0.08)) return null;
  const count = r.int(1, arrested ? 3 : 2);
  return Array.from({ length: count }, (_, k) => {
    const subject = 'iin' in owner ? (r.chance(0.6) && k === 0 ? 'LOAN_DEBT' : r.pick(PERSON_SUBJECTS)) : r.pick(ENTITY_SUBJECTS);
    const openedOn = dateWithin(r, span.from, span.to);
    const amount = subject === 'ADMINISTRATIVE_FINE' ? r.int(5, 200) * monthlyIndexOn(openedOn) : r.int(50, 'iin' in owner ? 8000 : 90_000) * 1000;
    const closedOn = addDays(openedOn, r.int(60, 1500));
    const open = (arrested && k === 0) || closedOn > span.to || r.chance(0.3);
    const status = open
      ? r.chance(0.9)
        ? 'OPEN'
        : 'SUSPENDED'
      : r.pick(['COMPLETED', 'COMPLETED', 'COMPLETED', 'RETURNED_TO_CLAIMANT', 'TERMINATED'] as const);
    const privateBailiff = subject !== 'TAX_ARREARS' && subject !== 'ADMINISTRATIVE_FINE' && r.chance(0.85);
    return {
      proceedingNumber: `${openedOn.slice(2, 4)}${r.digits(2)}${r.digits(9)}`,
      openedOn,
      subject,
      enforcementDocumentKind:
        subject === 'ADMINISTRATIVE_FINE'
          ? 'ADMINISTRATIVE_RULING'
          : subject === 'LOAN_DEBT' && r.chance(0.5)
            ? 'NOTARIAL_EXECUTIVE_INSCRIPTION'
            : r.pick(['WRIT_OF_EXECUTION', 'COURT_ORDER'] as const),
      enforcementDocumentNumber: `${r.digits(4)}-${openedOn.slice(2, 4)}-${r.digits(5)}`,
      claimant:
        subject === 'ALIMONY'
          ? 'Recipient of alimony (natural person)'
          : subject === 'TAX_ARREARS' || subject === 'ADMINISTRATIVE_FINE'
            ? 'State Revenue Department'
            : subject === 'WAGE_ARREARS'
              ? 'Employees of the debtor'
              : r.pick(CLAIMANTS),
      amountKzt: amount,
      outstandingKzt: status === 'COMPLETED' ? 0 : Math.round(amount * (0.2 + r.next() * 0.8)),
      status,
      closedOn: open ? null : closedOn,
      enforcementOffice: privateBailiff
        ? `Private bailiff of the enforcement district of ${city}, licence ${r.digits(10)}`
        : `Territorial department of the Department of Justice, ${city}`,
    };
  })
    .sort((a, b) => (b.openedOn < a.openedOn ? -1 : 1))
    .filter((p) => p.openedOn <= RECORDS_UNTIL);
}

export default defineService({
  number: 18,
  typeDefs: /* GraphQL */ `
    "What the enforcement document orders to collect."
    enum EnforcementSubject {
      LOAN_DEBT
      ALIMONY
      TAX_ARREARS
      "Administrative fine not paid voluntarily."
      ADMINISTRATIVE_FINE
      UTILITY_DEBT
      "Compensation of damage."
      DAMAGES
      WAGE_ARREARS
    }

    "Kind of enforcement document."
    enum EnforcementDocumentKind {
      WRIT_OF_EXECUTION
      COURT_ORDER
      "Executive inscription of a notary."
      NOTARIAL_EXECUTIVE_INSCRIPTION
      "Ruling in a case of an administrative offence."
      ADMINISTRATIVE_RULING
    }

    "State of the proceedings."
    enum EnforcementStatus {
      OPEN
      SUSPENDED
      "Completed by actual execution."
      COMPLETED
      "Enforcement document returned to the claimant (nothing to collect)."
      RETURNED_TO_CLAIMANT
      TERMINATED
    }

    "Enforcement proceedings in which the subject is the debtor (service 18, the automated system of enforcement proceedings)."
    type EnforcementProceeding {
      "Number of the proceedings."
      proceedingNumber: String!
      "Date the proceedings were opened."
      openedOn: Date!
      "What is collected."
      subject: EnforcementSubject!
      "Kind of enforcement document."
      enforcementDocumentKind: EnforcementDocumentKind!
      "Number of the enforcement document."
      enforcementDocumentNumber: String!
      "Claimant (recoverer)."
      claimant: String!
      "Amount to collect, KZT."
      amountKzt: Float!
      "Amount still outstanding, KZT."
      outstandingKzt: Float!
      "State of the proceedings."
      status: EnforcementStatus!
      "Date closed."
      closedOn: Date
      "State or private bailiff in charge."
      enforcementOffice: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Enforcement proceedings against the person as debtor, newest first (service 18)."
      enforcementProceedings: [EnforcementProceeding!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Enforcement proceedings against the legal entity as debtor, newest first (service 18)."
      enforcementProceedings: [EnforcementProceeding!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        const rows = span && proceedings({ iin }, span, person.address.city, world);
        return rows?.length ? { enforcementProceedings: rows } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const rows = entity && proceedings({ bin }, legalEntitySpan(entity), entity.address.city, world);
        return rows?.length ? { enforcementProceedings: rows } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'enforcementProceedings { proceedingNumber openedOn subject claimant amountKzt outstandingKzt status }' },
});
