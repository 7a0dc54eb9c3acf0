import type { IsoDate, World } from '@negiz/mocks/model.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { migrationOffice } from '../_shared/foreigners.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';
import { workerEngagements } from '../s46-foreign-labour/index.ts';
import { addDays, dateWithin, earlier, later, recordSpan } from '../_shared/record-dates.ts';

/** Articles of the Code of Administrative Offences applied to foreign workers. */
const ARTICLES = [
  ['517 part 1', 'Violation of the rules of stay: residing without registration or with invalid documents', false],
  ['517 part 3', 'Labour activity without a permit or outside the permitted occupation or region', true],
  ['517 part 5', 'Repeated violation of the migration legislation within a year', false],
  ['517 part 2', 'Evasion of departure after the permitted period of stay expired', false],
] as const;

export interface ForeignWorkerViolation {
  protocolNumber: string;
  committedOn: IsoDate;
  article: string;
  description: string;
  detectedBy: string;
  employer: { bin: string } | null;
  decision: 'WARNING' | 'FINE' | 'FINE_AND_EXPULSION' | 'TERMINATED';
  decidedOn: IsoDate;
  decidedBy: string;
  fineKzt: number;
  finePaid: boolean;
}

/** Violations by a foreign citizen; service 62 turns each court-ordered expulsion into an expulsion case. */
export function foreignWorkerViolations(iin: string, world: World): ForeignWorkerViolation[] {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const r = world.rng('s57', iin);
  if (!person || person.citizenship === 'KAZ' || !span || !r.chance(0.3)) return [];
  const employers: Array<{ bin: string } | undefined> = [
    undefined,
    ...(workerEngagements(iin, world)?.foreignLabourEngagements ?? []).flatMap((e) => (e.employer ? [e.employer] : [])),
  ];
  const list = Array.from({ length: r.chance(0.8) ? 1 : 2 }, (): ForeignWorkerViolation => {
    const [article, description, atWork] = r.pick(ARTICLES);
    const committedOn = dateWithin(r, later(span.from, '2015-01-01'), span.to);
    // Working outside the permitted occupation happens at a registered employer (service 46); without any permit, anywhere.
    const employer = atWork ? (r.pick(employers) ?? anotherLegalEntity(world, r)) : undefined;
    const decision = r.pick(['WARNING', 'FINE', 'FINE', 'FINE_AND_EXPULSION', 'TERMINATED'] as const);
    const byCourt = decision === 'FINE_AND_EXPULSION';
    // Fines are set in monthly calculation indices of the year of the offence.
    const fineKzt = decision === 'FINE' || byCourt ? r.pick([10, 20, 30]) * monthlyIndexOn(committedOn) : 0;
    return {
      protocolNumber: `${committedOn.slice(2, 4)}${r.digits(10)}`,
      committedOn,
      article,
      description,
      detectedBy: migrationOffice(person),
      employer: employer ? { bin: employer.bin } : null,
      decision,
      decidedOn: earlier(addDays(committedOn, r.int(1, 15)), span.to),
      // Expulsion is ordered by a court; the police decide on warnings and fines themselves.
      decidedBy: byCourt ? `Specialised inter-district administrative court of ${person.address.city}` : migrationOffice(person),
      fineKzt,
      finePaid: fineKzt > 0 && r.chance(0.7),
    };
  });
  return newestFirst(list, (v) => v.committedOn);
}
