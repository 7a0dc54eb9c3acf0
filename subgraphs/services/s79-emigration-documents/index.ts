import { defineService } from '../../src/define.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { recordSpan } from '../_shared/record-dates.ts';

const DESTINATIONS = ['RUS', 'DEU', 'ISR', 'USA', 'CAN', 'KOR', 'TUR', 'POL', 'CZE', 'GBR'] as const;
const REASONS = ['FAMILY_REUNIFICATION', 'MARRIAGE', 'EMPLOYMENT', 'ETHNIC_REPATRIATION', 'STUDY', 'OTHER'] as const;

export default defineService({
  number: 79,
  typeDefs: /* GraphQL */ `
    "Reason for emigrating, as declared in the application."
    enum EmigrationReason {
      FAMILY_REUNIFICATION
      MARRIAGE
      EMPLOYMENT
      "Repatriation to the historical homeland (e.g. ethnic Germans, Russians, Jews)."
      ETHNIC_REPATRIATION
      STUDY
      OTHER
    }

    "State of an application for exit for permanent residence abroad."
    enum EmigrationApplicationStatus {
      SUBMITTED
      "Documents processed; the applicant may leave."
      APPROVED
      REFUSED
      WITHDRAWN
      "The applicant left and was removed from the registration at the place of residence."
      DEPARTED
    }

    "An application of a citizen of Kazakhstan for documents to leave for permanent residence abroad, processed by the migration service."
    type EmigrationApplication {
      "Number of the application."
      applicationNumber: String!
      "Date the application was submitted."
      submittedOn: Date!
      "Country of destination (ISO 3166 alpha-3)."
      destinationCountry: String!
      reason: EmigrationReason!
      status: EmigrationApplicationStatus!
      "Date of the decision."
      decidedOn: Date
      "Ground of refusal (e.g. unfulfilled obligations, pending criminal case, unpaid debts)."
      refusalGround: String
      "Number of the exit certificate issued."
      exitCertificateNumber: String
      "Date the person was removed from registration at the place of residence."
      deregisteredOn: Date
      "Migration service unit that processed the application."
      processingBody: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Applications to leave Kazakhstan for permanent residence abroad (service 79)."
      emigrationApplications: [EmigrationApplication!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 18);
        if (!person || !window || person.citizenship !== 'KAZ') return null;
        const rng = world.rng('s79', iin);
        if (!rng.chance(0.02)) return null;
        const submittedOn = rng.date(window.from, window.to);
        const decidedOn = daysAfter(submittedOn, rng.int(10, 60));
        const decided = decidedOn < window.to;
        const refused = decided && rng.chance(0.08);
        const withdrawn = decided && !refused && rng.chance(0.07);
        const departed = decided && !refused && !withdrawn && rng.chance(0.75);
        const deregisteredOn = departed ? daysAfter(decidedOn, rng.int(5, 90)) : null;
        return {
          emigrationApplications: [
            {
              applicationNumber: `EM-${submittedOn.slice(0, 4)}-${rng.digits(6)}`,
              submittedOn,
              destinationCountry: rng.pick(DESTINATIONS),
              reason: rng.pick(REASONS),
              status: !decided ? 'SUBMITTED' : refused ? 'REFUSED' : withdrawn ? 'WITHDRAWN' : departed ? 'DEPARTED' : 'APPROVED',
              decidedOn: decided ? decidedOn : null,
              refusalGround: refused
                ? rng.pick(['Unpaid debts under enforcement proceedings', 'Pending criminal case', 'Unfulfilled alimony obligations'])
                : null,
              exitCertificateNumber: decided && !refused && !withdrawn ? `${rng.digits(9)}` : null,
              deregisteredOn,
              processingBody: `Migration Service Department of the Police of ${person.address.city}`,
            },
          ],
        };
      },
    },
  },
  example: { entity: 'Person', selection: 'emigrationApplications { applicationNumber submittedOn destinationCountry reason status deregisteredOn }' },
});
