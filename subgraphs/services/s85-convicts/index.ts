import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

/** Criminal Code articles (2014 code) with their short names. */
const OFFENCES: Array<[article: string, name: string]> = [
  ['188 part 2', 'Theft (aggravated)'],
  ['190 part 3', 'Fraud (large scale)'],
  ['191 part 2', 'Robbery'],
  ['296 part 2', 'Illegal handling of narcotics for sale'],
  ['106 part 1', 'Intentional infliction of serious harm to health'],
  ['99 part 1', 'Murder'],
  ['345 part 3', 'Violation of traffic rules causing death'],
  ['366 part 2', 'Taking a bribe'],
  ['189 part 3', 'Misappropriation or embezzlement of entrusted property'],
  ['293 part 2', 'Hooliganism'],
];
const COURTS = [
  'Specialised inter-district criminal court of Almaty',
  'Criminal court No. 2 of Astana',
  'Inter-district criminal court of Karaganda Region',
  'Criminal court of Shymkent',
  'Court of Pavlodar Region',
];
const INSTITUTIONS = [
  'Institution EC-166/1 (Almaty Region)',
  'Institution AK-159/13 (Astana)',
  'Institution AK-159/7 (Karaganda Region)',
  'Institution UK-161/3 (Pavlodar)',
  'Institution ZhD-158/2 (Turkestan Region)',
  'Institution LA-155/14 (Kostanay)',
];
const REGIMES = ['MINIMUM_SECURITY', 'MEDIUM_SECURITY', 'MAXIMUM_SECURITY', 'SPECIAL_SECURITY'] as const;
const PROBATION_OFFICES = ['Probation service of Almaty', 'Probation service of Astana', 'Probation service of Karaganda', 'Probation service of Shymkent'];

export default defineService({
  number: 85,
  typeDefs: /* GraphQL */ `
    "Kind of punishment being served."
    enum PenalSentenceKind {
      IMPRISONMENT
      RESTRICTION_OF_FREEDOM
      CORRECTIONAL_WORK
      "Conditional sentence with probation supervision."
      PROBATION
    }

    "Security regime of the penal institution."
    enum PenalInstitutionRegime {
      MINIMUM_SECURITY
      MEDIUM_SECURITY
      MAXIMUM_SECURITY
      SPECIAL_SECURITY
    }

    "Current state of the sentence."
    enum PenalServiceStatus {
      "The person is serving the sentence."
      SERVING
      "Released on completion of the term."
      RELEASED_END_OF_TERM
      "Released on parole (conditional early release)."
      RELEASED_ON_PAROLE
      RELEASED_BY_AMNESTY
      "Escaped or evading service of the sentence."
      EVADING
    }

    "A sentence being or having been served, as recorded by the Committee of the Penal Enforcement System."
    type PenalServiceRecord {
      "Number of the personal file of the convict."
      personalFileNumber: String!
      "Court that passed the sentence."
      courtName: String!
      "Date of the sentence."
      sentencedOn: Date!
      "Criminal Code articles of the conviction."
      articles: [String!]!
      "Short description of the offence."
      offence: String!
      sentenceKind: PenalSentenceKind!
      "Term of the sentence, months."
      termMonths: Int!
      "Penal institution or probation service in charge."
      institution: String!
      "Regime of the institution, for imprisonment."
      regime: PenalInstitutionRegime
      "Start of the term."
      termStartedOn: Date!
      "Planned end of the term."
      termEndsOn: Date!
      "Actual release date, if released."
      releasedOn: Date
      status: PenalServiceStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Sentences the person serves or served (service 85), newest first."
      penalServiceRecords: [PenalServiceRecord!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 18);
        if (!person || !window) return null;
        const rng = world.rng('s85', iin);
        if (!rng.chance(person.sex === 'MALE' ? 0.04 : 0.008)) return null;
        const records = Array.from({ length: rng.chance(0.2) ? 2 : 1 }, () => {
          const [article, offence] = rng.pick(OFFENCES);
          const sentencedOn = rng.date(window.from, window.to);
          const sentenceKind = rng.pick(['IMPRISONMENT', 'IMPRISONMENT', 'RESTRICTION_OF_FREEDOM', 'PROBATION', 'CORRECTIONAL_WORK'] as const);
          const termMonths = sentenceKind === 'IMPRISONMENT' ? rng.int(12, 120) : rng.int(6, 36);
          const termStartedOn = shiftDate(sentencedOn, { days: rng.int(10, 40) });
          const termEndsOn = shiftDate(termStartedOn, { months: termMonths });
          const parole = sentenceKind === 'IMPRISONMENT' && rng.chance(0.3);
          const releasedOn = parole ? shiftDate(termStartedOn, { months: Math.ceil(termMonths * 0.66) }) : termEndsOn;
          const released = releasedOn < RECORDS_UNTIL && termStartedOn < RECORDS_UNTIL;
          return {
            personalFileNumber: `${sentencedOn.slice(0, 4)}/${rng.digits(6)}`,
            courtName: rng.pick(COURTS),
            sentencedOn,
            articles: [article, ...(rng.chance(0.2) ? [rng.pick(OFFENCES)[0]] : [])],
            offence,
            sentenceKind,
            termMonths,
            institution: sentenceKind === 'IMPRISONMENT' ? rng.pick(INSTITUTIONS) : rng.pick(PROBATION_OFFICES),
            regime: sentenceKind === 'IMPRISONMENT' ? rng.pick(REGIMES) : null,
            termStartedOn,
            termEndsOn,
            releasedOn: released ? releasedOn : null,
            status: released
              ? parole
                ? 'RELEASED_ON_PAROLE'
                : rng.chance(0.05)
                  ? 'RELEASED_BY_AMNESTY'
                  : 'RELEASED_END_OF_TERM'
              : rng.chance(0.02)
                ? 'EVADING'
                : 'SERVING',
          };
        });
        return { penalServiceRecords: newestFirst(records, (r) => r.sentencedOn) };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'penalServiceRecords { courtName sentencedOn articles offence sentenceKind termMonths institution status releasedOn }',
  },
});
