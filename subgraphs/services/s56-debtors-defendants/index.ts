import type { OwnerKey, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { enforcementProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { dateWithin, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/** Service 18's subjects of enforcement, as this register names them. */
const SUBJECT_OF = {
  LOAN_DEBT: 'LOAN',
  ALIMONY: 'ALIMONY',
  TAX_ARREARS: 'TAXES',
  ADMINISTRATIVE_FINE: 'FINES',
  UTILITY_DEBT: 'UTILITIES',
  DAMAGES: 'DAMAGES',
  WAGE_ARREARS: 'WAGES',
} as const;
const STATUS_OF = { OPEN: 'ACTIVE', SUSPENDED: 'ACTIVE', COMPLETED: 'SETTLED', RETURNED_TO_CLAIMANT: 'TERMINATED', TERMINATED: 'TERMINATED' } as const;
const CLAIMANTS = ['Halyk Bank JSC', 'Kaspi Bank JSC', 'Bank CenterCredit JSC', 'Freedom Finance Credit LLP', 'Kazakhtelecom JSC', 'Alageum Electric JSC'];

function claimantKind(subject: string, claimant: string): 'STATE_BODY' | 'ORGANISATION' | 'INDIVIDUAL' {
  if (subject === 'TAXES' || subject === 'FINES') return 'STATE_BODY';
  return subject === 'ALIMONY' || subject === 'WAGES' || !/(JSC|LLP|Department)/.test(claimant) ? 'INDIVIDUAL' : 'ORGANISATION';
}

/**
 * Debtors are listed from their enforcement proceedings in service 18 (same numbers, amounts, offices);
 * defendants from the civil claims filed against them in court.
 */
function entries(owner: OwnerKey, world: World, region: string, from: string, to: string) {
  const debts = enforcementProceedingsOf(owner, world).map((p) => {
    const subjectOfClaim = SUBJECT_OF[p.subject as keyof typeof SUBJECT_OF] ?? 'DAMAGES';
    const status = STATUS_OF[p.status];
    return {
      role: 'DEBTOR',
      proceedingsNumber: p.proceedingNumber,
      courtCaseNumber: null,
      subjectOfClaim,
      claimantName: p.claimant,
      claimantKind: claimantKind(subjectOfClaim, p.claimant),
      amountKzt: p.status === 'COMPLETED' ? p.amountKzt : p.outstandingKzt,
      handledBy: p.enforcementOffice,
      registeredOn: p.openedOn,
      // A debtor under open enforcement is barred from leaving the country (temporary restriction on departure).
      travelBan: status === 'ACTIVE' && world.rng('s56', p.proceedingNumber).chance(0.5),
      status,
    };
  });
  const key = 'iin' in owner ? owner.iin : owner.bin;
  const r = world.rng('s56', key);
  const suits = from <= to && r.chance('iin' in owner ? 0.05 : 0.08) ? r.int(1, 2) : 0;
  const claims = Array.from({ length: suits }, () => {
    const registeredOn = dateWithin(r, from, to);
    const subjectOfClaim = r.pick(['LOAN', 'DAMAGES', 'SUPPLY_CONTRACT', 'UTILITIES'] as const);
    const claimantName = subjectOfClaim === 'DAMAGES' ? 'Natural person (claimant)' : r.pick(CLAIMANTS);
    return {
      role: 'DEFENDANT',
      proceedingsNumber: null,
      courtCaseNumber: `${r.int(2, 7)}${r.digits(3)}-${registeredOn.slice(2, 4)}-00-2/${r.int(1, 9999)}`,
      subjectOfClaim,
      claimantName,
      claimantKind: claimantKind(subjectOfClaim, claimantName),
      amountKzt: r.int(50, 50_000) * 1_000,
      handledBy: `Specialised inter-district economic court of ${region}`,
      registeredOn,
      travelBan: false,
      status: r.chance(0.5) ? 'ACTIVE' : r.pick(['SETTLED', 'TERMINATED'] as const),
    };
  });
  const list = [...debts, ...claims];
  return list.length ? { debtorRegisterEntries: newestFirst(list, (e) => e.registeredOn) } : null;
}

function personEntries(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  if (!person || !span) return null;
  return entries({ iin }, world, person.address.region, later(span.from, '2012-01-01'), span.to);
}

function legalEntityEntries(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  if (!entity) return null;
  return entries({ bin }, world, entity.address.region, later(entity.registeredOn, '2012-01-01'), RECORDS_UNTIL);
}

export default defineService({
  number: 56,
  typeDefs: /* GraphQL */ `
    "Whether the subject is listed as a debtor in enforcement or a defendant in a civil case."
    enum DebtorRegisterRole {
      "Debtor in enforcement proceedings."
      DEBTOR
      "Defendant in a claim before a court."
      DEFENDANT
    }

    "What the claim is about."
    enum DebtorClaimSubject {
      "Repayment of a loan or credit."
      LOAN
      ALIMONY
      "Utility bills."
      UTILITIES
      "Unpaid administrative fines."
      FINES
      "Taxes and other obligatory payments."
      TAXES
      "Compensation for damage."
      DAMAGES
      "Unpaid wages."
      WAGES
      "Debt under a supply or service contract."
      SUPPLY_CONTRACT
    }

    "Who the claimant is."
    enum DebtorClaimantKind {
      "A state body (tax authority, police)."
      STATE_BODY
      "A bank, company or other organisation."
      ORGANISATION
      "An individual."
      INDIVIDUAL
    }

    "State of the entry."
    enum DebtorRegisterStatus {
      ACTIVE
      "Paid or enforced."
      SETTLED
      "Proceedings terminated or returned."
      TERMINATED
    }

    "An entry of the register of debtors and defendants (Ministry of Justice, courts)."
    type DebtorRegisterEntry {
      "Debtor in enforcement or defendant in court."
      role: DebtorRegisterRole!
      "Number of the enforcement proceedings (debtors)."
      proceedingsNumber: String
      "Number of the court case (defendants)."
      courtCaseNumber: String
      "What is claimed."
      subjectOfClaim: DebtorClaimSubject!
      "Claimant (organisation, state body or individual) as named in the enforcement document or claim."
      claimantName: String!
      "State body, organisation or individual."
      claimantKind: DebtorClaimantKind!
      "Amount claimed or to be recovered, KZT."
      amountKzt: Float!
      "Bailiff or court handling the matter."
      handledBy: String!
      "Date the proceedings were opened or the claim filed."
      registeredOn: Date!
      "Temporarily restricted from leaving Kazakhstan for the debt."
      travelBan: Boolean!
      "State of the entry."
      status: DebtorRegisterStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Entries as a debtor or defendant (service 56), newest first."
      debtorRegisterEntries: [DebtorRegisterEntry!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Entries as a debtor or defendant (service 56), newest first."
      debtorRegisterEntries: [DebtorRegisterEntry!]!
    }
  `,
  mock: { entities: { Person: personEntries, LegalEntity: legalEntityEntries } },
  example: { entity: 'Person', selection: 'debtorRegisterEntries { role proceedingsNumber subjectOfClaim amountKzt handledBy registeredOn travelBan status }' },
});
