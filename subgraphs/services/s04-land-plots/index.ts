import { defineService } from '../../src/define.ts';
import type { LandPlotRecord, OwnerKey, World } from '@negiz/mocks/model.ts';
import { addYears, RECORDS_UNTIL } from '../_shared/record-dates.ts';

function registration(plot: LandPlotRecord, world: World) {
  const r = world.rng('s04', plot.cadastralNumber);
  const right = r.pick(['PRIVATE_OWNERSHIP', 'PRIVATE_OWNERSHIP', 'PERMANENT_LAND_USE', 'TEMPORARY_LAND_USE'] as const);
  return {
    cadastralNumber: plot.cadastralNumber,
    purpose: plot.purpose,
    category: r.pick(['SETTLEMENT', 'SETTLEMENT', 'AGRICULTURAL', 'INDUSTRIAL'] as const),
    areaHa: plot.areaHa,
    region: plot.region,
    locality: `${plot.region}, rural district No. ${r.int(1, 40)}`,
    rightKind: right,
    rightValidUntil: right === 'TEMPORARY_LAND_USE' ? leaseEnd(plot.acquiredOn, r.pick([10, 25, 49])) : null,
    divisible: r.chance(0.3),
    cadastralValueKzt: Math.round(plot.areaHa * r.int(200_000, 6_000_000)),
    acquiredOn: plot.acquiredOn,
    identificationDocumentNumber: r.digits(10),
  };
}

/** A lease still registered today has not ended yet: a short one that would have is read as the longest term. */
function leaseEnd(from: string, years: number): string {
  const end = addYears(from, years);
  return end > RECORDS_UNTIL ? end : addYears(from, 49);
}

function plotsOf(owner: OwnerKey, world: World) {
  const plots = world.landPlotsOf(owner);
  return plots.length ? { landPlots: plots.map((p) => registration(p, world)) } : null;
}

export default defineService({
  number: 4,
  typeDefs: /* GraphQL */ `
    "The right a subject holds to a land plot under the Land Code."
    enum LandPlotRightKind {
      PRIVATE_OWNERSHIP
      "Permanent land use (state bodies and enterprises)."
      PERMANENT_LAND_USE
      "Temporary land use (lease) until a set date."
      TEMPORARY_LAND_USE
    }

    "Category of land under the Land Code."
    enum LandPlotCategory {
      "Land of settlements."
      SETTLEMENT
      "Agricultural land."
      AGRICULTURAL
      "Land of industry, transport, communications and defence."
      INDUSTRIAL
    }

    "A land plot and the subject's registered right to it (service 4, the land plots database of the land cadastre)."
    type LandPlot {
      "Cadastral number of the plot."
      cadastralNumber: String!
      "Designated purpose (e.g. individual housing, farming, commercial)."
      purpose: String!
      "Land category."
      category: LandPlotCategory!
      "Area, hectares."
      areaHa: Float!
      "Region where the plot lies."
      region: String!
      "Locality within the region."
      locality: String!
      "Kind of right."
      rightKind: LandPlotRightKind!
      "End of a temporary land use right."
      rightValidUntil: Date
      "Whether the plot may be divided."
      divisible: Boolean!
      "Cadastral (estimated) value, KZT."
      cadastralValueKzt: Float!
      "Date the right was acquired."
      acquiredOn: Date!
      "Number of the plot's identification document."
      identificationDocumentNumber: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Land plots registered to the person (service 4)."
      landPlots: [LandPlot!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Land plots registered to the legal entity (service 4)."
      landPlots: [LandPlot!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => plotsOf({ iin }, world),
      LegalEntity: (bin, world) => plotsOf({ bin }, world),
    },
  },
  example: { entity: 'Person', selection: 'landPlots { cadastralNumber purpose areaHa region rightKind acquiredOn }' },
});
