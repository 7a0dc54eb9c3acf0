import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { dateWithin, legalEntitySpan, recordSpan } from '../_shared/record-dates.ts';

const KINDS = ['GONDOLA_CAR', 'TANK_CAR', 'COVERED_WAGON', 'PLATFORM', 'HOPPER', 'LOCOMOTIVE'] as const;
const BUILDERS = [
  'Uralvagonzavod',
  'Altaivagon',
  'Tikhvin Railcar Building Plant',
  'Kazakhstan Wagon Building Company',
  'Lokomotiv kurastyru zauyty',
  'Kryukov Railway Car Building Works',
];
const STATIONS = ['Almaty-1', 'Astana-1', 'Karaganda-Sortirovochnaya', 'Pavlodar', 'Aktobe', 'Shymkent', 'Ekibastuz-1', 'Atyrau', 'Kostanay', 'Mangyshlak'];

function units(owner: 'person' | 'entity', key: string, span: { from: string; to: string }, world: World) {
  const r = world.rng('s07', key);
  if (!r.chance(owner === 'entity' ? 0.08 : 0.01)) return null;
  return Array.from({ length: owner === 'entity' ? r.int(1, 12) : r.int(1, 2) }, () => {
    const kind = r.pick(KINDS);
    const registeredOn = dateWithin(r, span.from, span.to);
    return {
      inventoryNumber: (kind === 'LOCOMOTIVE' ? '' : r.pick(['5', '6', '7', '9'])) + r.digits(kind === 'LOCOMOTIVE' ? 4 : 7),
      kind,
      builder: r.pick(BUILDERS),
      builtYear: r.int(1985, Number(registeredOn.slice(0, 4))),
      loadCapacityTonnes: kind === 'LOCOMOTIVE' ? null : r.pick([60, 66, 68, 69.5, 70, 72]),
      homeStation: r.pick(STATIONS),
      registeredOn,
      registrationCertificateNumber: `KZ-RS-${r.digits(8)}`,
      ownershipBasis: r.pick(['OWNERSHIP', 'OWNERSHIP', 'FINANCIAL_LEASE'] as const),
      technicalState: r.pick(['IN_SERVICE', 'IN_SERVICE', 'IN_SERVICE', 'UNDER_REPAIR', 'WITHDRAWN'] as const),
    };
  });
}

export default defineService({
  number: 7,
  typeDefs: /* GraphQL */ `
    "Type of a railway rolling stock unit."
    enum RollingStockKind {
      GONDOLA_CAR
      TANK_CAR
      COVERED_WAGON
      PLATFORM
      HOPPER
      LOCOMOTIVE
    }

    "On what ground the subject holds the unit."
    enum RollingStockOwnershipBasis {
      OWNERSHIP
      "Held under a financial lease (leasing) contract."
      FINANCIAL_LEASE
    }

    "Technical state of the unit as last registered."
    enum RollingStockTechnicalState {
      IN_SERVICE
      UNDER_REPAIR
      "Withdrawn from the inventory fleet."
      WITHDRAWN
    }

    "A railway rolling stock unit registered in the state register of rolling stock (service 7)."
    type RollingStockUnit {
      "Eight-digit inventory number of a wagon (locomotive: its series number)."
      inventoryNumber: String!
      "Type of unit."
      kind: RollingStockKind!
      "Manufacturer."
      builder: String!
      "Year built."
      builtYear: Int!
      "Load capacity, tonnes (wagons only)."
      loadCapacityTonnes: Float
      "Station of registration (home station)."
      homeStation: String!
      "Date of state registration to the subject."
      registeredOn: Date!
      "Number of the registration certificate."
      registrationCertificateNumber: String!
      "Ground on which the subject holds the unit."
      ownershipBasis: RollingStockOwnershipBasis!
      "Technical state."
      technicalState: RollingStockTechnicalState!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Railway rolling stock registered to the person (service 7)."
      rollingStock: [RollingStockUnit!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Railway rolling stock registered to the legal entity (service 7)."
      rollingStock: [RollingStockUnit!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        const rollingStock = span && units('person', iin, span, world);
        return rollingStock ? { rollingStock } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const rollingStock = entity && units('entity', bin, legalEntitySpan(entity), world);
        return rollingStock ? { rollingStock } : null;
      },
    },
  },
  example: { entity: 'LegalEntity', selection: 'rollingStock { inventoryNumber kind builtYear homeStation registeredOn }' },
});
