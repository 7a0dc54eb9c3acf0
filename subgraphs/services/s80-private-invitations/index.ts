import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter, shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const GUESTS: Array<[country: string, lastNames: string[], firstNames: string[]]> = [
  ['CHN', ['WANG', 'LI', 'ZHANG', 'LIU'], ['WEI', 'FANG', 'JUN', 'LEI']],
  ['TUR', ['YILMAZ', 'KAYA', 'DEMIR', 'CELIK'], ['MEHMET', 'AYSE', 'MUSTAFA', 'ELIF']],
  ['IND', ['SHARMA', 'PATEL', 'SINGH'], ['RAHUL', 'PRIYA', 'AMIT']],
  ['IRN', ['HOSSEINI', 'AHMADI', 'KARIMI'], ['ALI', 'REZA', 'MARYAM']],
  ['PAK', ['KHAN', 'AHMED', 'HUSSAIN'], ['IMRAN', 'AYESHA', 'BILAL']],
  ['VNM', ['NGUYEN', 'TRAN', 'LE'], ['MINH', 'LAN', 'HUNG']],
  ['EGY', ['HASSAN', 'MOHAMED', 'IBRAHIM'], ['AHMED', 'FATMA', 'OMAR']],
];
const PURPOSES = ['VISITING_RELATIVES', 'VISITING_FRIENDS', 'WEDDING_OR_FUNERAL', 'MEDICAL_TREATMENT'] as const;

export default defineService({
  number: 80,
  typeDefs: /* GraphQL */ `
    "Purpose of a private visit for which an invitation is issued."
    enum PrivateVisitPurpose {
      VISITING_RELATIVES
      VISITING_FRIENDS
      "Family events: wedding, funeral, memorial."
      WEDDING_OR_FUNERAL
      MEDICAL_TREATMENT
    }

    "State of an invitation."
    enum PrivateVisitInvitationStatus {
      "Approved by the migration service; a visa may be issued on it."
      APPROVED
      REFUSED
      "The guest entered Kazakhstan on it."
      USED
      "The validity ended without the guest entering."
      EXPIRED
    }

    "An invitation issued at the request of an individual (citizen of Kazakhstan) for a foreigner's private visit, processed by the migration service."
    type PrivateVisitInvitation {
      "Invitation number, quoted in the visa application."
      invitationNumber: String!
      "Date the inviting person applied."
      appliedOn: Date!
      "Date of the decision."
      decidedOn: Date!
      "Guest's surname, as in the passport (Latin script)."
      guestLastName: String!
      "Guest's given name, as in the passport (Latin script)."
      guestFirstName: String!
      "Guest's date of birth."
      guestBirthDate: Date!
      "Guest's citizenship (ISO 3166 alpha-3)."
      guestCitizenship: String!
      "Guest's passport number."
      guestPassportNumber: String!
      purpose: PrivateVisitPurpose!
      "First day of the intended stay."
      visitFrom: Date!
      "Last day of the intended stay."
      visitUntil: Date!
      status: PrivateVisitInvitationStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Invitations for private visits of foreigners issued at the person's request (service 80), newest first."
      privateVisitInvitations: [PrivateVisitInvitation!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 18);
        if (!person || !window || person.citizenship !== 'KAZ') return null;
        const rng = world.rng('s80', iin);
        if (!rng.chance(0.03)) return null;
        const [guestCitizenship, lastNames, firstNames] = rng.pick(GUESTS);
        const guestLastName = rng.pick(lastNames);
        const invitations = Array.from({ length: rng.int(1, 3) }, () => {
          const appliedOn = rng.date(window.from, window.to);
          const decidedOn = daysAfter(appliedOn, rng.int(3, 10));
          const visitFrom = shiftDate(decidedOn, { days: rng.int(10, 40) });
          const visitUntil = shiftDate(visitFrom, { days: rng.int(7, 30) });
          const refused = rng.chance(0.1);
          return {
            invitationNumber: `INV${appliedOn.slice(2, 4)}${rng.digits(7)}`,
            appliedOn,
            decidedOn,
            guestLastName,
            guestFirstName: rng.pick(firstNames),
            guestBirthDate: rng.date('1950-01-01', '2005-12-31'),
            guestCitizenship,
            guestPassportNumber: `${String.fromCharCode(65 + rng.int(0, 25))}${rng.digits(8)}`,
            purpose: rng.pick(PURPOSES),
            visitFrom,
            visitUntil,
            status: refused ? 'REFUSED' : visitFrom >= RECORDS_UNTIL ? 'APPROVED' : rng.chance(0.85) ? 'USED' : 'EXPIRED',
          };
        });
        return { privateVisitInvitations: newestFirst(invitations, (i) => i.appliedOn) };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'privateVisitInvitations { invitationNumber appliedOn guestLastName guestFirstName guestCitizenship purpose visitFrom status }',
  },
});
