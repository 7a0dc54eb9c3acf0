import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, addYears, ageOn, dateWithin, earlier, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { disabilityDeterminations } from '../s12-disability/index.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';

type Kind =
  | 'TARGETED_SOCIAL_ASSISTANCE'
  | 'HOUSING_ALLOWANCE'
  | 'CHILD_BIRTH_BENEFIT'
  | 'CHILD_CARE_BENEFIT'
  | 'LARGE_FAMILY_BENEFIT'
  | 'DISABILITY_BENEFIT'
  | 'SURVIVOR_BENEFIT';

/** Benefits follow the facts they rest on: births of the person's children, disability (service 12). */
function assignments(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return null;
  const r = world.rng('s13', iin);
  const office = `Department of employment and social programmes, ${person.address.city}`;
  const rows: Array<Record<string, unknown>> = [];
  // Amounts are set in monthly calculation indices of the year of assignment.
  const assign = (kind: Kind, assignedOn: string, months: number | null, indices: number) => {
    const amount = Math.round(indices * monthlyIndexOn(assignedOn));
    const paidUntil = months === null ? null : addDays(assignedOn, months * 30);
    rows.push({
      decisionNumber: `${assignedOn.slice(0, 4)}-${r.digits(6)}`,
      kind,
      assignedOn,
      paidFrom: assignedOn,
      paidUntil,
      monthlyAmountKzt: amount,
      status: person.deathDate ? 'TERMINATED' : paidUntil && paidUntil < RECORDS_UNTIL ? 'TERMINATED' : r.chance(0.95) ? 'PAYING' : 'SUSPENDED',
      assignedBy: office,
    });
  };
  const children = world
    .family(iin)
    .children.map((c) => world.person(c))
    .filter((c) => c !== undefined);
  if (person.sex === 'FEMALE') {
    for (const child of children) {
      if (child.birthDate < span.from || child.birthDate > span.to) continue;
      assign('CHILD_BIRTH_BENEFIT', child.birthDate, 0, children.length >= 4 ? 63 : 38);
      if (r.chance(0.8)) assign('CHILD_CARE_BENEFIT', addDays(child.birthDate, r.int(10, 40)), 18, r.pick([5.76, 6.81, 7.85, 8.9]));
    }
    if (children.length >= 4) assign('LARGE_FAMILY_BENEFIT', dateWithin(r, span.from, span.to), null, 16.03 + 4 * Math.max(0, children.length - 4));
  }
  const disability = disabilityDeterminations(iin, world)[0];
  if (disability) assign('DISABILITY_BENEFIT', addDays(disability.establishedOn, r.int(5, 30)), null, r.int(10, 25));
  if (r.chance(0.07)) assign('TARGETED_SOCIAL_ASSISTANCE', dateWithin(r, span.from, span.to), 3 * r.int(1, 4), r.int(3, 15));
  if (r.chance(0.05)) assign('HOUSING_ALLOWANCE', dateWithin(r, span.from, span.to), 6, r.int(1, 4));
  if (ageOn(person, span.to) < 24 && r.chance(0.03))
    assign('SURVIVOR_BENEFIT', dateWithin(r, span.from, earlier(addYears(person.birthDate, 18), span.to)), null, r.int(8, 20));
  const valid = rows.filter((row) => (row.assignedOn as string) <= span.to);
  return valid.length ? { socialAssistance: valid.sort((a, b) => ((b.assignedOn as string) < (a.assignedOn as string) ? -1 : 1)) } : null;
}

export default defineService({
  number: 13,
  typeDefs: /* GraphQL */ `
    "Kind of state social benefit or assistance."
    enum SocialAssistanceKind {
      "Targeted social assistance to low-income families (ASP)."
      TARGETED_SOCIAL_ASSISTANCE
      "Housing allowance."
      HOUSING_ALLOWANCE
      "One-off benefit on the birth of a child."
      CHILD_BIRTH_BENEFIT
      "Benefit for the care of a child up to 18 months."
      CHILD_CARE_BENEFIT
      "Benefit to mothers of large families."
      LARGE_FAMILY_BENEFIT
      "State social benefit for disability."
      DISABILITY_BENEFIT
      "State social benefit for the loss of a breadwinner."
      SURVIVOR_BENEFIT
    }

    "Payment state of an assignment."
    enum SocialAssistanceStatus {
      PAYING
      SUSPENDED
      TERMINATED
    }

    "A benefit or social assistance assigned to the person (service 13, the social assistance database)."
    type SocialAssistanceAssignment {
      "Number of the assignment decision."
      decisionNumber: String!
      "Kind of benefit."
      kind: SocialAssistanceKind!
      "Date of the assignment decision."
      assignedOn: Date!
      "First day paid."
      paidFrom: Date!
      "Last day paid; none for benefits assigned indefinitely."
      paidUntil: Date
      "Monthly amount (the full amount for one-off benefits), KZT."
      monthlyAmountKzt: Float!
      "Payment state."
      status: SocialAssistanceStatus!
      "Body that assigned the benefit."
      assignedBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Benefits and social assistance assigned, newest first (service 13)."
      socialAssistance: [SocialAssistanceAssignment!]!
    }
  `,
  mock: { entities: { Person: assignments } },
  example: { entity: 'Person', selection: 'socialAssistance { kind assignedOn paidUntil monthlyAmountKzt status }' },
});
