import { defineService } from '../../src/define.ts';
import { filedOn, lastQuarters } from '../_shared/tax-periods.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';

const PRODUCTS = ['RECTIFIED_ETHYL_ALCOHOL', 'RAW_ETHYL_ALCOHOL', 'GRAPE_WINE_MATERIAL', 'FRUIT_WINE_MATERIAL', 'COGNAC_SPIRIT'] as const;

export default defineService({
  number: 70,
  typeDefs: /* GraphQL */ `
    "Kind of an excise declaration filing."
    enum EthylAlcoholDeclarationKind {
      "The regular declaration for the period."
      REGULAR
      "An additional declaration correcting a filed one."
      ADDITIONAL
      "Filed on liquidation or termination of the activity."
      LIQUIDATION
    }

    "Product covered by the declaration on ethyl alcohol and wine material."
    enum EthylAlcoholProduct {
      RECTIFIED_ETHYL_ALCOHOL
      RAW_ETHYL_ALCOHOL
      GRAPE_WINE_MATERIAL
      FRUIT_WINE_MATERIAL
      COGNAC_SPIRIT
    }

    "Movement of one product over the period, in decalitres."
    type EthylAlcoholDeclarationLine {
      product: EthylAlcoholProduct!
      "Stock at the beginning of the period, dal."
      openingStockDal: Float!
      "Produced in the period, dal."
      producedDal: Float!
      "Received from other producers or imported, dal."
      receivedDal: Float!
      "Shipped to buyers or used in own production, dal."
      shippedDal: Float!
      "Losses within the natural loss norms, dal."
      lossesDal: Float!
      "Stock at the end of the period, dal."
      closingStockDal: Float!
    }

    "A quarterly declaration on the production and turnover of ethyl alcohol and/or wine material filed with the State Revenue Committee."
    type EthylAlcoholDeclaration {
      "Registration number of the declaration in the tax information system."
      registrationNumber: String!
      "Year of the reporting period."
      periodYear: Int!
      "Quarter of the reporting period (1-4)."
      periodQuarter: Int!
      kind: EthylAlcoholDeclarationKind!
      "Date the declaration was filed."
      submittedOn: Date!
      "The state revenue office that received it."
      stateRevenueOffice: String!
      "Number of the licence for the production of ethyl alcohol."
      licenceNumber: String!
      "Product movements."
      lines: [EthylAlcoholDeclarationLine!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Declarations on the production and turnover of ethyl alcohol and wine material (service 70), newest first."
      ethylAlcoholDeclarations: [EthylAlcoholDeclaration!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION') return null;
        const rng = world.rng('s70', bin);
        if (!rng.chance(0.025)) return null;
        const licenceNumber = `${rng.digits(2)}${rng.digits(6)}`;
        const products = [rng.pick(PRODUCTS), ...(rng.chance(0.4) ? [rng.pick(PRODUCTS)] : [])].filter((p, i, all) => all.indexOf(p) === i);
        const stocks = new Map(products.map((p) => [p, rng.int(500, 20_000)]));
        const periods = lastQuarters(entity.registeredOn, 8).reverse();
        const declarations = periods.map((period) => ({
          registrationNumber: `${period.year}${rng.digits(10)}`,
          periodYear: period.year,
          periodQuarter: period.index,
          kind: rng.chance(0.07) ? 'ADDITIONAL' : 'REGULAR',
          submittedOn: filedOn(rng, period),
          stateRevenueOffice: taxOfficeOf(world, entity.address).name,
          licenceNumber,
          lines: products.map((product) => {
            const openingStockDal = stocks.get(product)!;
            const producedDal = product === 'RAW_ETHYL_ALCOHOL' || rng.chance(0.8) ? rng.int(1_000, 60_000) : 0;
            const receivedDal = rng.chance(0.3) ? rng.int(100, 10_000) : 0;
            const available = openingStockDal + producedDal + receivedDal;
            const lossesDal = Math.round(available * 0.004 * 10) / 10;
            const shippedDal = Math.round((available - lossesDal) * (0.6 + rng.next() * 0.35));
            const closingStockDal = Math.round((available - lossesDal - shippedDal) * 10) / 10;
            stocks.set(product, closingStockDal);
            return { product, openingStockDal, producedDal, receivedDal, shippedDal, lossesDal, closingStockDal };
          }),
        }));
        return declarations.length ? { ethylAlcoholDeclarations: declarations.reverse() } : null;
      },
    },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'ethylAlcoholDeclarations { periodYear periodQuarter kind submittedOn lines { product producedDal shippedDal closingStockDal } }',
  },
});
