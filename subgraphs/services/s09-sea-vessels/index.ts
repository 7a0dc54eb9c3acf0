import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { dateWithin, legalEntitySpan, recordSpan } from '../_shared/record-dates.ts';

const TYPES = ['TANKER', 'BULK_CARRIER', 'GENERAL_CARGO', 'TUG', 'SUPPLY_VESSEL', 'FISHING', 'YACHT'] as const;
const NAMES = ['Aktau', 'Astana', 'Tulpar', 'Kaspiy', 'Mangystau-3', 'Shagala', 'Kuryk', 'Berkut', 'Saule', 'Barys'];
const PORTS = ['Aktau', 'Bautino', 'Kuryk'] as const;

function vessels(owner: 'person' | 'entity', key: string, span: { from: string; to: string }, world: World) {
  const r = world.rng('s09', key);
  if (!r.chance(owner === 'entity' ? 0.02 : 0.004)) return null;
  return Array.from({ length: owner === 'entity' ? r.int(1, 4) : 1 }, () => {
    const type = owner === 'person' ? 'YACHT' : r.pick(TYPES);
    const registeredOn = dateWithin(r, span.from, span.to);
    return {
      imoNumber: type === 'YACHT' ? null : `IMO ${r.int(7, 9)}${r.digits(6)}`,
      name: r.pick(NAMES),
      type,
      callSign: `UN${r.pick(['A', 'B', 'C', 'D'])}${r.digits(2)}`,
      grossTonnage: type === 'YACHT' ? r.int(20, 150) : r.int(300, 12_000),
      builtYear: r.int(1978, Number(registeredOn.slice(0, 4))),
      portOfRegistry: r.pick(PORTS),
      flag: 'KAZ',
      registeredOn,
      registrationCertificateNumber: `KZ-SR ${r.digits(6)}`,
    };
  });
}

export default defineService({
  number: 9,
  typeDefs: /* GraphQL */ `
    "Type of a sea-going vessel."
    enum SeaVesselType {
      TANKER
      BULK_CARRIER
      GENERAL_CARGO
      TUG
      "Offshore supply vessel."
      SUPPLY_VESSEL
      FISHING
      YACHT
    }

    "A sea-going vessel entered in the state ship register (service 9)."
    type SeaVessel {
      "IMO number (none for small yachts)."
      imoNumber: String
      "Vessel name."
      name: String!
      "Type of vessel."
      type: SeaVesselType!
      "Radio call sign."
      callSign: String!
      "Gross tonnage."
      grossTonnage: Int!
      "Year built."
      builtYear: Int!
      "Port of registry."
      portOfRegistry: String!
      "Flag state, ISO 3166-1 alpha-3."
      flag: String!
      "Date of entry in the register."
      registeredOn: Date!
      "Number of the certificate of ownership registration."
      registrationCertificateNumber: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Sea vessels registered to the person (service 9)."
      seaVessels: [SeaVessel!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Sea vessels registered to the legal entity (service 9)."
      seaVessels: [SeaVessel!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        const seaVessels = span && vessels('person', iin, span, world);
        return seaVessels ? { seaVessels } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const seaVessels = entity && vessels('entity', bin, legalEntitySpan(entity), world);
        return seaVessels ? { seaVessels } : null;
      },
    },
  },
  example: { entity: 'LegalEntity', selection: 'seaVessels { imoNumber name type grossTonnage portOfRegistry registeredOn }' },
});
