import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const STATIONS: Array<[name: string, city: string]> = [
  ['TechOsmotr Almaty-1', 'Almaty'],
  ['Avtotest Astana', 'Astana'],
  ['Diagnostic Line Shymkent', 'Shymkent'],
  ['Karaganda Technical Inspection Centre', 'Karaganda'],
  ['Aktobe Avtodiagnostika', 'Aktobe'],
  ['Pavlodar TO Service', 'Pavlodar'],
  ['Atyrau Inspection Line', 'Atyrau'],
  ['Kostanay Avtokontrol', 'Kostanay'],
];
const DEFECTS = [
  'Brake efficiency below the norm',
  'Headlight alignment out of tolerance',
  'Worn tyre tread',
  'Exhaust emissions above the norm',
  'Steering play above the norm',
  'Windscreen cracked in the driver zone',
  'Seat belt defective',
  'Fuel system leak',
  'Missing first-aid kit or fire extinguisher',
  'Number plate lighting inoperative',
];
/** Buses and lorries are inspected every year from registration; cars and motorcycles once older than seven years. */
const COMMERCIAL = new Set(['C', 'D', 'CE']);

export default defineService({
  number: 66,
  typeDefs: /* GraphQL */ `
    "Outcome of a mandatory technical inspection."
    enum VehicleInspectionResult {
      "The vehicle meets the safety requirements."
      PASSED
      "Defects were found; the vehicle must be repaired and presented again."
      FAILED
      "Passed on re-inspection after the defects were repaired."
      PASSED_AFTER_REPAIR
    }

    "A mandatory technical inspection of a vehicle at an accredited inspection centre."
    type VehicleTechnicalInspection {
      "Number of the diagnostic card issued by the inspection centre."
      diagnosticCardNumber: String!
      "Date of the inspection."
      inspectedOn: Date!
      "Date until which the inspection is valid (for a passed inspection)."
      validUntil: Date
      result: VehicleInspectionResult!
      "Name of the accredited inspection centre."
      stationName: String!
      "City of the inspection centre."
      stationCity: String!
      "Odometer reading at the inspection, km."
      odometerKm: Int!
      "Defects recorded at the inspection."
      defects: [String!]!
    }

    type Vehicle @key(fields: "vin") {
      vin: String!
      "Mandatory technical inspections of the vehicle (service 66), newest first."
      technicalInspections: [VehicleTechnicalInspection!]!
    }
  `,
  mock: {
    entities: {
      Vehicle: (vin, world) => {
        const vehicle = world.vehicle(vin);
        if (!vehicle) return null;
        const rng = world.rng('s66', vin);
        const firstDue = COMMERCIAL.has(vehicle.category)
          ? shiftDate(vehicle.registeredOn, { years: 1 })
          : later(shiftDate(vehicle.registeredOn, { years: 1 }), `${vehicle.year + 7}-01-01`);
        const [stationName, stationCity] = rng.pick(STATIONS);
        const inspections: Array<Record<string, unknown> & { inspectedOn: string }> = [];
        let odometerKm = rng.int(5_000, 60_000) * Math.max(1, Number(firstDue.slice(0, 4)) - vehicle.year);
        for (let due = later(firstDue, '2000-01-01'); due <= RECORDS_UNTIL; due = shiftDate(due, { years: 1 })) {
          if (rng.chance(0.15)) continue; // a year the owner skipped (and may have been fined for)
          const inspectedOn = shiftDate(due, { days: -rng.int(0, 40) });
          odometerKm += rng.int(8_000, 35_000);
          const failed = rng.chance(0.12);
          const cardNumber = () => `${inspectedOn.slice(0, 4)}${rng.digits(8)}`;
          const station = { stationName, stationCity, odometerKm };
          if (failed) {
            inspections.push({
              diagnosticCardNumber: cardNumber(),
              inspectedOn,
              validUntil: null,
              result: 'FAILED',
              ...station,
              defects: [rng.pick(DEFECTS), ...(rng.chance(0.3) ? [rng.pick(DEFECTS)] : [])],
            });
          }
          const passedOn = failed ? shiftDate(inspectedOn, { days: rng.int(2, 20) }) : inspectedOn;
          if (passedOn > RECORDS_UNTIL) continue;
          inspections.push({
            diagnosticCardNumber: cardNumber(),
            inspectedOn: passedOn,
            validUntil: shiftDate(passedOn, { years: 1 }),
            result: failed ? 'PASSED_AFTER_REPAIR' : 'PASSED',
            ...station,
            defects: [],
          });
        }
        return inspections.length ? { technicalInspections: newestFirst(inspections, (i) => i.inspectedOn) } : null;
      },
    },
  },
  example: { entity: 'Vehicle', selection: 'technicalInspections { diagnosticCardNumber inspectedOn validUntil result stationName odometerKm defects }' },
});
