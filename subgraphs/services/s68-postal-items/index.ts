import { defineService } from '../../src/define.ts';
import { localDateTime, newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { later, RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const OFFICES = [
  'Almaty 050000',
  'Almaty 050010',
  'Astana 010000',
  'Astana 010008',
  'Shymkent 160000',
  'Karaganda 100000',
  'Aktobe 030000',
  'Pavlodar 140000',
  'Atyrau 060000',
  'Kostanay 110000',
];
const ABROAD: Array<[country: string, alpha2: string, city: string]> = [
  ['RUS', 'RU', 'Moscow'],
  ['CHN', 'CN', 'Urumqi'],
  ['TUR', 'TR', 'Istanbul'],
  ['UZB', 'UZ', 'Tashkent'],
  ['DEU', 'DE', 'Frankfurt'],
  ['KGZ', 'KG', 'Bishkek'],
  ['ARE', 'AE', 'Dubai'],
  ['USA', 'US', 'New York'],
];
const SENDERS = [
  'Kaspi Shop',
  'Wildberries Kazakhstan',
  'Ozon',
  'AliExpress',
  'State Revenue Department',
  'Court of Almaty district',
  'Halyk Bank',
  'Private person',
];
const KINDS = ['REGISTERED_LETTER', 'PARCEL', 'SMALL_PACKET', 'EMS', 'REGISTERED_LETTER', 'SMALL_PACKET'] as const;
const S10_CODES: Record<string, string> = { REGISTERED_LETTER: 'R', PARCEL: 'C', SMALL_PACKET: 'L', EMS: 'E' };

/** UPU S10 tracking number: two letters, 8 digits, the S10 check digit, country code. */
function trackingNumber(kindLetter: string, serial: string, alpha2: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return `${kindLetter}${String.fromCharCode(65 + (Number(serial[7]) % 26))}${serial}${check === 10 ? 0 : check === 11 ? 5 : check}${alpha2}`;
}

export default defineService({
  number: 68,
  typeDefs: /* GraphQL */ `
    "Category of a registered postal item."
    enum PostalItemKind {
      REGISTERED_LETTER
      PARCEL
      SMALL_PACKET
      "Express mail service."
      EMS
    }

    "Whether the person sent or received the item."
    enum PostalItemDirection {
      INCOMING
      OUTGOING
    }

    "Last known state of the item."
    enum PostalItemStatus {
      IN_TRANSIT
      AWAITING_PICKUP
      DELIVERED
      RETURNED_TO_SENDER
    }

    "A registered (tracked) postal item sent or received by a person through Kazpost."
    type PostalItem {
      "Tracking number (UPU S10), e.g. RA123456785KZ."
      trackingNumber: String!
      kind: PostalItemKind!
      direction: PostalItemDirection!
      "Sender (for incoming items) or addressee (for outgoing items), as written on the item."
      counterpartName: String!
      "Country of the counterpart (ISO 3166 alpha-3)."
      counterpartCountry: String!
      "City of the counterpart."
      counterpartCity: String!
      "Post office where the item was accepted."
      acceptedAtOffice: String!
      "Time the item was accepted."
      acceptedAt: DateTime!
      "Time the item was handed over to the addressee, if it was."
      deliveredAt: DateTime
      status: PostalItemStatus!
      "Weight, grams."
      weightGrams: Int!
      "Declared value, KZT."
      declaredValueKzt: Float
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Registered postal items sent or received by the person (service 68), newest first."
      postalItems: [PostalItem!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 14);
        if (!person || !window) return null;
        const rng = world.rng('s68', iin);
        if (!rng.chance(0.35)) return null;
        const items = Array.from({ length: rng.int(1, 6) }, () => {
          const kind = rng.pick(KINDS);
          const direction = rng.chance(0.7) ? 'INCOMING' : 'OUTGOING';
          const abroad = rng.chance(0.3);
          const [counterpartCountry, alpha2, counterpartCity] = abroad ? rng.pick(ABROAD) : ['KAZ', 'KZ', rng.pick(OFFICES).split(' ')[0]!];
          // The tracking register keeps items from 2012 on.
          const acceptedOn = rng.date(later(window.from, '2012-01-01') <= window.to ? later(window.from, '2012-01-01') : window.from, window.to);
          const deliveredOn = daysAfter(acceptedOn, rng.int(2, abroad ? 30 : 10));
          const status = deliveredOn >= RECORDS_UNTIL ? 'IN_TRANSIT' : rng.chance(0.05) ? 'RETURNED_TO_SENDER' : 'DELIVERED';
          return {
            trackingNumber: trackingNumber(S10_CODES[kind]!, rng.digits(8), direction === 'INCOMING' ? alpha2 : 'KZ'),
            kind,
            direction,
            counterpartName: direction === 'INCOMING' ? rng.pick(SENDERS) : 'Private person',
            counterpartCountry,
            counterpartCity,
            acceptedAtOffice:
              direction === 'OUTGOING'
                ? `Kazpost ${rng.pick(OFFICES)}`
                : abroad
                  ? `International exchange office ${counterpartCity}`
                  : `Kazpost ${rng.pick(OFFICES)}`,
            acceptedAt: localDateTime(rng, acceptedOn, 9, 19),
            deliveredAt: status === 'DELIVERED' ? localDateTime(rng, deliveredOn, 9, 19) : null,
            status,
            weightGrams: kind === 'REGISTERED_LETTER' ? rng.int(10, 100) : rng.int(100, 15_000),
            declaredValueKzt: kind === 'REGISTERED_LETTER' ? null : rng.int(1, 500) * 1000,
          };
        });
        return { postalItems: newestFirst(items, (i) => i.acceptedAt) };
      },
    },
  },
  example: { entity: 'Person', selection: 'postalItems { trackingNumber kind direction counterpartName counterpartCountry acceptedAt status }' },
});
