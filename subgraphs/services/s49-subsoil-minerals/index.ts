import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addYears, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const MINERALS = [
  ['Copper', 'East Kazakhstan region'],
  ['Gold', 'Abai region'],
  ['Coal', 'Karaganda region'],
  ['Iron ore', 'Kostanay region'],
  ['Chromium', 'Aktobe region'],
  ['Groundwater (drinking)', 'Almaty region'],
  ['Sand and gravel', 'Turkistan region'],
  ['Limestone', 'Zhambyl region'],
] as const;

/** Since 2018 rights to solid minerals are granted by licence; older contracts remain in force. */
const LICENCE_REGIME_FROM = '2018-06-29';

function rights(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s49', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || !r.chance(0.05)) return null;
  const list = Array.from({ length: r.int(1, 3) }, () => {
    const [mineral, region] = r.pick(MINERALS);
    const grantedOn = dateWithin(r, later(entity.registeredOn, '2000-01-01'), RECORDS_UNTIL);
    const common = mineral === 'Sand and gravel' || mineral === 'Limestone';
    const water = mineral.startsWith('Groundwater');
    const licence = grantedOn >= LICENCE_REGIME_FROM;
    const exploration = r.chance(0.4);
    const kind = water
      ? 'GROUNDWATER_USE'
      : licence
        ? exploration
          ? 'EXPLORATION_LICENCE'
          : 'MINING_LICENCE'
        : exploration
          ? 'EXPLORATION_CONTRACT'
          : 'PRODUCTION_CONTRACT';
    const validUntil = addYears(grantedOn, exploration ? 6 : r.int(10, 25));
    return {
      rightNumber: licence ? `${r.int(100, 3000)}-EL` : `${r.int(100, 5500)}-TPI`,
      kind,
      mineral,
      depositName: `${r.pick(['Akzhal', 'Koktas', 'Sarybulak', 'Kyzyltu', 'Bozshakol', 'Zhanatas'])} ${water ? 'aquifer' : 'deposit'}`,
      region,
      areaSqKm: r.int(1, 900),
      grantedOn,
      validUntil,
      issuingAuthority: common || water ? `Local executive body (akimat) of ${region}` : 'Ministry of Industry and Construction of the Republic of Kazakhstan',
      status:
        entity.status === 'LIQUIDATED' ? 'TERMINATED' : validUntil < RECORDS_UNTIL ? 'EXPIRED' : r.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED'] as const),
    };
  });
  return { mineralSubsoilRights: newestFirst(list, (c) => c.grantedOn) };
}

export default defineService({
  number: 49,
  typeDefs: /* GraphQL */ `
    "Form of the right to use subsoil for solid minerals or groundwater."
    enum MineralSubsoilRightKind {
      "Licence for exploration of solid minerals (since 2018)."
      EXPLORATION_LICENCE
      "Licence for mining of solid minerals (since 2018)."
      MINING_LICENCE
      "Contract for exploration (concluded before 2018)."
      EXPLORATION_CONTRACT
      "Contract for production (concluded before 2018)."
      PRODUCTION_CONTRACT
      "Permit or contract for groundwater use."
      GROUNDWATER_USE
    }

    "State of a subsoil use right."
    enum MineralSubsoilRightStatus {
      ACTIVE
      SUSPENDED
      TERMINATED
      EXPIRED
    }

    "A right to use subsoil for solid minerals or groundwater (contract or licence)."
    type MineralSubsoilRight {
      "Registration number of the contract or licence."
      rightNumber: String!
      "Licence or contract, and for what operation."
      kind: MineralSubsoilRightKind!
      "Mineral or water extracted or explored."
      mineral: String!
      "Deposit or site."
      depositName: String!
      "Region of the site."
      region: String!
      "Area of the site, km2."
      areaSqKm: Float!
      "Date the licence was issued or the contract signed."
      grantedOn: Date!
      "End of the term."
      validUntil: Date!
      "Authority that granted the right."
      issuingAuthority: String!
      "State of the right."
      status: MineralSubsoilRightStatus!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Rights to use subsoil for solid minerals and groundwater (service 49), newest first."
      mineralSubsoilRights: [MineralSubsoilRight!]!
    }
  `,
  mock: { entities: { LegalEntity: rights } },
  example: { entity: 'LegalEntity', selection: 'mineralSubsoilRights { rightNumber kind mineral depositName region grantedOn status }' },
});
