import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { recordSpan } from '../_shared/record-dates.ts';

const BODIES = [
  'Ministry of Internal Affairs',
  'Ministry of Finance',
  'Ministry of Justice',
  'Ministry of Education',
  'Ministry of Health',
  'State Revenue Committee',
  'Akimat of Almaty',
  'Akimat of Astana',
  'Akimat of Karaganda Region',
  'Akimat of Turkestan Region',
  'Agency for Civil Service Affairs',
  'Supreme Court',
  'Ministry of Agriculture',
  'Ministry of Labour and Social Protection of the Population',
  'Agency for Strategic Planning and Reforms',
];
const POSITIONS: Array<[position: string, category: string]> = [
  ['Chief Specialist', 'C-4'],
  ['Leading Specialist', 'C-5'],
  ['Head of Division', 'C-3'],
  ['Deputy Head of Department', 'C-2'],
  ['Head of Department', 'B-1'],
  ['Expert', 'B-5'],
  ['Chief Expert', 'B-4'],
  ['Deputy Director of Department', 'B-3'],
  ['Director of Department', 'B-2'],
  ['Deputy Akim of District', 'E-2'],
  ['Head of Akim Office', 'D-3'],
];
const LEAVING_REASONS = [
  'Transfer to another post',
  'Own request',
  'Reorganisation of the state body',
  'Reaching retirement age',
  'Disciplinary dismissal',
  'Negative attestation result',
];
const PENALTIES = ['REMARK', 'REPRIMAND', 'SEVERE_REPRIMAND', 'WARNING_OF_INCOMPLETE_COMPLIANCE', 'DEMOTION'] as const;

export default defineService({
  number: 65,
  typeDefs: /* GraphQL */ `
    "Corps of the civil service (Law on Civil Service)."
    enum CivilServiceCorps {
      "Political civil servants."
      POLITICAL
      "Administrative civil servants of corps A (executive posts selected by special procedure)."
      ADMINISTRATIVE_A
      "Administrative civil servants of corps B."
      ADMINISTRATIVE_B
    }

    "Current state of the person in the civil service."
    enum CivilServiceStatus {
      SERVING
      ON_PARENTAL_LEAVE
      SUSPENDED
      LEFT_SERVICE
    }

    "Kind of disciplinary penalty imposed on a civil servant."
    enum CivilServicePenaltyKind {
      REMARK
      REPRIMAND
      SEVERE_REPRIMAND
      WARNING_OF_INCOMPLETE_COMPLIANCE
      DEMOTION
    }

    "An appointment to a post in a state body, from the personnel order."
    type CivilServiceAppointment {
      "State body."
      bodyName: String!
      "Post."
      position: String!
      "Category of the post in the register of civil service posts (e.g. B-4, C-3)."
      category: String!
      "Number of the appointment order."
      appointmentOrderNumber: String!
      "Date of appointment."
      appointedOn: Date!
      "Date the person left the post, if they did."
      leftOn: Date
      "Why the person left the post."
      leavingReason: String
    }

    "A disciplinary penalty from the personnel record."
    type CivilServicePenalty {
      kind: CivilServicePenaltyKind!
      "Date of the order imposing the penalty."
      imposedOn: Date!
      "Number of the order."
      orderNumber: String!
      "Date the penalty was lifted or expired, if it was."
      liftedOn: Date
    }

    "The personnel record of a civil servant in the integrated civil-service personnel information system (e-Kyzmet)."
    type CivilServicePersonnelRecord {
      "Personnel number."
      personnelNumber: String!
      status: CivilServiceStatus!
      corps: CivilServiceCorps!
      "Class rank (1 to 15)."
      classRank: Int
      "Date of entry into the civil service."
      serviceStartedOn: Date!
      "Total length of civil service, in full years, as of the last record update."
      serviceYears: Int!
      "Date of the last attestation."
      lastAttestationOn: Date
      "Appointments, newest first."
      appointments: [CivilServiceAppointment!]!
      "Disciplinary penalties, newest first."
      penalties: [CivilServicePenalty!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Personnel record of the person as a civil servant (service 65), if they serve or served."
      civilServicePersonnelRecord: CivilServicePersonnelRecord
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 21);
        if (!person || !window || person.citizenship !== 'KAZ') return null;
        const rng = world.rng('s65', iin);
        if (!rng.chance(0.09)) return null;
        const serviceStartedOn = rng.date(window.from, window.to);
        const appointments = [];
        let appointedOn = serviceStartedOn;
        let leftService = false;
        for (let i = rng.int(1, 4); i > 0; i--) {
          const bodyName = rng.pick(BODIES);
          // Akim's office posts exist only in akimats.
          const [position, category] = rng.pick(POSITIONS.filter(([name]) => bodyName.startsWith('Akimat') || !/Akim/.test(name)));
          let leftOn: string | null = i === 1 ? (rng.chance(0.2) ? rng.date(appointedOn, window.to) : null) : daysAfter(appointedOn, rng.int(300, 1800));
          if (i > 1 && leftOn! >= window.to) leftOn = null; // still in this post
          const finalPost = i === 1 || !leftOn;
          appointments.push({
            bodyName,
            position,
            category,
            appointmentOrderNumber: `${rng.int(1, 999)}-${rng.pick(['к', 'лс'])}`,
            appointedOn,
            leftOn,
            leavingReason: leftOn ? (finalPost ? rng.pick(LEAVING_REASONS.slice(1)) : LEAVING_REASONS[0]!) : null,
          });
          if (!leftOn) break;
          if (finalPost) {
            leftService = true;
            break;
          }
          appointedOn = daysAfter(leftOn, 1);
        }
        const end = leftService ? appointments.at(-1)!.leftOn! : window.to;
        const serviceYears = Math.floor((Date.parse(end) - Date.parse(serviceStartedOn)) / (365.25 * 86_400_000));
        const penalties = rng.chance(0.15)
          ? [
              (() => {
                const imposedOn = rng.date(serviceStartedOn, end);
                return {
                  kind: rng.pick(PENALTIES),
                  imposedOn,
                  orderNumber: `${rng.int(1, 999)}-дв`,
                  liftedOn: rng.chance(0.7) ? daysAfter(imposedOn, 180) : null,
                };
              })(),
            ]
          : [];
        return {
          civilServicePersonnelRecord: {
            personnelNumber: rng.digits(8),
            status: leftService ? 'LEFT_SERVICE' : rng.chance(0.05) ? 'ON_PARENTAL_LEAVE' : rng.chance(0.02) ? 'SUSPENDED' : 'SERVING',
            corps: rng.chance(0.03) ? 'POLITICAL' : rng.chance(0.1) ? 'ADMINISTRATIVE_A' : 'ADMINISTRATIVE_B',
            classRank: rng.chance(0.9) ? rng.int(5, 15) : null,
            serviceStartedOn,
            serviceYears,
            lastAttestationOn: serviceYears >= 3 ? rng.date(serviceStartedOn, end) : null,
            appointments: newestFirst(appointments, (a) => a.appointedOn),
            penalties,
          },
        };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'civilServicePersonnelRecord { personnelNumber status corps serviceStartedOn appointments { bodyName position category appointedOn leftOn } }',
  },
});
