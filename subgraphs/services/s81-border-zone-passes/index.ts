import { defineService } from '../../src/define.ts';
import { isForeigner } from '../_shared/foreigners.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter, shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

/** Border zones and the Border Service department that issues passes to them. */
const ZONES: Array<[zone: string, office: string]> = [
  ['Border zone of Panfilov district, Zhetisu Region (China border)', 'Border Service Department for Zhetisu Region'],
  ['Border zone of Saryagash district, Turkestan Region (Uzbekistan border)', 'Border Service Department for Turkestan Region'],
  ['Border zone of Korday district, Zhambyl Region (Kyrgyzstan border)', 'Border Service Department for Zhambyl Region'],
  ['Border zone of Zaisan district, East Kazakhstan Region (China border)', 'Border Service Department for East Kazakhstan Region'],
  ['Border zone of Mangystau district, Mangystau Region (Caspian coast)', 'Border Service Department for Mangystau Region'],
  ['Border zone of Uil district, Aktobe Region (Russia border)', 'Border Service Department for Aktobe Region'],
];
const PURPOSES = ['WORK', 'VISITING_RELATIVES', 'TOURISM', 'BUSINESS', 'RESEARCH_EXPEDITION'] as const;

export default defineService({
  number: 81,
  typeDefs: /* GraphQL */ `
    "Purpose of entry into a border zone."
    enum BorderZonePassPurpose {
      WORK
      VISITING_RELATIVES
      TOURISM
      BUSINESS
      RESEARCH_EXPEDITION
    }

    "State of a border-zone pass."
    enum BorderZonePassStatus {
      VALID
      EXPIRED
      REFUSED
      CANCELLED
    }

    "A pass issued by the Border Service to a foreigner or stateless person to enter and stay in a border zone of Kazakhstan."
    type BorderZonePass {
      "Pass number."
      passNumber: String!
      "Date of the application."
      appliedOn: Date!
      "Date the pass was issued (or refused)."
      decidedOn: Date!
      "The border zone (district) the pass admits to."
      zone: String!
      purpose: BorderZonePassPurpose!
      "First day the pass is valid."
      validFrom: Date
      "Last day the pass is valid."
      validUntil: Date
      status: BorderZonePassStatus!
      "Border Service department that decided."
      issuingBody: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Passes to border zones issued to the person as a foreigner (service 81), newest first."
      borderZonePasses: [BorderZonePass!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 16);
        if (!person || !window || !isForeigner(person)) return null;
        const rng = world.rng('s81', iin);
        if (!rng.chance(0.35)) return null;
        const passes = Array.from({ length: rng.int(1, 3) }, () => {
          const [zone, issuingBody] = rng.pick(ZONES);
          const appliedOn = rng.date(window.from, window.to);
          const decidedOn = daysAfter(appliedOn, rng.int(1, 10));
          const refused = rng.chance(0.07);
          const validFrom = refused ? null : decidedOn;
          const validUntil = refused ? null : shiftDate(decidedOn, { days: rng.pick([30, 90, 180, 365]) });
          return {
            passNumber: `PZ-${decidedOn.slice(0, 4)}-${rng.digits(6)}`,
            appliedOn,
            decidedOn,
            zone,
            purpose: rng.pick(PURPOSES),
            validFrom,
            validUntil,
            status: refused ? 'REFUSED' : rng.chance(0.03) ? 'CANCELLED' : validUntil! >= RECORDS_UNTIL ? 'VALID' : 'EXPIRED',
            issuingBody,
          };
        });
        return { borderZonePasses: newestFirst(passes, (p) => p.appliedOn) };
      },
    },
  },
  example: { entity: 'Person', selection: 'borderZonePasses { passNumber zone purpose validFrom validUntil status issuingBody }' },
});
