import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { recordSpan } from '../_shared/record-dates.ts';

/** Notice colour, its meaning, and the category the Kazakh NCB files it under. */
const NOTICES: Array<[colour: string, category: string, weight: number]> = [
  ['RED', 'WANTED_CRIMINAL', 0.6],
  ['RED', 'TERRORIST', 0.05],
  ['YELLOW', 'MISSING_PERSON', 0.15],
  ['BLUE', 'OPERATIONAL_WATCH', 0.12],
  ['GREEN', 'OPERATIONAL_WATCH', 0.05],
  ['DIFFUSION', 'WANTED_CRIMINAL', 0.03],
];
const CHARGES = [
  'Fraud on a particularly large scale',
  'Misappropriation of entrusted property',
  'Illegal drug trafficking',
  'Murder',
  'Participation in a terrorist organisation',
  'Money laundering',
  'Trafficking in persons',
  'Organised criminal group',
];
const COUNTRIES = ['KAZ', 'KAZ', 'KAZ', 'RUS', 'UZB', 'KGZ', 'TUR', 'DEU'];

function pickNotice(r: number): [string, string] {
  let acc = 0;
  for (const [colour, category, weight] of NOTICES) {
    acc += weight;
    if (r < acc) return [colour, category];
  }
  return ['RED', 'WANTED_CRIMINAL'];
}

export default defineService({
  number: 87,
  typeDefs: /* GraphQL */ `
    "Colour of an Interpol notice, or a diffusion (a request circulated directly by a member country)."
    enum InterpolNoticeColour {
      "Location and arrest of a wanted person with a view to extradition."
      RED
      "Location of a missing person."
      YELLOW
      "Information on a person's identity, location or activities."
      BLUE
      "Warning about a person's criminal activities."
      GREEN
      DIFFUSION
    }

    "The category of the Interpol database the record belongs to."
    enum InterpolPersonCategory {
      WANTED_CRIMINAL
      TERRORIST
      MISSING_PERSON
      "A person under operational watch."
      OPERATIONAL_WATCH
    }

    "State of an Interpol notice."
    enum InterpolNoticeStatus {
      ACTIVE
      "Cancelled: the person was arrested, found, or the request was withdrawn."
      CANCELLED
    }

    "A notice or diffusion on a person in Interpol's nominal databases, as returned to the National Central Bureau in Astana."
    type InterpolPersonNotice {
      "Interpol control number of the notice (e.g. A-1234/5-2019)."
      controlNumber: String!
      colour: InterpolNoticeColour!
      category: InterpolPersonCategory!
      "Country that requested the notice (ISO 3166 alpha-3)."
      requestingCountry: String!
      "Date the notice was published."
      publishedOn: Date!
      "Charges, for wanted persons."
      charges: [String!]!
      "Reference of the requesting National Central Bureau."
      ncbReference: String!
      status: InterpolNoticeStatus!
      "Date the notice was cancelled, if it was."
      cancelledOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Interpol notices and diffusions on the person (service 87), newest first."
      interpolNotices: [InterpolPersonNotice!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 14);
        if (!person || !window) return null;
        const rng = world.rng('s87', iin);
        if (!rng.chance(0.006)) return null;
        const [colour, category] = pickNotice(rng.next());
        const publishedOn = rng.date(window.from, window.to);
        const wanted = category === 'WANTED_CRIMINAL' || category === 'TERRORIST';
        const cancelled = rng.chance(0.2);
        const notice = {
          controlNumber: `${colour === 'DIFFUSION' ? 'D' : 'A'}-${rng.int(1, 9999)}/${rng.int(1, 12)}-${publishedOn.slice(0, 4)}`,
          colour,
          category,
          requestingCountry: rng.pick(COUNTRIES),
          publishedOn,
          charges: wanted ? [category === 'TERRORIST' ? CHARGES[4]! : rng.pick(CHARGES)] : [],
          ncbReference: `NCB/${rng.digits(6)}`,
          status: cancelled ? 'CANCELLED' : 'ACTIVE',
          cancelledOn: cancelled ? rng.date(publishedOn, window.to) : null,
        };
        return { interpolNotices: newestFirst([notice], (n) => n.publishedOn) };
      },
    },
  },
  example: { entity: 'Person', selection: 'interpolNotices { controlNumber colour category requestingCountry publishedOn charges status }' },
});
