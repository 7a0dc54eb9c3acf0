import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { localDateTime, newestFirst } from '../_shared/chronology.ts';
import { addDays, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

type Kind = 'AIR' | 'ROAD' | 'RAIL' | 'SEA';
/** Where citizens travel, and the checkpoints they use for each destination. */
const DESTINATIONS: ReadonlyArray<{ country: string; checkpoints: ReadonlyArray<readonly [string, Kind]> }> = [
  {
    country: 'TUR',
    checkpoints: [
      ['Almaty International Airport', 'AIR'],
      ['Nursultan Nazarbayev International Airport (Astana)', 'AIR'],
    ],
  },
  {
    country: 'ARE',
    checkpoints: [
      ['Almaty International Airport', 'AIR'],
      ['Shymkent International Airport', 'AIR'],
    ],
  },
  {
    country: 'RUS',
    checkpoints: [
      ['Syrym (road, West Kazakhstan region)', 'ROAD'],
      ['Petropavl (rail)', 'RAIL'],
      ['Nursultan Nazarbayev International Airport (Astana)', 'AIR'],
    ],
  },
  {
    country: 'KGZ',
    checkpoints: [
      ['Korday (road, Zhambyl region)', 'ROAD'],
      ['Ak-Zhol (road, Zhambyl region)', 'ROAD'],
    ],
  },
  {
    country: 'UZB',
    checkpoints: [
      ['Zhibek Zholy (road, Turkistan region)', 'ROAD'],
      ['Saryagash (rail)', 'RAIL'],
    ],
  },
  {
    country: 'CHN',
    checkpoints: [
      ['Nur Zholy (road, Zhetysu region)', 'ROAD'],
      ['Dostyk (rail)', 'RAIL'],
      ['Almaty International Airport', 'AIR'],
    ],
  },
  { country: 'THA', checkpoints: [['Almaty International Airport', 'AIR']] },
  {
    country: 'EGY',
    checkpoints: [
      ['Nursultan Nazarbayev International Airport (Astana)', 'AIR'],
      ['Aktau International Airport', 'AIR'],
    ],
  },
  {
    country: 'GEO',
    checkpoints: [
      ['Almaty International Airport', 'AIR'],
      ['Aktau Sea Port', 'SEA'],
    ],
  },
  { country: 'DEU', checkpoints: [['Nursultan Nazarbayev International Airport (Astana)', 'AIR']] },
];
const PURPOSES = ['TOURISM', 'TOURISM', 'PRIVATE', 'BUSINESS', 'WORK', 'STUDY', 'MEDICAL'] as const;
const CARRIERS = ['KC', 'DV', 'IQ', 'TK', 'FZ'];

export function citizenCrossings(iin: string, world: World) {
  const person = world.person(iin);
  if (!person || person.citizenship !== 'KAZ') return null;
  const span = recordSpan(person, 1);
  const r = world.rng('s33', iin);
  if (!span || !r.chance(0.35)) return null;
  // Travel abroad needs a passport except to the Eurasian Economic Union, where the ID card is enough.
  const passport = person.document.type === 'PASSPORT' ? person.document.number : `N${r.digits(8)}`;
  const list = [];
  for (let trip = r.int(1, 6); trip > 0; trip--) {
    const destination = r.pick(DESTINATIONS);
    const [checkpoint, kind] = r.pick(destination.checkpoints);
    const eaeu = ['RUS', 'KGZ'].includes(destination.country);
    const document =
      eaeu && person.document.type === 'ID_CARD' && r.chance(0.7)
        ? { travelDocumentKind: 'ID_CARD', travelDocumentNumber: person.document.number }
        : { travelDocumentKind: 'PASSPORT', travelDocumentNumber: passport };
    const purpose = r.pick(PURPOSES);
    const transport =
      kind === 'AIR'
        ? `Flight ${r.pick(CARRIERS)} ${r.int(100, 999)}`
        : kind === 'RAIL'
          ? `Train ${r.int(1, 399)}`
          : kind === 'SEA'
            ? 'Ferry'
            : `Car ${r.digits(3)}${r.pick(['ABC', 'KZA', 'TRE'])}${r.int(1, 17).toString().padStart(2, '0')}`;
    const leftOn = r.date(span.from, span.to);
    const common = { checkpoint, checkpointKind: kind, country: destination.country, travelPurpose: purpose, ...document };
    list.push({ ...common, crossedAt: localDateTime(r, leftOn), direction: 'EXIT', transport });
    const returnedOn = addDays(leftOn, r.int(2, purpose === 'WORK' || purpose === 'STUDY' ? 240 : 21));
    if (returnedOn < (person.deathDate ?? RECORDS_UNTIL)) {
      list.push({
        ...common,
        crossedAt: localDateTime(r, returnedOn),
        direction: 'ENTRY',
        transport: kind === 'AIR' ? `Flight ${r.pick(CARRIERS)} ${r.int(100, 999)}` : transport,
      });
    }
  }
  return { borderCrossings: newestFirst(list, (c) => c.crossedAt) };
}

export default defineService({
  number: 33,
  typeDefs: /* GraphQL */ `
    "Direction of a border crossing."
    enum BorderCrossingDirection {
      "Departure from Kazakhstan."
      EXIT
      "Arrival in Kazakhstan."
      ENTRY
    }

    "Kind of border checkpoint."
    enum BorderCheckpointKind {
      AIR
      ROAD
      RAIL
      SEA
    }

    "Document presented at the checkpoint."
    enum BorderTravelDocumentKind {
      "Passport of a citizen of Kazakhstan."
      PASSPORT
      "Identity card (valid for travel to the Eurasian Economic Union states)."
      ID_CARD
    }

    "Purpose of the trip as declared at the checkpoint."
    enum BorderTravelPurpose {
      TOURISM
      PRIVATE
      BUSINESS
      WORK
      STUDY
      MEDICAL
    }

    "A crossing of the state border by a citizen of Kazakhstan, as recorded by the Border Service checkpoint."
    type BorderCrossing {
      "Local time of the passport control."
      crossedAt: DateTime!
      "Exit from or entry into Kazakhstan."
      direction: BorderCrossingDirection!
      "Checkpoint across the state border."
      checkpoint: String!
      "Air, road, rail or sea checkpoint."
      checkpointKind: BorderCheckpointKind!
      "Country of destination (on exit) or departure (on entry), ISO 3166 alpha-3."
      country: String!
      "Passport or identity card presented."
      travelDocumentKind: BorderTravelDocumentKind!
      "Number of the document presented."
      travelDocumentNumber: String!
      "Purpose of the trip as declared."
      travelPurpose: BorderTravelPurpose!
      "Flight, train, vessel or vehicle registration number."
      transport: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Crossings of the state border (service 33), newest first."
      borderCrossings: [BorderCrossing!]!
    }
  `,
  mock: { entities: { Person: citizenCrossings } },
  example: { entity: 'Person', selection: 'borderCrossings { crossedAt direction checkpoint country travelDocumentNumber }' },
});
