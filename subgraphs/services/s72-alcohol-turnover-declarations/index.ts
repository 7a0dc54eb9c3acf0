import { defineService } from '../../src/define.ts';
import { filedOn, lastQuarters } from '../_shared/tax-periods.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';

const CATEGORIES = ['VODKA', 'BRANDY', 'WINE', 'SPARKLING_WINE', 'BEER', 'LIQUEUR_AND_BALSAM', 'LOW_ALCOHOL_DRINK'] as const;

export default defineService({
  number: 72,
  typeDefs: /* GraphQL */ `
    "Kind of an alcohol turnover declaration filing."
    enum AlcoholTurnoverDeclarationKind {
      REGULAR
      ADDITIONAL
      LIQUIDATION
    }

    "Whether the filer trades wholesale or retail."
    enum AlcoholTradeKind {
      WHOLESALE
      RETAIL
    }

    "Category of alcoholic products in the turnover declaration."
    enum AlcoholTurnoverCategory {
      VODKA
      BRANDY
      WINE
      SPARKLING_WINE
      BEER
      LIQUEUR_AND_BALSAM
      LOW_ALCOHOL_DRINK
    }

    "Purchases from one supplier and their sale, for one category of products over the period."
    type AlcoholTurnoverDeclarationLine {
      category: AlcoholTurnoverCategory!
      "BIN of the supplier (producer, importer or wholesaler)."
      supplierBin: BIN!
      "Name of the supplier."
      supplierName: String!
      "Stock at the beginning of the period, dal."
      openingStockDal: Float!
      "Received from the supplier in the period, dal."
      receivedDal: Float!
      "Sold in the period, dal."
      soldDal: Float!
      "Stock at the end of the period, dal."
      closingStockDal: Float!
      "Value of the products received, KZT (VAT included)."
      purchaseValueKzt: Float!
    }

    "A quarterly declaration on the turnover of alcoholic products filed by a wholesale or retail trader with the State Revenue Committee."
    type AlcoholTurnoverDeclaration {
      "Registration number of the declaration in the tax information system."
      registrationNumber: String!
      periodYear: Int!
      "Quarter of the reporting period (1-4)."
      periodQuarter: Int!
      kind: AlcoholTurnoverDeclarationKind!
      tradeKind: AlcoholTradeKind!
      submittedOn: Date!
      stateRevenueOffice: String!
      "Number of the wholesale licence or retail notification."
      licenceNumber: String!
      lines: [AlcoholTurnoverDeclarationLine!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Declarations on the turnover of alcoholic products (service 72), newest first."
      alcoholTurnoverDeclarations: [AlcoholTurnoverDeclaration!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || entity.legalForm === 'STATE_ENTERPRISE') return null;
        const rng = world.rng('s72', bin);
        if (!rng.chance(0.07)) return null;
        const tradeKind = rng.chance(0.3) ? 'WHOLESALE' : 'RETAIL';
        const licenceNumber = tradeKind === 'WHOLESALE' ? `${rng.digits(2)}${rng.digits(6)}` : `KZ${rng.digits(2)}UCA${rng.digits(8)}`;
        const suppliers = Array.from({ length: rng.int(1, 3) }, () => anotherLegalEntity(world, rng, bin)).flatMap((s) =>
          s ? [{ bin: s.bin, name: s.name, category: rng.pick(CATEGORIES), stock: rng.int(10, 800) }] : [],
        );
        const scale = tradeKind === 'WHOLESALE' ? 40 : 1;
        const periods = lastQuarters(entity.registeredOn, 8).reverse();
        const declarations = periods.map((period) => ({
          registrationNumber: `${period.year}${rng.digits(10)}`,
          periodYear: period.year,
          periodQuarter: period.index,
          kind: rng.chance(0.05) ? 'ADDITIONAL' : 'REGULAR',
          tradeKind,
          submittedOn: filedOn(rng, period),
          stateRevenueOffice: taxOfficeOf(world, entity.address).name,
          licenceNumber,
          lines: suppliers.map((s) => {
            const openingStockDal = s.stock;
            const receivedDal = rng.int(20, 900) * scale;
            const soldDal = Math.round((openingStockDal + receivedDal) * (0.7 + rng.next() * 0.25));
            const closingStockDal = openingStockDal + receivedDal - soldDal;
            s.stock = closingStockDal;
            return {
              category: s.category,
              supplierBin: s.bin,
              supplierName: s.name,
              openingStockDal,
              receivedDal,
              soldDal,
              closingStockDal,
              purchaseValueKzt: receivedDal * 10 * (s.category === 'BEER' ? 900 : 4_500),
            };
          }),
        }));
        return declarations.length ? { alcoholTurnoverDeclarations: declarations.reverse() } : null;
      },
    },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'alcoholTurnoverDeclarations { periodYear periodQuarter tradeKind lines { category supplierBin supplierName receivedDal soldDal } }',
  },
});
