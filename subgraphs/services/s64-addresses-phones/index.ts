import { drawAddress, drawMobilePhone } from '@negiz/mocks/geography.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { recordSpan } from '../_shared/record-dates.ts';

/** Area codes of the larger cities' landlines. */
const LANDLINE_CODES = ['727', '717', '725', '721', '713', '718', '723', '712'];
const ADDRESS_SOURCES = [
  'Migration Service (registration at place of residence)',
  'State revenue bodies',
  'Utility billing (ERC)',
  'Employer notification',
  'Medical attachment register',
];
const MOBILE_SOURCES = ['Mobile operator contract', 'E-government portal account', 'Bank customer profile', 'Public service centre application'];
const LANDLINE_SOURCES = ['Kazakhtelecom subscriber register', 'Employer notification', 'Public service centre application'];
interface KnownAddress {
  kind: string;
  region: string;
  locality: string;
  street: string;
  house: string;
  apartment: string | null;
  postcode: string;
  source: string;
  recordedFrom: string;
  recordedUntil: string | null;
}

export default defineService({
  number: 64,
  typeDefs: /* GraphQL */ `
    "The kind of an address found for a person."
    enum KnownAddressKind {
      "Permanent registration at the place of residence."
      PERMANENT_REGISTRATION
      "Temporary registration at the place of stay."
      TEMPORARY_REGISTRATION
      "Address where the person actually lives according to other sources."
      ACTUAL_RESIDENCE
      "Place of work."
      WORKPLACE
    }

    "An address linked to a person in the address and contact search system."
    type KnownAddress {
      "Kind of the address."
      kind: KnownAddressKind!
      "Region (oblast or city of republican significance)."
      region: String!
      "City, town or village."
      locality: String!
      "Street."
      street: String!
      "House number."
      house: String!
      "Apartment or office number."
      apartment: String
      "Postal code (6 digits)."
      postcode: String!
      "The state database or organisation that reported the address."
      source: String!
      "First date the address was recorded for the person."
      recordedFrom: Date!
      "Date the address stopped being current, if it did."
      recordedUntil: Date
    }

    "The kind of telephone line."
    enum KnownPhoneKind {
      MOBILE
      LANDLINE
      WORK
    }

    "A contact telephone number linked to a person."
    type KnownPhoneNumber {
      "Number in international format, e.g. +77011234567."
      number: String!
      "Kind of the line."
      kind: KnownPhoneKind!
      "The state database or organisation that reported the number."
      source: String!
      "First date the number was seen for the person."
      firstSeenOn: Date!
      "Last date the number was confirmed for the person."
      lastSeenOn: Date!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Addresses found for the person (service 64), newest first."
      knownAddresses: [KnownAddress!]!
      "Contact telephone numbers found for the person (service 64), newest first."
      knownPhoneNumbers: [KnownPhoneNumber!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 16);
        if (!person || !window) return null;
        const rng = world.rng('s64', iin);
        const a = person.address;
        const registeredFrom = rng.date(window.from, window.to);
        const addresses: KnownAddress[] = [
          {
            kind: 'PERMANENT_REGISTRATION',
            region: a.region,
            locality: a.city,
            street: a.street,
            house: a.house,
            apartment: a.apartment ?? null,
            postcode: a.postcode,
            source: ADDRESS_SOURCES[0]!,
            recordedFrom: registeredFrom,
            recordedUntil: null,
          },
        ];
        // Earlier or additional addresses: former registrations and places of work found in other registers.
        for (let i = rng.int(0, 3); i > 0; i--) {
          const other = drawAddress(rng);
          const recordedFrom = rng.date(window.from, window.to);
          const kind = rng.pick(['TEMPORARY_REGISTRATION', 'ACTUAL_RESIDENCE', 'WORKPLACE', 'PERMANENT_REGISTRATION'] as const);
          const ended = kind === 'PERMANENT_REGISTRATION' || kind === 'TEMPORARY_REGISTRATION' || rng.chance(0.5);
          addresses.push({
            kind,
            region: other.region,
            locality: other.city,
            street: other.street,
            house: other.house,
            apartment: kind === 'WORKPLACE' ? `office ${rng.int(1, 40)}` : (other.apartment ?? null),
            postcode: other.postcode,
            source: rng.pick(ADDRESS_SOURCES.slice(1)),
            recordedFrom,
            recordedUntil: ended && recordedFrom < registeredFrom ? registeredFrom : null,
          });
        }
        const phones: Array<{ number: string; kind: string; source: string; firstSeenOn: string; lastSeenOn: string }> = [];
        if (person.mobilePhone) {
          phones.push({
            number: person.mobilePhone.replace(/[^\d+]/g, ''),
            kind: 'MOBILE',
            source: rng.pick(MOBILE_SOURCES),
            firstSeenOn: rng.date(window.from, window.to),
            lastSeenOn: window.to,
          });
        }
        for (let i = rng.int(0, 2); i > 0; i--) {
          const landline = rng.chance(0.4);
          const number = landline ? `+7${rng.pick(LANDLINE_CODES)}${rng.digits(7)}` : drawMobilePhone(rng).replace(/[^\d+]/g, '');
          const firstSeenOn = rng.date(window.from, window.to);
          phones.push({
            number,
            kind: landline ? (rng.chance(0.5) ? 'WORK' : 'LANDLINE') : 'MOBILE',
            source: rng.pick(landline ? LANDLINE_SOURCES : MOBILE_SOURCES),
            firstSeenOn,
            lastSeenOn: rng.date(firstSeenOn, window.to),
          });
        }
        return {
          knownAddresses: newestFirst(addresses, (x) => x.recordedFrom),
          knownPhoneNumbers: newestFirst(phones, (x) => x.lastSeenOn),
        };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'knownAddresses { kind region locality street house apartment source recordedFrom } knownPhoneNumbers { number kind source lastSeenOn }',
  },
});
