import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';
import { addDays, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/** Controlling bodies and the sphere each checks. */
const BODIES = [
  ['Sanitary and Epidemiological Control Committee', 'Sanitary and epidemiological welfare of the population'],
  ['Committee for Emergency Situations', 'Fire safety'],
  ['Committee of Labour, Social Protection and Migration', 'Labour legislation and occupational safety'],
  ['State Revenue Committee', 'Tax legislation'],
  ['Committee of Environmental Regulation and Control', 'Environmental protection'],
  ['Committee for Technical Regulation and Metrology', 'Technical regulations and product safety'],
  ['Committee for Construction and Housing', 'Architecture, urban planning and construction'],
] as const;
const GROUNDS = {
  SCHEDULED_RISK_BASED: 'Half-year schedule of inspections based on the risk assessment',
  UNSCHEDULED: 'Complaint of an individual about a violation of their rights',
  PREVENTIVE_WITH_VISIT: 'Semi-annual list of preventive control with a visit',
  DOCUMENTARY: "Request of the prosecutor's office",
} as const;

function inspections(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s50', bin);
  if (!entity || !r.chance(0.3)) return null;
  const list = Array.from({ length: r.int(1, 4) }, () => {
    const [controllingBody, sphere] = r.pick(BODIES);
    const kind = r.pick(Object.keys(GROUNDS) as Array<keyof typeof GROUNDS>);
    const registeredOn = dateWithin(r, later(entity.registeredOn, '2012-01-01'), RECORDS_UNTIL);
    const startedOn = addDays(registeredOn, r.int(1, 10));
    const endedOn = addDays(startedOn, r.int(3, 30));
    const finished = endedOn < RECORDS_UNTIL;
    const violations = finished && r.chance(0.45) ? r.int(1, 12) : 0;
    return {
      registrationNumber: `${registeredOn.slice(0, 4)}${r.digits(9)}`,
      controllingBody,
      sphere,
      kind,
      grounds: GROUNDS[kind],
      registeredOn,
      startedOn: startedOn < RECORDS_UNTIL ? startedOn : null,
      endedOn: finished ? endedOn : null,
      result: finished ? (violations ? 'VIOLATIONS_FOUND' : r.chance(0.05) ? 'NOT_CARRIED_OUT' : 'NO_VIOLATIONS') : null,
      violationsFound: violations,
      finesImposedKzt: violations && r.chance(0.6) ? r.int(1, 200) * monthlyIndexOn(registeredOn) : 0,
    };
  });
  return { stateInspections: newestFirst(list, (i) => i.registeredOn) };
}

export default defineService({
  number: 50,
  typeDefs: /* GraphQL */ `
    "Form of state control and supervision."
    enum StateInspectionKind {
      "Scheduled inspection chosen by the risk assessment system."
      SCHEDULED_RISK_BASED
      "Unscheduled inspection (complaint, prosecutor's instruction, accident)."
      UNSCHEDULED
      "Preventive control with a visit to the entity."
      PREVENTIVE_WITH_VISIT
      "Documentary check without a visit."
      DOCUMENTARY
    }

    "Outcome of an inspection."
    enum StateInspectionResult {
      NO_VIOLATIONS
      VIOLATIONS_FOUND
      "Not carried out (entity absent, activity stopped)."
      NOT_CARRIED_OUT
    }

    "An inspection of the legal entity registered in the register of inspections (Committee on Legal Statistics and Special Accounts)."
    type StateInspection {
      "Registration number of the act on the appointment of the inspection."
      registrationNumber: String!
      "State body that carried out the inspection."
      controllingBody: String!
      "Sphere of control."
      sphere: String!
      "Form of control."
      kind: StateInspectionKind!
      "Ground of the inspection."
      grounds: String!
      "Date the act on the appointment was registered."
      registeredOn: Date!
      "First day of the inspection."
      startedOn: Date
      "Last day of the inspection."
      endedOn: Date
      "Outcome, once completed."
      result: StateInspectionResult
      "Number of violations found."
      violationsFound: Int!
      "Administrative fines imposed on the results, KZT."
      finesImposedKzt: Float!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Inspections registered in the register of inspections (service 50), newest first."
      stateInspections: [StateInspection!]!
    }
  `,
  mock: { entities: { LegalEntity: inspections } },
  example: { entity: 'LegalEntity', selection: 'stateInspections { registrationNumber controllingBody kind registeredOn result violationsFound }' },
});
