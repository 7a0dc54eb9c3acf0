import type { World } from '@negiz/mocks/model.ts';
import { otherMobileNumbers } from '@negiz/mocks/phones.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { recordSpan } from '../_shared/record-dates.ts';

/** Operator and mobile network code (MCC 401) by number prefix. */
const PREFIXES: Record<string, [operator: string, mnc: string]> = {
  '701': ['KCELL', '02'],
  '702': ['KCELL', '02'],
  '775': ['ACTIV', '02'],
  '778': ['ACTIV', '02'],
  '705': ['BEELINE', '01'],
  '777': ['BEELINE', '01'],
  '771': ['BEELINE', '01'],
  '776': ['BEELINE', '01'],
  '707': ['TELE2', '77'],
  '747': ['TELE2', '77'],
  '700': ['ALTEL', '07'],
  '708': ['ALTEL', '07'],
};

/** +7 7xx xxx xx xx, 8 7xx..., 77xx... all become +77xxxxxxxxx. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const national = digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')) ? digits.slice(1) : digits;
  return `+7${national}`;
}

function subscriptionsOf(world: World, iin: string) {
  const person = world.person(iin);
  const window = person && recordSpan(person, 14);
  if (!person || !window) return [];
  const rng = world.rng('s92', iin);
  const numbers: Array<{ phoneNumber: string; current: boolean }> = [];
  if (person.mobilePhone) numbers.push({ phoneNumber: normalisePhone(person.mobilePhone), current: true });
  // The world's other numbers of the person (a second SIM or one given up), so `personByPhone` finds them too.
  for (const other of otherMobileNumbers(world, iin)) numbers.push({ phoneNumber: normalisePhone(other), current: rng.chance(0.3) });
  return numbers.map(({ phoneNumber, current }) => {
    const [operator, mnc] = PREFIXES[phoneNumber.slice(2, 5)] ?? ['KCELL', '02'];
    const activatedOn = rng.date(window.from, window.to);
    const deactivatedOn = current ? null : rng.date(activatedOn, window.to);
    return {
      phoneNumber,
      operator,
      contractKind: rng.chance(0.8) ? 'PREPAID' : 'POSTPAID',
      activatedOn,
      deactivatedOn,
      status: deactivatedOn ? 'DEACTIVATED' : rng.chance(0.03) ? 'SUSPENDED' : 'ACTIVE',
      iccid: `8997${mnc}${rng.digits(13)}`,
      imsi: `401${mnc}${rng.digits(10)}`,
      lastDeviceImei: current ? `35${rng.digits(13)}` : null,
      subscriber: { iin },
    };
  });
}

export default defineService({
  number: 92,
  typeDefs: /* GraphQL */ `
    "Mobile network operator of Kazakhstan."
    enum MobileOperator {
      KCELL
      "Activ (a Kcell brand)."
      ACTIV
      BEELINE
      TELE2
      ALTEL
    }

    "Payment model of a mobile subscription."
    enum MobileContractKind {
      PREPAID
      POSTPAID
    }

    "State of a mobile subscription."
    enum MobileSubscriptionStatus {
      ACTIVE
      "Suspended (e.g. unregistered device, subscriber's request)."
      SUSPENDED
      DEACTIVATED
    }

    "A mobile number registered to a person in the mobile citizens database (numbers are tied to the subscriber's IIN)."
    type MobileSubscription {
      "Number in international format, e.g. +77011234567."
      phoneNumber: String!
      operator: MobileOperator!
      contractKind: MobileContractKind!
      "Date the number was activated for the subscriber."
      activatedOn: Date!
      "Date the number was deactivated or reassigned, if it was."
      deactivatedOn: Date
      status: MobileSubscriptionStatus!
      "SIM card serial number (ICCID)."
      iccid: String!
      "Subscriber identity (IMSI)."
      imsi: String!
      "IMEI of the device last registered with the number."
      lastDeviceImei: String
      "The subscriber."
      subscriber: Person!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Mobile numbers registered to the person (service 92), newest first."
      mobileSubscriptions: [MobileSubscription!]!
    }

    type Query {
      "The subscription a mobile number belongs to (service 92), current or past; null when no operator reports it."
      mobileSubscription(phoneNumber: String!): MobileSubscription
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const subscriptions = subscriptionsOf(world, iin);
        return subscriptions.length ? { mobileSubscriptions: newestFirst(subscriptions, (s) => s.activatedOn) } : null;
      },
    },
    queries: {
      mobileSubscription: (args, world) => {
        // The number encodes its holder: decoded, not looked up in a scan of the population.
        const phoneNumber = normalisePhone(String(args.phoneNumber ?? ''));
        const holder = world.personByPhone?.(phoneNumber);
        return holder ? (subscriptionsOf(world, holder.iin).find((s) => s.phoneNumber === phoneNumber) ?? null) : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'mobileSubscriptions { phoneNumber operator contractKind activatedOn status iccid lastDeviceImei }' },
});
