import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, ageOn, dateWithin, recordSpan } from '../_shared/record-dates.ts';

const BODIES = [
  { name: 'Akimat of the city', corps: 'CORPS_B', positions: ['Chief specialist', 'Head of department', 'Deputy head of department'] },
  { name: 'State Revenue Department', corps: 'CORPS_B', positions: ['Chief specialist', 'Leading specialist', 'Head of division'] },
  { name: 'Police department', corps: 'LAW_ENFORCEMENT', positions: ['District police inspector', 'Investigator', 'Senior operative officer'] },
  { name: 'Department of Justice', corps: 'CORPS_B', positions: ['Chief specialist', 'Head of division'] },
  { name: 'Akimat of the region', corps: 'CORPS_A', positions: ['Deputy akim', 'Head of administration'] },
  { name: 'Prosecutor\u2019s office', corps: 'LAW_ENFORCEMENT', positions: ['Prosecutor', 'Senior assistant prosecutor'] },
  { name: 'Department of the Committee on Treasury', corps: 'CORPS_B', positions: ['Chief specialist', 'Leading specialist'] },
] as const;

function records(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 21);
  if (!person || !span) return null;
  const r = world.rng('s26', iin);
  if (!r.chance(0.06)) return null;
  const rows: Array<Record<string, unknown>> = [];
  let from = dateWithin(r, span.from, span.to);
  for (let k = r.int(1, 3); k > 0 && from <= span.to && ageOn(person, from) < 63; k--) {
    const body = r.pick(BODIES);
    const dismissedOn = k > 1 || r.chance(0.3) ? addDays(from, r.int(365, 3650)) : null;
    const left = dismissedOn !== null && dismissedOn <= span.to;
    rows.push({
      organisation: `${body.name}, ${body.corps === 'CORPS_A' ? person.address.region : person.address.city}`,
      position: r.pick(body.positions),
      corps: body.corps,
      positionCategory:
        body.corps === 'CORPS_A'
          ? `A-${r.int(1, 4)}`
          : body.corps === 'LAW_ENFORCEMENT'
            ? `C-O-${r.int(1, 6)}`
            : `${r.pick(['B', 'C', 'D', 'E'])}-${r.pick(['O', 'R'])}-${r.int(1, 6)}`,
      appointedOn: from,
      dismissedOn: left ? dismissedOn : null,
      dismissalGround: left ? r.pick(['TRANSFER', 'OWN_REQUEST', 'OWN_REQUEST', 'STAFF_REDUCTION', 'DISCIPLINARY', 'RETIREMENT'] as const) : null,
      status: left ? 'DISMISSED' : 'SERVING',
    });
    if (!left || !dismissedOn) break;
    from = addDays(dismissedOn, r.int(1, 90));
  }
  return rows.length ? { stateEmployeeRecords: rows.reverse() } : null;
}

export default defineService({
  number: 26,
  typeDefs: /* GraphQL */ `
    "Category group of state service."
    enum StateServiceCorps {
      "Administrative state service, corps A (managerial reserve)."
      CORPS_A
      "Administrative state service, corps B."
      CORPS_B
      "Law-enforcement service (special ranks)."
      LAW_ENFORCEMENT
    }

    "Whether the person still holds the post."
    enum StateEmployeeStatus {
      SERVING
      DISMISSED
    }

    "Ground on which the person left the post."
    enum StateEmployeeDismissalGround {
      "Transfer to another state body."
      TRANSFER
      OWN_REQUEST
      STAFF_REDUCTION
      "Disciplinary dismissal (negative ground)."
      DISCIPLINARY
      RETIREMENT
    }

    "A post in a state body held by the person, as answered to a request about a state employee (service 26)."
    type StateEmployeeRecord {
      "State body."
      organisation: String!
      "Post."
      position: String!
      "Corps of state service."
      corps: StateServiceCorps!
      "Category of the post (e.g. C-O-4)."
      positionCategory: String!
      "Date of appointment."
      appointedOn: Date!
      "Date of dismissal."
      dismissedOn: Date
      "Ground of dismissal."
      dismissalGround: StateEmployeeDismissalGround
      "Whether the person holds the post."
      status: StateEmployeeStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Posts held in state bodies, newest first (service 26)."
      stateEmployeeRecords: [StateEmployeeRecord!]!
    }
  `,
  mock: { entities: { Person: records } },
  example: { entity: 'Person', selection: 'stateEmployeeRecords { organisation position corps positionCategory appointedOn status }' },
});
