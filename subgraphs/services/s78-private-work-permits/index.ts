import { defineService } from '../../src/define.ts';
import { isForeigner, isPermanentResident, migrationOffice, someCitizen } from '../_shared/foreigners.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const WORK_KINDS = ['HOUSEKEEPER', 'NANNY', 'CAREGIVER', 'COOK', 'GARDENER', 'DRIVER', 'SECURITY_GUARD'] as const;
/** Individual income tax paid in advance for each month of the permit (illustrative, KZT). */
const MONTHLY_TAX_KZT = 7_864;

export default defineService({
  number: 78,
  typeDefs: /* GraphQL */ `
    "Household work a foreigner may perform for an individual employer."
    enum HouseholdWorkKind {
      HOUSEKEEPER
      NANNY
      CAREGIVER
      COOK
      GARDENER
      DRIVER
      SECURITY_GUARD
    }

    "State of a household work permit."
    enum HouseholdWorkPermitStatus {
      VALID
      EXPIRED
      "Revoked early (e.g. violation of migration rules, tax not paid)."
      REVOKED
    }

    "A permit issued to a labour immigrant to work for an individual employer in a household (Law on Migration, art. 36)."
    type HouseholdWorkPermit {
      "Permit number."
      permitNumber: String!
      "Date the permit was issued."
      issuedOn: Date!
      "Date the permit is valid from."
      validFrom: Date!
      "Date the permit is valid until (1 to 12 months, extendable)."
      validUntil: Date!
      workKind: HouseholdWorkKind!
      "The individual employer (citizen of Kazakhstan)."
      employer: Person
      "Individual income tax paid in advance for the period of the permit, KZT."
      prepaidIncomeTaxKzt: Float!
      status: HouseholdWorkPermitStatus!
      "Migration service unit that issued the permit."
      issuingBody: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Permits to work for individual employers in households, held as a labour immigrant (service 78), newest first."
      householdWorkPermits: [HouseholdWorkPermit!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 18);
        if (!person || !window || !isForeigner(person) || isPermanentResident(world, person)) return null;
        const rng = world.rng('s78', iin);
        // Permits of this kind exist since the 2014 migration reform.
        if (window.to < '2014-01-01' || !rng.chance(0.5)) return null;
        const from = window.from > '2014-01-01' ? window.from : '2014-01-01';
        const employer = someCitizen(world, rng, iin);
        const workKind = rng.pick(WORK_KINDS);
        const permits = Array.from({ length: rng.int(1, 3) }, () => {
          const issuedOn = rng.date(from, window.to);
          const months = rng.pick([3, 6, 12]);
          const validUntil = shiftDate(issuedOn, { months, days: -1 });
          return {
            permitNumber: `TD${issuedOn.slice(2, 4)}${rng.digits(8)}`,
            issuedOn,
            validFrom: issuedOn,
            validUntil,
            workKind,
            employer: employer ? { iin: employer.iin } : null,
            prepaidIncomeTaxKzt: months * MONTHLY_TAX_KZT,
            status: rng.chance(0.04) ? 'REVOKED' : validUntil >= RECORDS_UNTIL ? 'VALID' : 'EXPIRED',
            issuingBody: migrationOffice(employer ?? person),
          };
        });
        return { householdWorkPermits: newestFirst(permits, (p) => p.issuedOn) };
      },
    },
  },
  example: { entity: 'Person', selection: 'householdWorkPermits { permitNumber issuedOn validUntil workKind status employer { iin } }' },
});
