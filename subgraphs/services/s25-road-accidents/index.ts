import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { recordSpan, sortedDates } from '../_shared/record-dates.ts';

const KINDS = ['COLLISION', 'COLLISION', 'COLLISION', 'PEDESTRIAN_HIT', 'OBSTACLE_HIT', 'ROLLOVER', 'CYCLIST_HIT'] as const;
const ROADS = [
  'Almaty - Kapshagay highway, km 38',
  'Astana - Karaganda highway, km 112',
  'Al-Farabi ave / Dostyk ave',
  'Tole bi st / Auezov st',
  'Shymkent - Tashkent highway, km 12',
  'Kabanbay batyr ave / Turan ave',
];

function accidents(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person);
  if (!person || !span) return null;
  const r = world.rng('s25', iin);
  const vehicles = world.vehiclesOf({ iin });
  if (!r.chance(vehicles.length ? 0.15 : 0.04)) return null;
  const rows = sortedDates(r, r.chance(0.85) ? 1 : 2, span.from, span.to)
    .reverse()
    .map((on) => {
      const kind = r.pick(KINDS);
      const age = Number(on.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
      const participation =
        age < 18
          ? r.pick(['PASSENGER', 'PEDESTRIAN'] as const)
          : vehicles.length && r.chance(0.8)
            ? 'DRIVER'
            : kind === 'PEDESTRIAN_HIT'
              ? 'PEDESTRIAN'
              : r.pick(['DRIVER', 'PASSENGER'] as const);
      const vehicle = participation === 'DRIVER' && vehicles.length ? r.pick(vehicles) : undefined;
      const injured = r.chance(0.55) ? r.int(1, 4) : 0;
      const killed = r.chance(0.06) ? r.int(1, 2) : 0;
      return {
        accidentNumber: `DTP-${on.slice(0, 4)}-${r.digits(7)}`,
        occurredAt: `${on}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+05:00`,
        place: `${person.address.region}, ${r.pick(ROADS)}`,
        kind,
        participation,
        vehiclePlate: vehicle?.plate ?? (participation === 'DRIVER' ? `${r.digits(3)}${r.pick(['AAB', 'KZC', 'BDA'])}${r.digits(2)}` : null),
        culpable: participation === 'DRIVER' ? r.chance(0.5) : false,
        injuredCount: injured,
        killedCount: killed,
        personInjured: killed === 0 && injured > 0 && r.chance(0.4),
        registeredBy: `Road police department, ${person.address.region}`,
      };
    });
  return { roadAccidents: rows };
}

export default defineService({
  number: 25,
  typeDefs: /* GraphQL */ `
    "Type of road traffic accident, by the police classifier."
    enum RoadAccidentKind {
      COLLISION
      PEDESTRIAN_HIT
      "Hitting a stationary obstacle."
      OBSTACLE_HIT
      ROLLOVER
      CYCLIST_HIT
    }

    "The person's part in the accident."
    enum RoadAccidentParticipation {
      DRIVER
      PASSENGER
      PEDESTRIAN
    }

    "A road traffic accident registered by the police in which the person took part (service 25)."
    type RoadAccident {
      "Accident number in the register."
      accidentNumber: String!
      "When it happened."
      occurredAt: DateTime!
      "Where it happened."
      place: String!
      "Type of accident."
      kind: RoadAccidentKind!
      "The person's part."
      participation: RoadAccidentParticipation!
      "Plate of the vehicle the person drove."
      vehiclePlate: String
      "Whether the person was found at fault."
      culpable: Boolean!
      "Number of persons injured."
      injuredCount: Int!
      "Number of persons killed."
      killedCount: Int!
      "Whether the person was among the injured."
      personInjured: Boolean!
      "Police unit that registered the accident."
      registeredBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Road traffic accidents the person took part in, newest first (service 25)."
      roadAccidents: [RoadAccident!]!
    }
  `,
  mock: { entities: { Person: accidents } },
  example: { entity: 'Person', selection: 'roadAccidents { occurredAt place kind participation culpable injuredCount }' },
});
