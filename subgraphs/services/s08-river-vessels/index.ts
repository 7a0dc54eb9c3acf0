import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { dateWithin, legalEntitySpan, recordSpan } from '../_shared/record-dates.ts';

const KINDS = ['MOTOR_BOAT', 'MOTOR_BOAT', 'ROWING_BOAT', 'PERSONAL_WATERCRAFT', 'SAILING_YACHT', 'RIVER_BARGE', 'PASSENGER_BOAT'] as const;
const MAKES: Record<(typeof KINDS)[number], string[]> = {
  MOTOR_BOAT: ['Kazanka-5M4', 'Progress-4', 'Yamaha 330', 'Bester 480', 'Tuna 430'],
  ROWING_BOAT: ['Ob-M', 'Romantika', 'Flinc 300'],
  PERSONAL_WATERCRAFT: ['Sea-Doo GTI 130', 'Yamaha VX Cruiser', 'Kawasaki Ultra 310'],
  SAILING_YACHT: ['Bavaria 34', 'Beneteau Oceanis 35', 'Jeanneau Sun Odyssey 349'],
  RIVER_BARGE: ['Project 16801 barge', 'Project R-56 barge'],
  PASSENGER_BOAT: ['Moskva-2', 'Project 14 launch'],
};
const BASINS = ['Irtysh', 'Ili', 'Ural', 'Syr Darya', 'Lake Balkhash', 'Kapshagay reservoir', 'Bukhtarma reservoir', 'Ishim'];

function vessels(owner: 'person' | 'entity', key: string, span: { from: string; to: string }, world: World) {
  const r = world.rng('s08', key);
  if (!r.chance(owner === 'entity' ? 0.03 : 0.03)) return null;
  return Array.from({ length: r.chance(0.85) ? 1 : 2 }, () => {
    const kind = owner === 'person' ? r.pick(KINDS.slice(0, 5)) : r.pick(KINDS);
    const registeredOn = dateWithin(r, span.from, span.to);
    const big = kind === 'RIVER_BARGE' || kind === 'PASSENGER_BOAT';
    return {
      registrationNumber: `${r.pick(['R', 'P', 'U', 'S'])}${r.digits(4)}${r.pick(['KA', 'KP', 'KS', 'KU'])}`,
      name: r.chance(0.4) || big ? r.pick(['Altai', 'Irtysh', 'Samal', 'Aisulu', 'Bereke', 'Zhuldyz', 'Volna']) : null,
      kind,
      makeAndModel: r.pick(MAKES[kind]),
      hullNumber: r.digits(6),
      builtYear: r.int(1980, Number(registeredOn.slice(0, 4))),
      lengthM: big ? r.int(20, 60) : Math.round((3 + r.next() * (kind === 'SAILING_YACHT' ? 9 : 4)) * 10) / 10,
      enginePowerKw: kind === 'ROWING_BOAT' ? null : r.int(7, big ? 600 : 220),
      basin: r.pick(BASINS),
      registeredOn,
      shipTicketNumber: `ST ${r.digits(7)}`,
    };
  });
}

export default defineService({
  number: 8,
  typeDefs: /* GraphQL */ `
    "Type of a small-size or river vessel."
    enum SmallVesselKind {
      MOTOR_BOAT
      ROWING_BOAT
      "Jet ski."
      PERSONAL_WATERCRAFT
      SAILING_YACHT
      RIVER_BARGE
      PASSENGER_BOAT
    }

    "A small-size or inland-waterway vessel registered in the state ship register of small vessels (service 8)."
    type SmallVessel {
      "Registration (board) number."
      registrationNumber: String!
      "Vessel name, when it has one."
      name: String
      "Type of vessel."
      kind: SmallVesselKind!
      "Make and model (or project) of the vessel."
      makeAndModel: String!
      "Hull number."
      hullNumber: String!
      "Year built."
      builtYear: Int!
      "Length overall, metres."
      lengthM: Float!
      "Total engine power, kW (none for rowing boats)."
      enginePowerKw: Int
      "Water basin of registration."
      basin: String!
      "Date of registration to the subject."
      registeredOn: Date!
      "Number of the ship ticket (registration certificate)."
      shipTicketNumber: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Small-size and river vessels registered to the person (service 8)."
      smallVessels: [SmallVessel!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Small-size and river vessels registered to the legal entity (service 8)."
      smallVessels: [SmallVessel!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        const smallVessels = span && vessels('person', iin, span, world);
        return smallVessels ? { smallVessels } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const smallVessels = entity && vessels('entity', bin, legalEntitySpan(entity), world);
        return smallVessels ? { smallVessels } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'smallVessels { registrationNumber kind makeAndModel builtYear basin registeredOn }' },
});
