import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { personHolding } from '../_shared/person-index.ts';
import { dateWithin, recordSpan } from '../_shared/record-dates.ts';

/** Long-distance area codes of the larger cities; elsewhere a stable 4-digit code per city. */
const AREA_CODES: Record<string, string> = {
  Алматы: '727',
  Астана: '7172',
  Шымкент: '7252',
  Караганда: '7212',
  Актобе: '7132',
  Атырау: '7122',
  Павлодар: '7182',
  'Усть-Каменогорск': '7232',
  Семей: '7222',
  Костанай: '7142',
  Тараз: '7262',
  Кызылорда: '7242',
  Актау: '7292',
  Петропавловск: '7152',
  Уральск: '7112',
};
const TARIFFS = {
  LANDLINE: ['Basic local telephony', 'Unlimited local calls'],
  INTERNET: ['Internet Home 100 Mbit/s (FTTH)', 'Internet Home 300 Mbit/s (FTTH)', 'Megaline ADSL 8 Mbit/s'],
  IPTV: ['ID TV Basic', 'ID TV Premium'],
} as const;

/** Numbers compare by their digits only: "+7 727 2345678", "87272345678" and "7 (727) 234-56-78" are one line. */
function digitsOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}

function landlinesOf(iin: string, world: World): string[] {
  return (subscriptions(iin, world)?.fixedLineSubscriptions ?? []).flatMap((s) => (s.phoneNumber ? [digitsOf(s.phoneNumber)] : []));
}

function subscriptions(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const r = world.rng('s53', iin);
  if (!person || !span || !r.chance(0.3)) return null;
  const code = AREA_CODES[person.address.city] ?? `7${String(world.rng('s53-area', person.address.city).int(100, 399))}`;
  const a = person.address;
  const installationAddress = `${a.postcode}, ${a.region}, ${a.city}, ${a.street} ${a.house}${a.apartment ? `, apt. ${a.apartment}` : ''}`;
  const kinds = r.chance(0.6) ? (['LANDLINE', 'INTERNET'] as const) : r.chance(0.5) ? (['INTERNET', 'IPTV'] as const) : (['LANDLINE'] as const);
  const list = kinds.map((serviceKind) => {
    const contractedOn = dateWithin(r, span.from, span.to);
    const terminated = !!person.deathDate || r.chance(0.15);
    const terminatedOn = terminated ? dateWithin(r, contractedOn, span.to) : null;
    const indebted = !terminated && r.chance(0.1);
    return {
      contractNumber: `${r.int(10, 99)}-${r.digits(8)}`,
      serviceKind,
      // Line numbers have seven digits with the area code together (3-digit codes) or six (4-digit codes).
      phoneNumber: serviceKind === 'LANDLINE' ? `+7 ${code} ${r.digits(10 - code.length)}` : null,
      accountLogin: serviceKind === 'LANDLINE' ? null : `${code}${r.digits(7)}`,
      installationAddress,
      tariffPlan: r.pick(TARIFFS[serviceKind]),
      contractedOn,
      terminatedOn,
      status: terminated ? 'TERMINATED' : indebted ? 'SUSPENDED_FOR_DEBT' : 'ACTIVE',
      outstandingDebtKzt: indebted ? r.int(20, 600) * 100 : 0,
    };
  });
  return { fixedLineSubscriptions: newestFirst(list, (s) => s.contractedOn) };
}

export default defineService({
  number: 53,
  typeDefs: /* GraphQL */ `
    "Kind of fixed-line service."
    enum FixedLineServiceKind {
      "Fixed telephone line."
      LANDLINE
      "Fixed broadband internet."
      INTERNET
      "IP television."
      IPTV
    }

    "State of the subscriber contract."
    enum FixedLineContractStatus {
      ACTIVE
      "Service suspended for non-payment."
      SUSPENDED_FOR_DEBT
      TERMINATED
    }

    "A subscriber contract of the person with the national telecom operator (Kazakhtelecom)."
    type FixedLineSubscription {
      "Number of the subscriber contract."
      contractNumber: String!
      "Telephone, internet or television."
      serviceKind: FixedLineServiceKind!
      "Telephone number (landline contracts)."
      phoneNumber: String
      "Personal account or login (internet and television)."
      accountLogin: String
      "Address where the line is installed."
      installationAddress: String!
      "Tariff plan."
      tariffPlan: String!
      "Date the contract was concluded."
      contractedOn: Date!
      "Date the contract ended."
      terminatedOn: Date
      "State of the contract."
      status: FixedLineContractStatus!
      "Unpaid balance, KZT."
      outstandingDebtKzt: Float!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Fixed-line subscriber contracts (service 53), newest first."
      fixedLineSubscriptions: [FixedLineSubscription!]!
    }

    type Query {
      "The subscriber holding (or who held) this landline number, e.g. +7 727 2345678 (service 53); null when no contract has it."
      fixedLineSubscriber(phoneNumber: String!): Person
    }
  `,
  mock: {
    entities: { Person: subscriptions },
    queries: {
      fixedLineSubscriber: ({ phoneNumber }, world) => {
        const iin = personHolding(world, 's53-landlines', (iin) => landlinesOf(iin, world), digitsOf(String(phoneNumber)));
        return iin ? { iin } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'fixedLineSubscriptions { contractNumber serviceKind phoneNumber installationAddress contractedOn status }' },
});
