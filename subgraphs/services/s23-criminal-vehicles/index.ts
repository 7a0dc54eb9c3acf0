import { defineService } from '../../src/define.ts';
import type { VehicleRecord, World } from '@negiz/mocks/model.ts';
import { addDays, dateWithin, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { pretrialRegisterNumber } from '../_shared/criminal-code.ts';

/** Exactly the vehicles the world marks as stolen are wanted here (service 86 agrees). */
function wanted(vehicle: VehicleRecord | undefined, world: World) {
  if (!vehicle?.stolen) return null;
  const r = world.rng('s23', vehicle.vin);
  const wantedSince = dateWithin(r, vehicle.registeredOn, RECORDS_UNTIL);
  const region = 'iin' in vehicle.owner ? world.person(vehicle.owner.iin)?.address.region : world.legalEntity(vehicle.owner.bin)?.address.region;
  return {
    vin: vehicle.vin,
    criminalVehicleRecord: {
      searchCaseNumber: `RD-${wantedSince.slice(0, 4)}-${r.digits(6)}`,
      pretrialRegisterNumber: pretrialRegisterNumber(wantedSince.slice(0, 4), r.digits(4), r.digits(9)),
      reason: r.pick(['THEFT', 'THEFT', 'THEFT', 'ROBBERY', 'FRAUD', 'UNLAWFUL_TAKING'] as const),
      plateAtLoss: vehicle.plate,
      lostOn: addDays(wantedSince, -r.int(0, 3)),
      wantedSince,
      initiator: `Police department of ${region ?? 'the region'}`,
      searchRegion: r.chance(0.7) ? 'Republic of Kazakhstan' : 'Republic of Kazakhstan and CIS countries',
      status: 'WANTED',
    },
  };
}

export default defineService({
  number: 23,
  typeDefs: /* GraphQL */ `
    "Why the vehicle is wanted."
    enum CriminalVehicleReason {
      THEFT
      ROBBERY
      "Taken by fraud."
      FRAUD
      "Unlawful taking without intent to steal."
      UNLAWFUL_TAKING
    }

    "State of the search."
    enum CriminalVehicleSearchStatus {
      WANTED
      FOUND
    }

    "A record of the criminal vehicles database: a vehicle wanted by the police (service 23)."
    type CriminalVehicleRecord {
      "Number of the search case."
      searchCaseNumber: String!
      "Number of the criminal case in the unified register of pre-trial investigations."
      pretrialRegisterNumber: String!
      "Why the vehicle is wanted."
      reason: CriminalVehicleReason!
      "Registration plate when the vehicle was lost."
      plateAtLoss: String!
      "Date the vehicle was taken."
      lostOn: Date!
      "Date the search was declared."
      wantedSince: Date!
      "Body that declared the search."
      initiator: String!
      "Territory of the search."
      searchRegion: String!
      "State of the search."
      status: CriminalVehicleSearchStatus!
    }

    type Vehicle @key(fields: "vin") {
      vin: String!
      "The search record when the vehicle is wanted (service 23); null otherwise."
      criminalVehicleRecord: CriminalVehicleRecord
    }

    type Query {
      "The vehicle with this plate when it is wanted (service 23); null when it is not."
      criminalVehicleByPlate(plate: String!): Vehicle
    }
  `,
  mock: {
    entities: { Vehicle: (vin, world) => wanted(world.vehicle(vin), world) },
    queries: { criminalVehicleByPlate: (args, world) => wanted(world.vehicleByPlate(String(args.plate)), world) },
  },
  example: { entity: 'Vehicle', selection: 'criminalVehicleRecord { searchCaseNumber reason plateAtLoss wantedSince initiator status }' },
});
