import type { OwnerKey, VehicleRecord, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { bailiffKind, openProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { addDays, dateWithin, earlier, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/**
 * The arrest registered on a vehicle the world marks `arrested`, derived from the vehicle whoever asks. Most are a
 * bailiff's, in the owner's open enforcement proceedings of service 18; the rest secure a criminal case or a claim.
 */
function arrest(vehicle: VehicleRecord, world: World) {
  const r = world.rng('s61', vehicle.vin);
  const proceeding = r.chance(0.85) ? openProceedingsOf(vehicle.owner, world)[0] : undefined;
  const other = r.pick(['INVESTIGATOR', 'COURT'] as const);
  const imposedBy = proceeding ? bailiffKind(proceeding) : other;
  const documentDate = dateWithin(r, later(later(vehicle.registeredOn, proceeding?.openedOn ?? '2010-01-01'), '2010-01-01'), addDays(RECORDS_UNTIL, -3));
  const criminal = imposedBy === 'INVESTIGATOR';
  return {
    vehicle: { vin: vehicle.vin },
    plate: vehicle.plate,
    kind: criminal ? 'ARREST' : r.pick(['PROHIBITION_OF_REGISTRATION_ACTIONS', 'PROHIBITION_OF_REGISTRATION_ACTIONS', 'ARREST'] as const),
    imposedBy,
    imposingBody: proceeding
      ? proceeding.enforcementOffice
      : criminal
        ? 'Investigation department of the Police Department'
        : 'Specialised inter-district court for civil cases',
    documentNumber: `${r.int(1, 9999)}`,
    documentDate,
    registeredOn: earlier(addDays(documentDate, r.int(0, 2)), RECORDS_UNTIL),
    groundsCaseNumber: proceeding
      ? proceeding.proceedingNumber
      : criminal
        ? `${documentDate.slice(2, 4)}${r.digits(13)}`
        : `${r.int(2, 7)}${r.digits(3)}-${documentDate.slice(2, 4)}-00-2/${r.int(1, 9999)}`,
    securedAmountKzt: proceeding ? proceeding.outstandingKzt : criminal ? null : r.int(50, 15_000) * 1_000,
    // An arrest in a criminal case may order the vehicle placed at a special car park.
    placedAtImpoundLot: criminal && r.chance(0.4),
    status: 'ACTIVE',
  };
}

function arrestsOf(owner: OwnerKey, world: World) {
  const list = world
    .vehiclesOf(owner)
    .filter((v) => v.arrested)
    .map((v) => arrest(v, world));
  return list.length ? { vehicleArrests: newestFirst(list, (a) => a.registeredOn) } : null;
}

export default defineService({
  number: 61,
  typeDefs: /* GraphQL */ `
    "Kind of restriction on the vehicle."
    enum VehicleArrestKind {
      "Arrest (seizure) of the vehicle."
      ARREST
      "Prohibition of registration actions (sale, re-registration, deregistration)."
      PROHIBITION_OF_REGISTRATION_ACTIONS
    }

    "Who imposed the restriction."
    enum VehicleArrestAuthority {
      PRIVATE_BAILIFF
      STATE_BAILIFF
      INVESTIGATOR
      COURT
    }

    "State of the restriction."
    enum VehicleArrestStatus {
      ACTIVE
      LIFTED
    }

    "An arrest or prohibition registered on a vehicle in the police vehicle register."
    type VehicleArrest {
      "The vehicle under arrest."
      vehicle: Vehicle!
      "Registration plate at the time of the arrest."
      plate: String!
      "Arrest or prohibition of registration actions."
      kind: VehicleArrestKind!
      "Kind of body that imposed it."
      imposedBy: VehicleArrestAuthority!
      "Name of the body or officer that imposed it."
      imposingBody: String!
      "Number of the order or ruling."
      documentNumber: String!
      "Date of the order or ruling."
      documentDate: Date!
      "Date it was entered in the vehicle register."
      registeredOn: Date!
      "Number of the enforcement proceedings, criminal case or court case it was imposed in."
      groundsCaseNumber: String!
      "Amount the arrest secures, KZT (enforcement and civil claims)."
      securedAmountKzt: Float
      "The vehicle was placed at a special car park (impound lot)."
      placedAtImpoundLot: Boolean!
      "Whether the arrest is in force."
      status: VehicleArrestStatus!
    }

    type Vehicle @key(fields: "vin", resolvable: false) {
      vin: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Arrests and prohibitions on the person's vehicles (service 61), newest first."
      vehicleArrests: [VehicleArrest!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Arrests and prohibitions on the entity's vehicles (service 61), newest first."
      vehicleArrests: [VehicleArrest!]!
    }

    type Query {
      "Arrests and prohibitions registered on the vehicle with this VIN (service 61); empty when it has none."
      vehicleArrestsByVin(vin: String!): [VehicleArrest!]!
    }
  `,
  mock: {
    entities: { Person: (iin, world) => arrestsOf({ iin }, world), LegalEntity: (bin, world) => arrestsOf({ bin }, world) },
    queries: {
      vehicleArrestsByVin: ({ vin }, world) => {
        const vehicle = world.vehicle(String(vin));
        return vehicle?.arrested ? [arrest(vehicle, world)] : [];
      },
    },
  },
  example: { entity: 'Person', selection: 'vehicleArrests { vehicle { vin } plate kind imposedBy documentNumber documentDate status }' },
});
