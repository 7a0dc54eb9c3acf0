import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const PARTNERS = ['CHN', 'RUS', 'TUR', 'UZB', 'KGZ', 'DEU', 'ITA', 'KOR', 'NLD', 'ARE'];
/** Commodity headings of the EAEU foreign trade nomenclature (TN VED) common in Kazakh trade. */
const COMMODITIES = [
  ['8471', 'Automatic data processing machines and units thereof'],
  ['8703', 'Motor cars and other motor vehicles for the transport of persons'],
  ['1001', 'Wheat and meslin'],
  ['2709', 'Petroleum oils, crude'],
  ['7403', 'Refined copper and copper alloys, unwrought'],
  ['6403', 'Footwear with outer soles of rubber or leather'],
  ['3004', 'Medicaments, packaged for retail sale'],
  ['8517', 'Telephone sets and other apparatus for communication'],
  ['0201', 'Meat of bovine animals, fresh or chilled'],
] as const;
const CUSTOMS_OFFICES = [
  'Almaty customs "Central"',
  'Customs post "Khorgos - Eastern Gate"',
  'Customs post "Astana-Centre"',
  'Customs post "Dostyk"',
  'Customs post "Shymkent"',
  'Customs post "Aktau - seaport"',
];

function profile(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s43', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || entity.legalForm === 'STATE_ENTERPRISE' || !r.chance(0.2)) return null;
  const registeredOn = dateWithin(r, later(entity.registeredOn, '2010-07-01'), RECORDS_UNTIL);
  const active = entity.status === 'ACTIVE';
  const commodities = Array.from({ length: r.int(1, 4) }, () => {
    const [hsCode, description] = r.pick(COMMODITIES);
    return {
      hsCode,
      description,
      direction: r.pick(['IMPORT', 'IMPORT', 'EXPORT'] as const),
      customsValueKzt: r.int(1, 5000) * 100_000,
      country: r.pick(PARTNERS),
    };
  });
  const total = (direction: 'IMPORT' | 'EXPORT') => commodities.filter((c) => c.direction === direction).reduce((s, c) => s + c.customsValueKzt, 0);
  return {
    foreignTradeProfile: {
      registeredOn,
      customsOffice: r.pick(CUSTOMS_OFFICES),
      status: active ? 'ACTIVE' : 'SUSPENDED',
      authorizedEconomicOperator: r.chance(0.05),
      declarationsLast12Months: active ? r.int(1, 400) : 0,
      importValueKzt: total('IMPORT'),
      exportValueKzt: total('EXPORT'),
      lastDeclarationOn: active ? dateWithin(r, '2025-11-01', RECORDS_UNTIL) : dateWithin(r, registeredOn, RECORDS_UNTIL),
      commodities: commodities.sort((a, b) => b.customsValueKzt - a.customsValueKzt),
    },
  };
}

export default defineService({
  number: 43,
  typeDefs: /* GraphQL */ `
    "Registration state of a participant of foreign economic activity."
    enum ForeignTradeParticipantStatus {
      ACTIVE
      "No declarations, activity suspended or the entity is closing."
      SUSPENDED
    }

    "Direction of the goods across the customs border of the Eurasian Economic Union."
    enum ForeignTradeDirection {
      IMPORT
      EXPORT
    }

    "A commodity the participant declared in the last twelve months."
    type ForeignTradeCommodity {
      "Heading of the EAEU commodity nomenclature (TN VED), 4 digits."
      hsCode: String!
      "Description of the commodity heading."
      description: String!
      "Import or export."
      direction: ForeignTradeDirection!
      "Customs value declared, KZT."
      customsValueKzt: Float!
      "Main country of origin (import) or destination (export), ISO 3166 alpha-3."
      country: String!
    }

    "A legal entity's record as a participant of foreign economic activity (State Revenue Committee, customs)."
    type ForeignTradeProfile {
      "Date of the first registration with customs."
      registeredOn: Date!
      "Customs office where it declares most goods."
      customsOffice: String!
      "Whether the participant is active in foreign trade."
      status: ForeignTradeParticipantStatus!
      "Holds the status of authorized economic operator."
      authorizedEconomicOperator: Boolean!
      "Goods declarations filed in the last twelve months."
      declarationsLast12Months: Int!
      "Customs value of imports in the last twelve months, KZT."
      importValueKzt: Float!
      "Customs value of exports in the last twelve months, KZT."
      exportValueKzt: Float!
      "Date of the latest goods declaration."
      lastDeclarationOn: Date!
      "Main commodities, largest value first."
      commodities: [ForeignTradeCommodity!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Participation in foreign economic activity (service 43)."
      foreignTradeProfile: ForeignTradeProfile
    }
  `,
  mock: { entities: { LegalEntity: profile } },
  example: {
    entity: 'LegalEntity',
    selection: 'foreignTradeProfile { registeredOn customsOffice status importValueKzt exportValueKzt commodities { hsCode description direction } }',
  },
});
