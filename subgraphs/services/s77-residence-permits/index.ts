import { defineService } from '../../src/define.ts';
import { isForeigner, isPermanentResident, migrationOffice } from '../_shared/foreigners.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { later, RECORDS_FROM, recordSpan } from '../_shared/record-dates.ts';

const GROUNDS = ['FAMILY_REUNIFICATION', 'ETHNIC_KAZAKH', 'HIGHLY_QUALIFIED_SPECIALIST', 'INVESTOR', 'BUSINESS_IMMIGRANT', 'HUMANITARIAN'] as const;

export default defineService({
  number: 77,
  typeDefs: /* GraphQL */ `
    "Ground on which a permanent residence permit is requested."
    enum ResidencePermitGround {
      "Reunification with family members who are citizens or permanent residents."
      FAMILY_REUNIFICATION
      "Ethnic Kazakh (kandas)."
      ETHNIC_KAZAKH
      HIGHLY_QUALIFIED_SPECIALIST
      INVESTOR
      BUSINESS_IMMIGRANT
      "Humanitarian or political reasons."
      HUMANITARIAN
    }

    "Decision on an application for a permanent residence permit."
    enum ResidencePermitDecision {
      "The application is being examined."
      PENDING
      GRANTED
      REFUSED
      "A granted permit was later revoked."
      REVOKED
    }

    "An application of a foreigner or stateless person for a permit to reside permanently in Kazakhstan, and the permit issued on it."
    type ResidencePermitApplication {
      "Number of the application."
      applicationNumber: String!
      "Date the application was filed."
      appliedOn: Date!
      ground: ResidencePermitGround!
      decision: ResidencePermitDecision!
      "Date of the decision."
      decidedOn: Date
      "Ground of refusal or revocation (article of the Law on Migration)."
      refusalGround: String
      "Number of the residence permit card issued on the decision."
      residenceCardNumber: String
      "Date the card is valid until."
      cardValidUntil: Date
      "Migration service unit that examined the application."
      processingBody: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Applications for and permits of permanent residence in Kazakhstan (service 77), newest first."
      residencePermitApplications: [ResidencePermitApplication!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person);
        if (!person || !window || !isForeigner(person)) return null;
        const rng = world.rng('s77', iin);
        const applications = [];
        if (isPermanentResident(world, person)) {
          // The permit the world records as the person's document.
          const decidedOn = later(person.document.issuedOn, RECORDS_FROM);
          applications.push({
            applicationNumber: `PR-${decidedOn.slice(0, 4)}-${rng.digits(7)}`,
            appliedOn: later(daysAfter(decidedOn, -rng.int(30, 90)), RECORDS_FROM),
            ground: rng.pick(GROUNDS),
            decision: 'GRANTED',
            decidedOn,
            refusalGround: null,
            residenceCardNumber: person.document.number,
            cardValidUntil: person.document.validUntil,
            processingBody: migrationOffice(person),
          });
        }
        // Some foreigners were refused earlier or are waiting for a decision.
        if (rng.chance(isPermanentResident(world, person) ? 0.1 : 0.25)) {
          const appliedOn = rng.date(window.from, window.to);
          const decidedOn = daysAfter(appliedOn, rng.int(30, 90));
          const pending = decidedOn >= window.to;
          applications.push({
            applicationNumber: `PR-${appliedOn.slice(0, 4)}-${rng.digits(7)}`,
            appliedOn,
            ground: rng.pick(GROUNDS),
            decision: pending ? 'PENDING' : 'REFUSED',
            decidedOn: pending ? null : decidedOn,
            refusalGround: pending
              ? null
              : rng.pick([
                  'Incomplete documents (Law on Migration, art. 49)',
                  'Criminal record (Law on Migration, art. 49)',
                  'Insufficient means of subsistence',
                ]),
            residenceCardNumber: null,
            cardValidUntil: null,
            processingBody: migrationOffice(person),
          });
        }
        return applications.length ? { residencePermitApplications: newestFirst(applications, (a) => a.appliedOn) } : null;
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'residencePermitApplications { applicationNumber appliedOn ground decision decidedOn residenceCardNumber cardValidUntil }',
  },
});
