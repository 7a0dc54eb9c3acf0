import { defineService } from '../../src/define.ts';
import { PETROLEUM_V2_UNTIL, tradesPetroleum } from '../_shared/petroleum-traders.ts';
import { filedOn, lastMonths } from '../_shared/tax-periods.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';

const PRODUCTS = ['GASOLINE_AI_80', 'GASOLINE_AI_92', 'GASOLINE_AI_95', 'DIESEL_FUEL', 'JET_FUEL', 'FUEL_OIL'] as const;

export default defineService({
  number: 73,
  typeDefs: /* GraphQL */ `
    "Petroleum product in the version-2 declaration."
    enum PetroleumProductV2 {
      GASOLINE_AI_80
      GASOLINE_AI_92
      GASOLINE_AI_95
      DIESEL_FUEL
      JET_FUEL
      FUEL_OIL
    }

    "Balance of one petroleum product over the month, in tonnes."
    type PetroleumDeclarationV2Line {
      product: PetroleumProductV2!
      "Stock at the beginning of the month, t."
      openingStockTonnes: Float!
      "Produced at own refinery, t."
      producedTonnes: Float!
      "Received from producers and wholesalers in Kazakhstan, t."
      receivedTonnes: Float!
      "Imported, t."
      importedTonnes: Float!
      "Sold wholesale, t."
      soldWholesaleTonnes: Float!
      "Sold retail (filling stations), t."
      soldRetailTonnes: Float!
      "Stock at the end of the month, t."
      closingStockTonnes: Float!
    }

    "A monthly declaration on the production and turnover of petroleum products (gasoline, diesel fuel and others), version 2 of the form (in use until December 2021)."
    type PetroleumDeclarationV2 {
      "Registration number of the declaration in the tax information system."
      registrationNumber: String!
      periodYear: Int!
      "Month of the reporting period (1-12)."
      periodMonth: Int!
      submittedOn: Date!
      stateRevenueOffice: String!
      "Number of filling stations and tank farms operated in the month."
      sitesOperated: Int!
      lines: [PetroleumDeclarationV2Line!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Declarations on petroleum products, version 2 (service 73), newest first."
      petroleumDeclarationsV2: [PetroleumDeclarationV2!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity || !tradesPetroleum(world, entity)) return null;
        const rng = world.rng('s73', bin);
        const handled = PRODUCTS.filter(() => rng.chance(0.5));
        if (!handled.length) handled.push('DIESEL_FUEL');
        const refinery = rng.chance(0.05);
        const sitesOperated = rng.int(1, 40);
        const stocks = new Map(handled.map((p) => [p, rng.int(50, 2_000)]));
        const periods = lastMonths(entity.registeredOn, 12, PETROLEUM_V2_UNTIL).reverse();
        const declarations = periods.map((period) => ({
          registrationNumber: `${period.year}${rng.digits(10)}`,
          periodYear: period.year,
          periodMonth: period.index,
          submittedOn: filedOn(rng, period),
          stateRevenueOffice: taxOfficeOf(world, entity.address).name,
          sitesOperated,
          lines: handled.map((product) => {
            const openingStockTonnes = stocks.get(product)!;
            const producedTonnes = refinery ? rng.int(5_000, 80_000) : 0;
            const receivedTonnes = rng.int(100, 5_000);
            const importedTonnes = rng.chance(0.2) ? rng.int(100, 3_000) : 0;
            const available = openingStockTonnes + producedTonnes + receivedTonnes + importedTonnes;
            const sold = Math.round(available * (0.7 + rng.next() * 0.25));
            const soldRetailTonnes = Math.round(sold * rng.next());
            const closingStockTonnes = available - sold;
            stocks.set(product, closingStockTonnes);
            return {
              product,
              openingStockTonnes,
              producedTonnes,
              receivedTonnes,
              importedTonnes,
              soldWholesaleTonnes: sold - soldRetailTonnes,
              soldRetailTonnes,
              closingStockTonnes,
            };
          }),
        }));
        return declarations.length ? { petroleumDeclarationsV2: declarations.reverse() } : null;
      },
    },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'petroleumDeclarationsV2 { periodYear periodMonth submittedOn lines { product receivedTonnes soldRetailTonnes closingStockTonnes } }',
  },
});
