import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addDays, later, RECORDS_FROM } from '../_shared/record-dates.ts';

/** Where imported cars of each make usually come from; Lada arrives from Russia inside the Eurasian Economic Union. */
const ORIGIN_OF_MAKE: Record<string, readonly string[]> = {
  Toyota: ['JPN', 'ARE', 'USA'],
  Lexus: ['JPN', 'ARE', 'USA'],
  Nissan: ['JPN', 'ARE'],
  Honda: ['JPN', 'USA'],
  Mitsubishi: ['JPN', 'ARE'],
  Hyundai: ['KOR'],
  Kia: ['KOR'],
  Chery: ['CHN'],
  Haval: ['CHN'],
  Audi: ['DEU', 'LTU'],
  Volkswagen: ['DEU', 'LTU', 'GEO'],
  Mercedes: ['DEU'],
  Lada: ['RUS'],
  Chevrolet: ['UZB'],
  Yamaha: ['JPN'],
};
/** Makes assembled in Kazakhstan (Kostanay, Almaty) mostly never crossed a customs border. */
const ASSEMBLED_LOCALLY = new Set(['Hyundai', 'Kia', 'Chevrolet', 'Chery', 'Haval', 'Lada']);
const EAEU = new Set(['RUS', 'KGZ', 'ARM', 'BLR']);
const POSTS = [
  'Customs post "Almaty - vehicles"',
  'Customs post "Astana - Centre of customs clearance"',
  'Customs post "Shymkent"',
  'Customs post "Aktau - seaport"',
  'Customs post "Oral"',
];

/**
 * Declarations for the person's imported vehicles: a vehicle is cleared by customs shortly before its first
 * registration in Kazakhstan (service 5), so the declaration precedes `registeredOn`.
 */
function declarations(iin: string, world: World) {
  const person = world.person(iin);
  if (!person) return null;
  const list = world.vehiclesOf({ iin }).flatMap((vehicle) => {
    const r = world.rng('s45', vehicle.vin);
    // About half the fleet is imported new or second-hand; locally assembled makes far less often.
    if (!r.chance(ASSEMBLED_LOCALLY.has(vehicle.make) ? 0.15 : 0.6)) return [];
    const declaredOn = addDays(vehicle.registeredOn, -r.int(2, 30));
    // The customs base starts in 2000; a vehicle registered before it (or before its owner was born) has no declaration here.
    if (declaredOn < later(RECORDS_FROM, person.birthDate)) return [];
    const customsValueKzt = r.int(20, 250) * 100_000;
    const countryOfDispatch = r.pick(ORIGIN_OF_MAKE[vehicle.make] ?? ['DEU', 'JPN', 'KOR', 'USA', 'ARE']);
    const eaeu = EAEU.has(countryOfDispatch);
    return [
      {
        declarationNumber: `55${r.digits(3)}/${declaredOn.slice(8, 10)}${declaredOn.slice(5, 7)}${declaredOn.slice(2, 4)}/${r.digits(7)}`,
        vehicle: { vin: vehicle.vin },
        vin: vehicle.vin,
        declaredMakeModel: `${vehicle.make} ${vehicle.model}`,
        manufactureYear: vehicle.year,
        countryOfDispatch,
        procedure: eaeu ? 'EAEU_GOODS_REGISTRATION' : 'RELEASE_FOR_DOMESTIC_CONSUMPTION',
        customsPost: r.pick(POSTS),
        declaredOn,
        customsValueKzt,
        dutiesAndTaxesKzt: eaeu ? 0 : Math.round(customsValueKzt * 0.27),
        recyclingFeeKzt: r.pick([200_000, 600_000, 1_200_000, 2_000_000]),
        status: r.chance(0.97) ? 'RELEASED' : 'ANNULLED',
      },
    ];
  });
  return list.length ? { vehicleCustomsDeclarations: newestFirst(list, (d) => d.declaredOn) } : null;
}

export default defineService({
  number: 45,
  typeDefs: /* GraphQL */ `
    "Customs procedure under which the vehicle was declared."
    enum VehicleCustomsProcedure {
      "Release for domestic consumption (import from outside the Eurasian Economic Union)."
      RELEASE_FOR_DOMESTIC_CONSUMPTION
      "Registration of a vehicle imported from another member state of the Eurasian Economic Union."
      EAEU_GOODS_REGISTRATION
      TEMPORARY_IMPORT
    }

    "State of a vehicle declaration."
    enum VehicleCustomsDeclarationStatus {
      "Goods released; the vehicle may be registered."
      RELEASED
      "Declaration annulled (withdrawn or refused)."
      ANNULLED
    }

    "A customs declaration for a vehicle (passenger customs declaration or vehicle declaration) filed by the person."
    type VehicleCustomsDeclaration {
      "Registration number: customs post / date (DDMMYY) / sequence."
      declarationNumber: String!
      "The declared vehicle."
      vehicle: Vehicle!
      "VIN as declared."
      vin: String!
      "Make and model as declared."
      declaredMakeModel: String!
      "Year of manufacture as declared."
      manufactureYear: Int!
      "Country the vehicle was dispatched from, ISO 3166 alpha-3."
      countryOfDispatch: String!
      "Customs procedure the vehicle was declared under."
      procedure: VehicleCustomsProcedure!
      "Customs post that registered the declaration."
      customsPost: String!
      "Date the declaration was registered."
      declaredOn: Date!
      "Customs value, KZT."
      customsValueKzt: Float!
      "Customs duties, VAT and excise paid, KZT."
      dutiesAndTaxesKzt: Float!
      "Recycling fee (utilisation fee) paid, KZT."
      recyclingFeeKzt: Float!
      "State of the declaration."
      status: VehicleCustomsDeclarationStatus!
    }

    type Vehicle @key(fields: "vin", resolvable: false) {
      vin: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Customs declarations for the person's imported vehicles (service 45), newest first."
      vehicleCustomsDeclarations: [VehicleCustomsDeclaration!]!
    }

    type Query {
      "Customs declarations of the vehicle with this VIN (service 45); empty when it was never declared by a person."
      vehicleCustomsDeclarationsByVin(vin: String!): [VehicleCustomsDeclaration!]!
    }
  `,
  mock: {
    entities: { Person: declarations },
    queries: {
      vehicleCustomsDeclarationsByVin: ({ vin }, world) => {
        const owner = world.vehicle(String(vin))?.owner;
        const list = owner && 'iin' in owner ? (declarations(owner.iin, world)?.vehicleCustomsDeclarations ?? []) : [];
        return list.filter((d) => d.vin === vin);
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'vehicleCustomsDeclarations { declarationNumber vin declaredMakeModel countryOfDispatch declaredOn customsValueKzt }',
  },
});
