import { defineService } from '../../src/define.ts';
import type { OwnerKey, VehicleRecord, World } from '@negiz/mocks/model.ts';

/**
 * The owner is served by this same service (its vehicles), so it travels with the vehicle; the owner's vehicles
 * are listed one level deep and their own owner is left out, because ownership points back at itself.
 */
function registration(vehicle: VehicleRecord, world: World, withOwner: boolean): Record<string, unknown> {
  const region = ownerRegion(vehicle.owner, world);
  const r = world.rng('s05', vehicle.vin);
  const owner = withOwner ? { ...vehicle.owner, vehicles: world.vehiclesOf(vehicle.owner).map((v) => registration(v, world, false)) } : null;
  return {
    vin: vehicle.vin,
    plate: vehicle.plate,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    colour: vehicle.colour,
    category: vehicle.category,
    engineVolumeCc: vehicle.engineVolumeCc,
    registeredOn: vehicle.registeredOn,
    registrationCertificateNumber: vehicle.certificateNumber,
    registrationDivision: region ? `Specialised public service centre No. ${r.int(1, 9)}, ${region}` : 'Specialised public service centre',
    ownerIin: 'iin' in vehicle.owner ? vehicle.owner.iin : null,
    ownerBin: 'bin' in vehicle.owner ? vehicle.owner.bin : null,
    ownerPerson: owner && 'iin' in vehicle.owner ? owner : null,
    ownerLegalEntity: owner && 'bin' in vehicle.owner ? owner : null,
  };
}

function ownerRegion(owner: OwnerKey, world: World): string | undefined {
  return 'iin' in owner ? world.person(owner.iin)?.address.region : world.legalEntity(owner.bin)?.address.region;
}

function vehiclesOf(owner: OwnerKey, world: World) {
  const vehicles = world.vehiclesOf(owner);
  return vehicles.length ? { vehicles: vehicles.map((v) => registration(v, world, true)) } : null;
}

function byVin(vin: string, world: World) {
  const vehicle = world.vehicle(vin);
  return vehicle ? registration(vehicle, world, true) : null;
}

export default defineService({
  number: 5,
  typeDefs: /* GraphQL */ `
    "Category of a registered motor vehicle (as in the registration certificate)."
    enum VehicleCategory {
      "Motorcycles."
      A
      "Passenger cars up to 3.5 t."
      B
      "Lorries over 3.5 t."
      C
      "Buses."
      D
      "Category B with a trailer."
      BE
      "Category C with a trailer."
      CE
    }

    "A motor vehicle registered by the police (service 5, the vehicles database); identified by its VIN."
    type Vehicle @key(fields: "vin") {
      "Vehicle identification number (17 characters)."
      vin: String!
      "State registration plate."
      plate: String!
      "Make."
      make: String!
      "Model."
      model: String!
      "Year of manufacture."
      year: Int!
      "Colour as recorded in the registration certificate."
      colour: String!
      "Vehicle category."
      category: VehicleCategory!
      "Engine displacement, cubic centimetres."
      engineVolumeCc: Int!
      "Date of the current registration."
      registeredOn: Date!
      "Number of the registration certificate (tekhpasport)."
      registrationCertificateNumber: String!
      "Registration division that registered the vehicle."
      registrationDivision: String!
      "IIN of the owner, when a natural person."
      ownerIin: IIN
      "BIN of the owner, when a legal entity."
      ownerBin: BIN
      "The owner, when a natural person (present one level deep from the query root)."
      ownerPerson: Person
      "The owner, when a legal entity (present one level deep from the query root)."
      ownerLegalEntity: LegalEntity
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Motor vehicles registered to the person (service 5)."
      vehicles: [Vehicle!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Motor vehicles registered to the legal entity (service 5)."
      vehicles: [Vehicle!]!
    }

    type Query {
      "A registered vehicle by VIN (service 5); null when none is registered."
      vehicle(vin: String!): Vehicle
      "A registered vehicle by its state registration plate (service 5); null when none carries it."
      vehicleByPlate(plate: String!): Vehicle
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => vehiclesOf({ iin }, world),
      LegalEntity: (bin, world) => vehiclesOf({ bin }, world),
      Vehicle: byVin,
    },
    queries: {
      vehicle: (args, world) => byVin(String(args.vin), world),
      vehicleByPlate: (args, world) => {
        const vehicle = world.vehicleByPlate(String(args.plate));
        return vehicle ? registration(vehicle, world, true) : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'vehicles { vin plate make model year colour registeredOn }' },
});
