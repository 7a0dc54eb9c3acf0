import { defineService } from '../../src/define.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_FROM, recordSpan } from '../_shared/record-dates.ts';

const RANKS = ['Private', 'Corporal', 'Sergeant', 'Senior Sergeant', 'Lieutenant', 'Senior Lieutenant', 'Captain', 'Major'];
const SPECIALTIES: Array<[code: string, name: string]> = [
  ['100182', 'Motorised rifleman'],
  ['837037', 'Driver of wheeled vehicles'],
  ['106646', 'Communications operator'],
  ['113194', 'Artilleryman'],
  ['901001', 'Military medic'],
  ['420400', 'Aircraft maintenance technician'],
];
const UNFIT_REASONS = ['Health (category D)', 'Sole breadwinner of the family', 'Criminal record'];

export default defineService({
  number: 89,
  typeDefs: /* GraphQL */ `
    "Category of the person on the military register."
    enum MilitaryRegisterCategory {
      "A conscript (citizen of conscription age, 18-27, not yet served)."
      CONSCRIPT
      "Liable for military service: in the reserve after service or training."
      RESERVIST
      "Exempt from conscription (health, family circumstances, other grounds)."
      EXEMPT
      "Removed from the register (age limit, health, emigration, death)."
      REMOVED
    }

    "Fitness for military service by the military medical commission."
    enum MilitaryFitnessCategory {
      "Fit."
      A
      "Fit with minor restrictions."
      B
      "Limited fitness."
      V
      "Temporarily unfit."
      G
      "Unfit."
      D
    }

    "A deferment of conscription."
    type MilitaryDeferment {
      "Ground of the deferment (studies, family circumstances, health)."
      ground: String!
      "Date the deferment was granted."
      grantedOn: Date!
      "Date the deferment ends."
      until: Date!
    }

    "The person's record on the military register kept by the local defence affairs department."
    type MilitaryRegistration {
      category: MilitaryRegisterCategory!
      "Local defence affairs department where the person is registered."
      defenceAffairsDepartment: String!
      "Date the person was first registered (at 17, on assignment to the conscription precinct)."
      registeredOn: Date!
      fitnessCategory: MilitaryFitnessCategory!
      "Military rank."
      rank: String
      "Military registration specialty code and name."
      specialty: String
      "Number of the military ID."
      militaryIdNumber: String
      "Start of compulsory (or contract) service, if served."
      servedFrom: Date
      "End of service, if served."
      servedUntil: Date
      "Ground of exemption or removal from the register."
      exemptionGround: String
      "Deferments granted."
      deferments: [MilitaryDeferment!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "The person's record on the military register (service 89), for those liable for military service and conscripts."
      militaryRegistration: MilitaryRegistration
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 17);
        if (!person || !window || person.citizenship !== 'KAZ') return null;
        const rng = world.rng('s89', iin);
        // Women are registered only with a military specialty (mostly medics).
        if (person.sex === 'FEMALE' && !rng.chance(0.03)) return null;
        if (person.sex === 'MALE' && !rng.chance(0.9)) return null;
        const registeredOn = window.from;
        const ageNow = Number(window.to.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
        const fitnessCategory = rng.chance(0.75) ? 'A' : rng.pick(['B', 'V', 'G', 'D'] as const);
        const unfit = fitnessCategory === 'D' || (rng.chance(0.08) && fitnessCategory !== 'A');
        const served = !unfit && (person.sex === 'FEMALE' || rng.chance(0.45)) && ageNow >= 19;
        const enlisted = served ? shiftDate(person.birthDate, { years: rng.int(18, 24), months: rng.int(0, 11) }) : null;
        // The register's electronic history starts in 2000; earlier service is known only by the rank.
        const servedFrom = enlisted && enlisted >= RECORDS_FROM && enlisted <= window.to ? enlisted : null;
        const servedUntil = servedFrom ? shiftDate(servedFrom, { months: 12 }) : null;
        const studied = !served && ageNow >= 18 && shiftDate(person.birthDate, { years: 18 }) >= RECORDS_FROM && rng.chance(0.4);
        const deferments = studied
          ? [
              {
                ground: 'Full-time study at a university',
                grantedOn: shiftDate(person.birthDate, { years: 18, months: 2 }),
                until: shiftDate(person.birthDate, { years: 22, months: 9 }),
              },
            ]
          : [];
        const [code, specialtyName] = rng.pick(person.sex === 'FEMALE' ? SPECIALTIES.filter((s) => s[1] === 'Military medic') : SPECIALTIES);
        const tooOld = ageNow > 50;
        const category = tooOld ? 'REMOVED' : unfit ? 'EXEMPT' : served || ageNow > 27 ? 'RESERVIST' : 'CONSCRIPT';
        return {
          militaryRegistration: {
            category,
            defenceAffairsDepartment: `Department of Defence Affairs of ${person.address.city}`,
            registeredOn,
            fitnessCategory,
            rank: served ? rng.pick(RANKS.slice(0, served && rng.chance(0.1) ? RANKS.length : 4)) : category === 'RESERVIST' ? 'Private' : null,
            specialty: served || person.sex === 'FEMALE' ? `${code} ${specialtyName}` : null,
            militaryIdNumber: category === 'CONSCRIPT' ? null : rng.digits(7),
            servedFrom,
            servedUntil,
            exemptionGround: tooOld ? 'Reached the age limit for the reserve' : unfit ? rng.pick(UNFIT_REASONS) : null,
            deferments,
          },
        };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'militaryRegistration { category defenceAffairsDepartment fitnessCategory rank specialty servedFrom servedUntil deferments { ground until } }',
  },
});
