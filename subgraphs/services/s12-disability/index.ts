import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addYears, ageOn, dateWithin, recordSpan } from '../_shared/record-dates.ts';

const CAUSES = ['GENERAL_ILLNESS', 'GENERAL_ILLNESS', 'GENERAL_ILLNESS', 'SINCE_CHILDHOOD', 'WORK_INJURY', 'OCCUPATIONAL_DISEASE', 'MILITARY_SERVICE'] as const;

export interface DisabilityDeterminationRow {
  certificateNumber: string;
  group: 'GROUP_1' | 'GROUP_2' | 'GROUP_3' | 'CHILD_UNDER_16' | 'CHILD_16_TO_18';
  cause: (typeof CAUSES)[number];
  establishedOn: string;
  reexaminationOn: string | null;
  workCapacityLossPercent: number | null;
  examinedBy: string;
}

/** The person's disability determinations, oldest first (service 13 pays disability benefits on them). */
export function disabilityDeterminations(iin: string, world: World): DisabilityDeterminationRow[] {
  const person = world.person(iin);
  const span = person && recordSpan(person);
  if (!person || !span) return [];
  const r = world.rng('s12', iin);
  if (!r.chance(0.06)) return [];
  const cause = ageOn(person, span.from) < 18 || r.chance(0.1) ? 'SINCE_CHILDHOOD' : r.pick(CAUSES);
  const rows: DisabilityDeterminationRow[] = [];
  let on = dateWithin(r, span.from, span.to);
  let adultGroup = r.pick(['GROUP_1', 'GROUP_2', 'GROUP_2', 'GROUP_3', 'GROUP_3'] as const);
  while (on <= span.to && rows.length < 4) {
    const age = ageOn(person, on);
    const group = age < 16 ? 'CHILD_UNDER_16' : age < 18 ? 'CHILD_16_TO_18' : adultGroup;
    // Group 1 and children are re-examined every 2 years, others every year, until the group is set indefinitely.
    const indefinite = age >= 18 && (rows.length >= 2 || r.chance(0.2));
    const reexaminationOn = indefinite ? null : addYears(on, group === 'GROUP_1' || age < 18 ? 2 : 1);
    rows.push({
      certificateNumber: `MSE-${on.slice(0, 4)}-${r.digits(7)}`,
      group,
      cause: age < 18 ? 'SINCE_CHILDHOOD' : cause,
      establishedOn: on,
      reexaminationOn,
      workCapacityLossPercent: cause === 'WORK_INJURY' || cause === 'OCCUPATIONAL_DISEASE' ? r.pick([30, 40, 60, 80, 90]) : null,
      examinedBy: `Department of medical and social expertise, ${person.address.region}`,
    });
    if (!reexaminationOn) break;
    on = reexaminationOn;
    if (r.chance(0.3)) adultGroup = adultGroup === 'GROUP_3' ? 'GROUP_2' : adultGroup;
  }
  return rows;
}

export default defineService({
  number: 12,
  typeDefs: /* GraphQL */ `
    "Disability group established by medical and social expertise."
    enum DisabilityGroup {
      "First group (most severe)."
      GROUP_1
      GROUP_2
      GROUP_3
      "Disabled child under 16."
      CHILD_UNDER_16
      "Disabled child aged 16 to 18."
      CHILD_16_TO_18
    }

    "Cause of disability as recorded by the expertise."
    enum DisabilityCause {
      GENERAL_ILLNESS
      "Disabled since childhood."
      SINCE_CHILDHOOD
      "Injury at work."
      WORK_INJURY
      OCCUPATIONAL_DISEASE
      "Injury or illness received during military service."
      MILITARY_SERVICE
    }

    "A determination of disability by medical and social expertise (service 12, the disability database)."
    type DisabilityDetermination {
      "Number of the disability certificate."
      certificateNumber: String!
      "Group established."
      group: DisabilityGroup!
      "Cause."
      cause: DisabilityCause!
      "Date the disability was established."
      establishedOn: Date!
      "Date of the next re-examination; none when established indefinitely."
      reexaminationOn: Date
      "Degree of loss of professional work capacity, percent (work injuries and occupational diseases)."
      workCapacityLossPercent: Int
      "Expertise body that made the determination."
      examinedBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Disability determinations, newest first (service 12)."
      disabilityDeterminations: [DisabilityDetermination!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const rows = disabilityDeterminations(iin, world);
        return rows.length ? { disabilityDeterminations: rows.reverse() } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'disabilityDeterminations { group cause establishedOn reexaminationOn examinedBy }' },
});
