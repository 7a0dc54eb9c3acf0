import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const NATURAL_MONOPOLIES = [
  ['Transmission and distribution of electricity', ['Transmission of electricity through regional networks', 'Technical dispatching of electricity supply']],
  ['Water supply and sewerage', ['Supply of water through distribution networks', 'Removal of wastewater through sewerage networks']],
  ['Heat supply', ['Production of heat energy', 'Transmission and distribution of heat energy']],
  ['Storage and transportation of gas', ['Transportation of commodity gas through distribution systems']],
  ['Airport services', ['Provision of a runway for take-off and landing', 'Aviation security services']],
] as const;
const MARKETS = [
  'Retail sale of petroleum products',
  'Wholesale of cement',
  'Mobile telecommunication services',
  'Grain storage services',
  'Production of flat glass',
  'Retail trade in pharmaceuticals',
];

function entry(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s47', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || entity.legalForm === 'SOLE_PROPRIETOR' || !r.chance(0.04)) return null;
  const natural = entity.legalForm === 'STATE_ENTERPRISE' || r.chance(0.5);
  const includedOn = dateWithin(r, later(entity.registeredOn, '2000-01-01'), RECORDS_UNTIL);
  const excluded = entity.status === 'LIQUIDATED' || r.chance(0.1);
  const [sphere, services] = natural ? r.pick(NATURAL_MONOPOLIES) : [r.pick(MARKETS), [] as const];
  return {
    monopolistRegistration: {
      registerKind: natural ? 'NATURAL_MONOPOLY' : r.chance(0.3) ? 'SOCIALLY_SIGNIFICANT_MARKET' : 'DOMINANT_POSITION',
      sphere,
      regulatedServices: [...services],
      marketSharePercent: natural ? null : r.int(35, 95),
      geographicBoundaries: entity.address.region,
      regulator: natural
        ? 'Committee for the Regulation of Natural Monopolies of the Ministry of National Economy'
        : 'Agency for Protection and Development of Competition',
      orderNumber: `${r.int(1, 450)}-OD`,
      includedOn,
      status: excluded ? 'EXCLUDED' : 'INCLUDED',
      excludedOn: excluded ? dateWithin(r, includedOn, RECORDS_UNTIL) : null,
    },
  };
}

export default defineService({
  number: 47,
  typeDefs: /* GraphQL */ `
    "Which register of monopolists the entity is in."
    enum MonopolistRegisterKind {
      "State register of natural monopoly entities."
      NATURAL_MONOPOLY
      "Register of market entities holding a dominant or monopoly position."
      DOMINANT_POSITION
      "Entity on a socially significant market (regulated prices)."
      SOCIALLY_SIGNIFICANT_MARKET
    }

    "Whether the entity is still in the register."
    enum MonopolistEntryStatus {
      INCLUDED
      EXCLUDED
    }

    "A legal entity's entry in the register of monopolists (natural monopolies and dominant market positions)."
    type MonopolistRegistration {
      "Register the entity is entered in."
      registerKind: MonopolistRegisterKind!
      "Sphere of natural monopoly or commodity market."
      sphere: String!
      "Regulated services (natural monopolies)."
      regulatedServices: [String!]!
      "Share of the commodity market, percent (dominant positions)."
      marketSharePercent: Float
      "Geographic boundaries of the market (region)."
      geographicBoundaries: String!
      "Authority keeping the register."
      regulator: String!
      "Number of the order on inclusion."
      orderNumber: String!
      "Date of inclusion in the register."
      includedOn: Date!
      "Whether the entity is still in the register."
      status: MonopolistEntryStatus!
      "Date of exclusion from the register."
      excludedOn: Date
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Entry in the register of monopolists (service 47)."
      monopolistRegistration: MonopolistRegistration
    }
  `,
  mock: { entities: { LegalEntity: entry } },
  example: { entity: 'LegalEntity', selection: 'monopolistRegistration { registerKind sphere regulator includedOn status }' },
});
