import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, recordSpan, RECORDS_UNTIL, sortedDates } from '../_shared/record-dates.ts';

const TOPICS = [
  { kind: 'COMPLAINT', summary: 'Complaint about the actions of a district police inspector', addressee: 'Police department' },
  { kind: 'COMPLAINT', summary: 'Complaint about the management company of an apartment building', addressee: 'Housing inspection department of the akimat' },
  { kind: 'STATEMENT', summary: 'Request to repair the road and street lighting', addressee: 'Akimat of the district' },
  { kind: 'STATEMENT', summary: 'Request for allocation of social housing', addressee: 'Housing department of the akimat' },
  { kind: 'REQUEST_FOR_INFORMATION', summary: 'Request for information on the state of a pension account', addressee: 'Unified Accumulative Pension Fund' },
  { kind: 'PROPOSAL', summary: 'Proposal on the improvement of a public courtyard', addressee: 'Akimat of the city' },
  { kind: 'CRIME_REPORT', summary: 'Report of fraud committed via the internet', addressee: 'Police department' },
  { kind: 'CRIME_REPORT', summary: 'Report of theft of property', addressee: 'Police department' },
  { kind: 'COMPLAINT', summary: 'Complaint about the refusal to provide a public service', addressee: 'Public service quality control department' },
] as const;

function applications(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return null;
  const r = world.rng('s31', iin);
  if (!r.chance(0.2)) return null;
  const rows = sortedDates(r, r.int(1, 4), span.from, span.to)
    .reverse()
    .map((receivedOn) => {
      const topic = r.pick(TOPICS);
      // Applications are considered within 15 working days, extendable to 30; crime reports are registered at once.
      const dueOn = addDays(receivedOn, topic.kind === 'CRIME_REPORT' ? 1 : 21);
      const answeredOn = addDays(receivedOn, r.int(1, topic.kind === 'CRIME_REPORT' ? 1 : 40));
      const answered = answeredOn <= RECORDS_UNTIL;
      return {
        registrationNumber: `${topic.kind === 'CRIME_REPORT' ? 'KUI' : 'ZT'}-${receivedOn.slice(0, 4)}-${r.digits(8)}`,
        receivedOn,
        kind: topic.kind,
        channel: r.pick(['E_GOV_PORTAL', 'E_GOV_PORTAL', 'IN_PERSON', 'POST', 'OFFICIAL_BLOG'] as const),
        addressee: `${topic.addressee}, ${person.address.city}`,
        summary: topic.summary,
        dueOn,
        status: !answered
          ? 'UNDER_CONSIDERATION'
          : topic.kind === 'CRIME_REPORT'
            ? 'REGISTERED_AS_OFFENCE'
            : r.pick(['ANSWERED', 'ANSWERED', 'ANSWERED', 'REDIRECTED', 'LEFT_WITHOUT_CONSIDERATION'] as const),
        answeredOn: answered ? answeredOn : null,
      };
    });
  return { citizenApplications: rows };
}

export default defineService({
  number: 31,
  typeDefs: /* GraphQL */ `
    "Kind of application."
    enum CitizenApplicationKind {
      COMPLAINT
      STATEMENT
      PROPOSAL
      REQUEST_FOR_INFORMATION
      "Report of a criminal offence or incident."
      CRIME_REPORT
    }

    "How the application was filed."
    enum CitizenApplicationChannel {
      "Through the e-government portal (eOtinish)."
      E_GOV_PORTAL
      IN_PERSON
      POST
      "Through the official blog of a head of a state body."
      OFFICIAL_BLOG
    }

    "State of consideration."
    enum CitizenApplicationStatus {
      UNDER_CONSIDERATION
      ANSWERED
      "Sent on to the competent body."
      REDIRECTED
      LEFT_WITHOUT_CONSIDERATION
      "A crime report entered in the register of pre-trial investigations."
      REGISTERED_AS_OFFENCE
    }

    "An application of the person registered in the unified register of applications (service 31)."
    type CitizenApplication {
      "Registration number."
      registrationNumber: String!
      "Date received."
      receivedOn: Date!
      "Kind of application."
      kind: CitizenApplicationKind!
      "How it was filed."
      channel: CitizenApplicationChannel!
      "Body it was addressed to."
      addressee: String!
      "Summary of the content."
      summary: String!
      "Deadline for consideration."
      dueOn: Date!
      "State of consideration."
      status: CitizenApplicationStatus!
      "Date of the answer or decision."
      answeredOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Applications filed by the person, newest first (service 31)."
      citizenApplications: [CitizenApplication!]!
    }
  `,
  mock: { entities: { Person: applications } },
  example: { entity: 'Person', selection: 'citizenApplications { receivedOn kind channel addressee summary status }' },
});
