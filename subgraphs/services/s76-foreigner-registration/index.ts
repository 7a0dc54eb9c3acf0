import { defineService } from '../../src/define.ts';
import { isForeigner, isPermanentResident, migrationOffice, someCitizen } from '../_shared/foreigners.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter, shiftDate } from '../_shared/date-shift.ts';
import { earlier, RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const PURPOSES = ['PRIVATE', 'TOURISM', 'BUSINESS', 'WORK', 'STUDY', 'MEDICAL_TREATMENT', 'TRANSIT'] as const;
const CHECKPOINTS = [
  'Almaty International Airport',
  'Astana International Airport',
  'Zhibek Zholy (road, Uzbekistan border)',
  'Korday (road, Kyrgyzstan border)',
  'Khorgos (road, China border)',
  'Syrym (road, Russia border)',
  'Petropavlovsk (rail, Russia border)',
  'Shymkent International Airport',
];

export default defineService({
  number: 76,
  typeDefs: /* GraphQL */ `
    "Declared purpose of a foreigner's stay."
    enum ForeignerStayPurpose {
      PRIVATE
      TOURISM
      BUSINESS
      WORK
      STUDY
      MEDICAL_TREATMENT
      TRANSIT
    }

    "State of a temporary stay registration."
    enum ForeignerStayStatus {
      "The foreigner is registered and the period of stay has not ended."
      ACTIVE
      "The period of stay was extended."
      EXTENDED
      "The foreigner left Kazakhstan within the period."
      DEPARTED
      "The period ended without a recorded departure (possible overstay)."
      EXPIRED_WITHOUT_DEPARTURE
      "Cancelled by the migration service."
      CANCELLED
    }

    "Registration of a foreigner or stateless person temporarily staying in Kazakhstan, by the receiving party or the migration service."
    type ForeignerStayRegistration {
      "Registration number."
      registrationNumber: String!
      purpose: ForeignerStayPurpose!
      "Border checkpoint of entry."
      entryCheckpoint: String!
      "Date of entry into Kazakhstan."
      enteredOn: Date!
      "Date of registration."
      registeredOn: Date!
      "Date until which the stay is registered."
      stayUntil: Date!
      "The receiving person (citizen of Kazakhstan), when the host is an individual."
      hostPerson: Person
      "The receiving organisation, when the host is a legal entity."
      hostLegalEntity: LegalEntity
      "Address of stay."
      stayAddress: String!
      "Migration service unit that registered the stay."
      registeringBody: String!
      status: ForeignerStayStatus!
      "Date of departure, if recorded."
      departedOn: Date
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Registrations of the person's temporary stays in Kazakhstan as a foreigner (service 76), newest first."
      foreignerStayRegistrations: [ForeignerStayRegistration!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person);
        if (!person || !window || !isForeigner(person)) return null;
        const rng = world.rng('s76', iin);
        // Permanent residents registered temporary stays only before their permit.
        const until = isPermanentResident(world, person) ? earlier(person.document.issuedOn, window.to) : window.to;
        if (until < window.from || !rng.chance(0.8)) return null;
        const stays = Array.from({ length: rng.int(1, 4) }, () => {
          const purpose = rng.pick(PURPOSES);
          const enteredOn = rng.date(window.from, until);
          const registeredOn = daysAfter(enteredOn, rng.int(0, 3));
          const stayUntil = shiftDate(enteredOn, { days: purpose === 'TRANSIT' ? 5 : purpose === 'WORK' || purpose === 'STUDY' ? 365 : 90 });
          const departed = stayUntil < RECORDS_UNTIL && rng.chance(0.9);
          const hostPerson = purpose === 'WORK' || purpose === 'BUSINESS' || purpose === 'STUDY' ? undefined : someCitizen(world, rng, iin);
          const hostLegalEntity = hostPerson ? undefined : world.legalEntityAt(rng.int(0, world.legalEntityCount - 1));
          const place = hostPerson?.address ?? hostLegalEntity!.address;
          return {
            registrationNumber: `${registeredOn.slice(0, 4)}${rng.digits(9)}`,
            purpose,
            entryCheckpoint: rng.pick(CHECKPOINTS),
            enteredOn,
            registeredOn,
            stayUntil,
            hostPerson: hostPerson ? { iin: hostPerson.iin } : null,
            hostLegalEntity: hostLegalEntity ? { bin: hostLegalEntity.bin } : null,
            stayAddress: `${place.city}, ${place.street} ${place.house}${place.apartment ? `-${place.apartment}` : ''}`,
            registeringBody: migrationOffice(hostPerson ?? person),
            status: stayUntil >= RECORDS_UNTIL ? 'ACTIVE' : departed ? 'DEPARTED' : rng.chance(0.5) ? 'EXTENDED' : 'EXPIRED_WITHOUT_DEPARTURE',
            departedOn: departed ? daysAfter(enteredOn, rng.int(1, Math.max(1, (Date.parse(stayUntil) - Date.parse(enteredOn)) / 86_400_000))) : null,
          };
        });
        return { foreignerStayRegistrations: newestFirst(stays, (s) => s.enteredOn) };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'foreignerStayRegistrations { registrationNumber purpose enteredOn stayUntil status hostPerson { iin } hostLegalEntity { bin } }',
  },
});
