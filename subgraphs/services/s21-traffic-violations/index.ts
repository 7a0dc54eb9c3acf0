import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, earlier, later, recordSpan, sortedDates } from '../_shared/record-dates.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';

/** Articles of the Code of Administrative Offences on road traffic, with the fine in monthly calculation indices. */
const OFFENCES = [
  { article: '592 part 1', description: 'Exceeding the speed limit by 10 to 20 km/h', mrp: 5, camera: true },
  { article: '592 part 2', description: 'Exceeding the speed limit by 20 to 40 km/h', mrp: 10, camera: true },
  { article: '592 part 3', description: 'Exceeding the speed limit by more than 40 km/h', mrp: 20, camera: true },
  { article: '596 part 1', description: 'Driving through a prohibiting traffic light', mrp: 10, camera: true },
  { article: '597 part 1', description: 'Violation of the rules of stopping or parking', mrp: 5, camera: true },
  { article: '595 part 1', description: 'Driving without a fastened seat belt', mrp: 3, camera: false },
  { article: '590 part 1', description: 'Driving a vehicle not passed through technical inspection', mrp: 5, camera: false },
  { article: '594 part 3', description: 'Driving onto the lane of oncoming traffic', mrp: 20, camera: true },
  { article: '608 part 1', description: 'Driving in a state of intoxication', mrp: 0, camera: false },
] as const;

/** The person's violations, newest first (service 29 deprives the licences of drunk drivers accordingly). */
export function violations(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  if (!person || !span) return null;
  const r = world.rng('s21', iin);
  const plates = world.vehiclesOf({ iin }).map((v) => ({ plate: v.plate, since: v.registeredOn }));
  if (!r.chance(plates.length ? 0.6 : 0.1)) return null;
  const rows = sortedDates(r, r.int(1, plates.length ? 7 : 2), later(span.from, plates[0]?.since ?? span.from), span.to)
    .reverse()
    .map((on) => {
      // Drunk driving is rare next to speeding and parking.
      const offence = r.chance(0.015) ? OFFENCES[8] : r.pick(OFFENCES.slice(0, 8));
      const drunk = offence.article.startsWith('608');
      // Automatic cameras (Sergek and others) record violations since 2016.
      const camera = offence.camera && on >= '2016-01-01' && r.chance(0.7);
      const decisionOn = camera ? on : earlier(addDays(on, r.int(0, 10)), span.to);
      const paidLate = addDays(decisionOn, r.int(8, 60));
      const status = drunk
        ? 'EXECUTED'
        : r.chance(0.05)
          ? 'CANCELLED'
          : paidLate > span.to && r.chance(0.5)
            ? 'UNPAID'
            : r.pick(['PAID_WITH_DISCOUNT', 'PAID_WITH_DISCOUNT', 'PAID', 'UNPAID'] as const);
      return {
        protocolNumber: `${camera ? 'SERGEK' : 'AP'}-${on.slice(0, 4)}-${r.digits(8)}`,
        committedAt: `${on}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+05:00`,
        adminCodeArticle: offence.article,
        description: offence.description,
        place: `${person.address.city}, ${r.pick(['Al-Farabi ave', 'Abay ave', 'Tole bi st', 'Raiymbek ave', 'Kabanbay batyr ave', 'Republic highway A-2', 'Turan ave'])}`,
        vehiclePlate: plates.length ? r.pick(plates).plate : `${r.digits(3)}${r.pick(['ABC', 'KZA', 'BDE', 'HKA'])}${r.digits(2)}`,
        detection: camera ? 'AUTOMATIC_CAMERA' : 'PATROL_POLICE',
        penalty: drunk ? 'LICENCE_DEPRIVATION' : 'FINE',
        fineKzt: drunk ? null : offence.mrp * monthlyIndexOn(decisionOn),
        decisionOn,
        status,
      };
    });
  return { trafficViolations: rows };
}

export default defineService({
  number: 21,
  typeDefs: /* GraphQL */ `
    "How the violation was detected."
    enum TrafficViolationDetection {
      "Automatic photo and video recording (Sergek and similar cameras)."
      AUTOMATIC_CAMERA
      PATROL_POLICE
    }

    "Administrative penalty imposed."
    enum TrafficViolationPenalty {
      FINE
      WARNING
      "Deprivation of the right to drive."
      LICENCE_DEPRIVATION
    }

    "Execution of the penalty."
    enum TrafficPenaltyStatus {
      "Fine paid in full."
      PAID
      "Fine paid at half within seven days of the decision."
      PAID_WITH_DISCOUNT
      UNPAID
      "Decision cancelled on appeal."
      CANCELLED
      "Non-monetary penalty executed."
      EXECUTED
    }

    "A road traffic rule violation recorded against the person (service 21)."
    type TrafficViolation {
      "Number of the protocol or of the camera record."
      protocolNumber: String!
      "When the violation was committed."
      committedAt: DateTime!
      "Article of the Code of Administrative Offences."
      adminCodeArticle: String!
      "Description of the violation."
      description: String!
      "Place."
      place: String!
      "Registration plate of the vehicle driven."
      vehiclePlate: String!
      "How it was detected."
      detection: TrafficViolationDetection!
      "Penalty imposed."
      penalty: TrafficViolationPenalty!
      "Amount of the fine, KZT."
      fineKzt: Float
      "Date of the decision imposing the penalty."
      decisionOn: Date!
      "Execution of the penalty."
      status: TrafficPenaltyStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Traffic rule violations, newest first (service 21)."
      trafficViolations: [TrafficViolation!]!
    }
  `,
  mock: { entities: { Person: violations } },
  example: { entity: 'Person', selection: 'trafficViolations { committedAt adminCodeArticle description vehiclePlate fineKzt status }' },
});
