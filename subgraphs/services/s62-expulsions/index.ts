import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { addDays, addYears, earlier, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { foreignWorkerViolations } from '../s57-foreign-worker-violations/mock.ts';

const EXIT_CHECKPOINTS = [
  'Almaty International Airport',
  'Nursultan Nazarbayev International Airport (Astana)',
  'Zhibek Zholy (road, Turkistan region)',
  'Korday (road, Zhambyl region)',
];

/**
 * Expulsions follow the migration offences of service 57: a court's fine with expulsion becomes an
 * administrative expulsion; an overstay fined by the police may end in a deportation decision.
 */
export function expulsionCasesOf(iin: string, world: World) {
  const person = world.person(iin);
  if (!person || person.citizenship === 'KAZ') return null;
  const to = person.deathDate ?? RECORDS_UNTIL;
  const list = foreignWorkerViolations(iin, world).flatMap((violation) => {
    const r = world.rng('s62', violation.protocolNumber);
    const byCourt = violation.decision === 'FINE_AND_EXPULSION';
    if (!byCourt && !(violation.decision === 'FINE' && violation.article === '517 part 2' && r.chance(0.5))) return [];
    const decidedOn = violation.decidedOn;
    const deadlineToLeave = addDays(decidedOn, byCourt ? 10 : 15);
    const controlled = r.chance(0.3);
    const evaded = !controlled && r.chance(0.1);
    const executedOn = evaded ? null : earlier(addDays(decidedOn, r.int(2, 15)), to);
    const executed = executedOn !== null && executedOn < RECORDS_UNTIL;
    return [
      {
        caseNumber: `${decidedOn.slice(2, 4)}${r.digits(10)}`,
        kind: byCourt ? 'ADMINISTRATIVE_EXPULSION' : 'DEPORTATION',
        decidedOn,
        decidedBy: violation.decidedBy,
        grounds: `Code of Administrative Offences, article ${violation.article}: ${violation.description}`,
        offenceProtocolNumber: violation.protocolNumber,
        deadlineToLeave,
        controlledDeparture: controlled,
        // Expelled foreigners may not re-enter for five years (deported: also five years).
        entryBanUntil: addYears(decidedOn, 5),
        status: executed ? 'EXECUTED' : evaded && deadlineToLeave < RECORDS_UNTIL ? 'EVADED' : 'PENDING',
        executedOn: executed ? executedOn : null,
        exitCheckpoint: executed ? r.pick(EXIT_CHECKPOINTS) : null,
      },
    ];
  });
  return list.length ? { expulsionCases: list } : null;
}

export default defineService({
  number: 62,
  typeDefs: /* GraphQL */ `
    "Form of removal from Kazakhstan."
    enum ExpulsionKind {
      "Administrative expulsion ordered by a court as a penalty."
      ADMINISTRATIVE_EXPULSION
      "Deportation decided by the internal affairs bodies."
      DEPORTATION
    }

    "Progress of the expulsion."
    enum ExpulsionStatus {
      "Decided; the foreigner has not left yet."
      PENDING
      "The foreigner left Kazakhstan."
      EXECUTED
      "The deadline passed and the foreigner did not leave (searched for)."
      EVADED
    }

    "A decision to expel a foreigner from Kazakhstan and its execution, as controlled by the migration police."
    type ExpulsionCase {
      "Number of the control case."
      caseNumber: String!
      "Administrative expulsion or deportation."
      kind: ExpulsionKind!
      "Date of the decision."
      decidedOn: Date!
      "Court or police body that decided."
      decidedBy: String!
      "Legal grounds of the decision."
      grounds: String!
      "Protocol of the administrative offence that led to it."
      offenceProtocolNumber: String!
      "Last day to leave voluntarily."
      deadlineToLeave: Date!
      "Departure under escort (controlled independent departure otherwise)."
      controlledDeparture: Boolean!
      "Re-entry to Kazakhstan is banned until this date."
      entryBanUntil: Date!
      "Progress of the expulsion."
      status: ExpulsionStatus!
      "Date the foreigner left Kazakhstan."
      executedOn: Date
      "Checkpoint the foreigner left through."
      exitCheckpoint: String
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Expulsions and deportations of this foreign citizen (service 62), newest first."
      expulsionCases: [ExpulsionCase!]!
    }
  `,
  mock: { entities: { Person: expulsionCasesOf } },
  example: { entity: 'Person', selection: 'expulsionCases { caseNumber kind decidedOn decidedBy deadlineToLeave status executedOn }' },
});
