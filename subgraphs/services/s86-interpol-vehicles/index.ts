import { defineService } from '../../src/define.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { later, RECORDS_FROM } from '../_shared/record-dates.ts';

const PLACES = ['Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Taraz', 'Pavlodar', 'Ust-Kamenogorsk'];

export default defineService({
  number: 86,
  typeDefs: /* GraphQL */ `
    "State of a record in Interpol's Stolen Motor Vehicles database."
    enum InterpolVehicleRecordStatus {
      "The vehicle is wanted."
      ACTIVE
      "The vehicle was found; the record awaits deletion by the reporting country."
      LOCATED
    }

    "A record of Interpol's Stolen Motor Vehicles (SMV) database, as returned to the National Central Bureau in Astana."
    type InterpolStolenVehicleRecord {
      "Interpol record identifier."
      interpolRecordId: String!
      "Reference of the reporting National Central Bureau."
      ncbReference: String!
      "Country that reported the theft (ISO 3166 alpha-3)."
      reportingCountry: String!
      "Date of the theft."
      stolenOn: Date!
      "Place of the theft."
      theftPlace: String!
      "Date the record was entered in the SMV database."
      recordedOn: Date!
      "Make as recorded by the reporting country."
      makeAsRecorded: String!
      "Model as recorded by the reporting country."
      modelAsRecorded: String!
      "Registration plate at the time of the theft."
      plateAsRecorded: String!
      status: InterpolVehicleRecordStatus!
    }

    type Vehicle @key(fields: "vin") {
      vin: String!
      "The vehicle's record in Interpol's Stolen Motor Vehicles database (service 86), if it is wanted."
      interpolStolenVehicleRecord: InterpolStolenVehicleRecord
    }
  `,
  mock: {
    entities: {
      Vehicle: (vin, world) => {
        const vehicle = world.vehicle(vin);
        // Kazakhstan reports every vehicle wanted as stolen (the same the national criminal vehicles base holds).
        if (!vehicle || !vehicle.stolen) return null;
        const rng = world.rng('s86', vin);
        const stolenOn = rng.date(later(vehicle.registeredOn, RECORDS_FROM), '2026-10-01');
        return {
          interpolStolenVehicleRecord: {
            interpolRecordId: `SMV-${stolenOn.slice(0, 4)}-${rng.digits(8)}`,
            ncbReference: `NCB-KZ/${rng.digits(5)}/${stolenOn.slice(2, 4)}`,
            reportingCountry: 'KAZ',
            stolenOn,
            theftPlace: rng.pick(PLACES),
            recordedOn: daysAfter(stolenOn, rng.int(1, 20)),
            makeAsRecorded: vehicle.make.toUpperCase(),
            modelAsRecorded: vehicle.model.toUpperCase(),
            plateAsRecorded: vehicle.plate,
            status: 'ACTIVE',
          },
        };
      },
    },
  },
  example: { entity: 'Vehicle', selection: 'interpolStolenVehicleRecord { interpolRecordId reportingCountry stolenOn theftPlace recordedOn status }' },
});
