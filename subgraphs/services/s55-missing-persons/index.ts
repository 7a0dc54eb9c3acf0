import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { addDays, dateWithin, earlier, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const CIRCUMSTANCES = ['LEFT_HOME', 'LEFT_HOME', 'DID_NOT_RETURN', 'DID_NOT_RETURN', 'LEFT_CARE_INSTITUTION', 'ACCIDENT_SUSPECTED', 'UNKNOWN'] as const;
const PLACES = [
  'near the central market',
  'at the bus station',
  'on the way home from school',
  'at the place of work',
  'in the mountains near the city',
  'at the river bank',
];

function missingCase(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 0);
  const r = world.rng('s55', iin);
  // Persons who died are more often among the once-missing (found dead); otherwise about 1 in 250.
  if (!person || !span || !r.chance(person.deathDate ? 0.05 : 0.004)) return null;
  const disappearedOn = person.deathDate
    ? dateWithin(r, later(addDays(span.to, -120), span.from), span.to)
    : dateWithin(r, later(span.from, '2003-01-01'), span.to);
  const reportedOn = earlier(addDays(disappearedOn, r.int(0, 5)), RECORDS_UNTIL);
  const closed = person.deathDate ? true : r.chance(0.8);
  const closedOn = closed ? earlier(person.deathDate ? addDays(person.deathDate, r.int(1, 30)) : addDays(reportedOn, r.int(1, 200)), RECORDS_UNTIL) : null;
  const found = person.deathDate ? 'FOUND_DEAD' : closed ? 'FOUND_ALIVE' : 'SEARCHING';
  return {
    missingPersonCases: [
      {
        searchCaseNumber: `${reportedOn.slice(2, 4)}${r.digits(10)}`,
        reportedOn,
        disappearedOn,
        lastSeenPlace: `${person.address.city}, ${r.pick(PLACES)}`,
        circumstances: r.pick(CIRCUMSTANCES),
        reportedBy: r.pick(['Parent', 'Spouse', 'Relative', 'Employer', 'Head of the care institution']),
        investigatingUnit: `Criminal police of the Police Department of ${person.address.city}`,
        criminalCaseOpened: found === 'FOUND_DEAD' || r.chance(0.2),
        status: found,
        closedOn,
      },
    ],
  };
}

export default defineService({
  number: 55,
  typeDefs: /* GraphQL */ `
    "Circumstances of the disappearance as reported."
    enum MissingPersonCircumstances {
      LEFT_HOME
      "Did not return from work, school or a trip."
      DID_NOT_RETURN
      "Left a medical or social care institution."
      LEFT_CARE_INSTITUTION
      "Accident suspected (water, mountains)."
      ACCIDENT_SUSPECTED
      UNKNOWN
    }

    "State of the search."
    enum MissingPersonStatus {
      SEARCHING
      FOUND_ALIVE
      FOUND_DEAD
    }

    "A search case for a person missing without trace (register of missing persons)."
    type MissingPersonCase {
      "Number of the search case."
      searchCaseNumber: String!
      "Date the disappearance was reported to the police."
      reportedOn: Date!
      "Date the person went missing."
      disappearedOn: Date!
      "Where the person was last seen."
      lastSeenPlace: String!
      "Circumstances of the disappearance."
      circumstances: MissingPersonCircumstances!
      "Who reported the disappearance (relation to the missing person)."
      reportedBy: String!
      "Police unit conducting the search."
      investigatingUnit: String!
      "A criminal case was registered (e.g. murder or kidnapping suspected)."
      criminalCaseOpened: Boolean!
      "State of the search."
      status: MissingPersonStatus!
      "Date the search case was closed."
      closedOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Searches for the person as missing without trace (service 55)."
      missingPersonCases: [MissingPersonCase!]!
    }
  `,
  mock: { entities: { Person: missingCase } },
  example: { entity: 'Person', selection: 'missingPersonCases { searchCaseNumber disappearedOn lastSeenPlace circumstances status }' },
});
