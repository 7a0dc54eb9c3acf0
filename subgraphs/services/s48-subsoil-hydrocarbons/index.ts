import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addYears, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/** Oil and gas regions and the kind of blocks contracted there. */
const AREAS = [
  ['Atyrau region', 'Block Zhylyoi-'],
  ['Mangystau region', 'Block Buzachi-'],
  ['Aktobe region', 'Block Shagyrly-'],
  ['Kyzylorda region', 'Block South Torgai-'],
  ['West Kazakhstan region', 'Block Karashyganak-'],
] as const;

function contracts(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s48', bin);
  if (!entity || (entity.legalForm !== 'LLP' && entity.legalForm !== 'JSC') || !r.chance(0.1)) return null;
  const list = Array.from({ length: r.int(1, 2) }, () => {
    const [region, block] = r.pick(AREAS);
    const operation = r.pick(['EXPLORATION', 'PRODUCTION', 'EXPLORATION_AND_PRODUCTION'] as const);
    const signedOn = dateWithin(r, later(entity.registeredOn, '2000-01-01'), RECORDS_UNTIL);
    const validUntil = addYears(signedOn, operation === 'EXPLORATION' ? 6 : 25);
    return {
      contractNumber: `${r.int(100, 5400)}-UVS`,
      operation,
      blockName: `${block}${r.int(1, 30)}`,
      region,
      areaSqKm: r.int(20, 4000),
      signedOn,
      validUntil,
      competentAuthority: 'Ministry of Energy of the Republic of Kazakhstan',
      status:
        entity.status === 'LIQUIDATED' ? 'TERMINATED' : validUntil < RECORDS_UNTIL ? 'EXPIRED' : r.pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED'] as const),
      participationSharePercent: r.pick([100, 100, 50, 51, 25]),
      plannedAnnualProductionTonnes: operation === 'EXPLORATION' ? null : r.int(5, 5000) * 1000,
    };
  });
  return { hydrocarbonSubsoilContracts: newestFirst(list, (c) => c.signedOn) };
}

export default defineService({
  number: 48,
  typeDefs: /* GraphQL */ `
    "Subsoil operation under a hydrocarbon contract."
    enum HydrocarbonOperationKind {
      EXPLORATION
      PRODUCTION
      EXPLORATION_AND_PRODUCTION
    }

    "State of a hydrocarbon contract."
    enum HydrocarbonContractStatus {
      ACTIVE
      "Operations suspended by the competent authority."
      SUSPENDED
      "Terminated early (unilaterally by the competent authority or by agreement)."
      TERMINATED
      EXPIRED
    }

    "A subsoil use contract for hydrocarbons (oil, gas) registered with the Ministry of Energy."
    type HydrocarbonSubsoilContract {
      "Registration number of the contract."
      contractNumber: String!
      "Exploration, production or both."
      operation: HydrocarbonOperationKind!
      "Name of the contract area (block or field)."
      blockName: String!
      "Region of the contract territory."
      region: String!
      "Area of the contract territory, km2."
      areaSqKm: Float!
      "Date the contract was signed."
      signedOn: Date!
      "End of the contract term."
      validUntil: Date!
      "State body party to the contract."
      competentAuthority: String!
      "State of the contract."
      status: HydrocarbonContractStatus!
      "This entity's participation share in the contract, percent."
      participationSharePercent: Float!
      "Production planned by the working programme, tonnes a year (production contracts)."
      plannedAnnualProductionTonnes: Float
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Subsoil use contracts for hydrocarbons (service 48), newest first."
      hydrocarbonSubsoilContracts: [HydrocarbonSubsoilContract!]!
    }
  `,
  mock: { entities: { LegalEntity: contracts } },
  example: { entity: 'LegalEntity', selection: 'hydrocarbonSubsoilContracts { contractNumber operation blockName region signedOn status }' },
});
