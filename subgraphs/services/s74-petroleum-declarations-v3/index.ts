import { defineService } from '../../src/define.ts';
import { PETROLEUM_V2_UNTIL, tradesPetroleum } from '../_shared/petroleum-traders.ts';
import { filedOn, lastMonths } from '../_shared/tax-periods.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';

const PRODUCTS = [
  'GASOLINE_AI_92',
  'GASOLINE_AI_95',
  'GASOLINE_AI_98',
  'DIESEL_FUEL_SUMMER',
  'DIESEL_FUEL_WINTER',
  'JET_FUEL',
  'FUEL_OIL',
  'LIQUEFIED_PETROLEUM_GAS',
] as const;
const OPERATIONS = ['RECEIPT_FROM_PRODUCER', 'RECEIPT_FROM_WHOLESALER', 'IMPORT', 'WHOLESALE_SALE', 'RETAIL_SALE', 'EXPORT', 'OWN_CONSUMPTION'] as const;
/** Wholesale price, KZT per tonne (illustrative). */
const PRICE_PER_TONNE = 290_000;

export default defineService({
  number: 74,
  typeDefs: /* GraphQL */ `
    "Petroleum product in the version-3 declaration."
    enum PetroleumProductV3 {
      GASOLINE_AI_92
      GASOLINE_AI_95
      GASOLINE_AI_98
      DIESEL_FUEL_SUMMER
      DIESEL_FUEL_WINTER
      JET_FUEL
      FUEL_OIL
      LIQUEFIED_PETROLEUM_GAS
    }

    "Operation with petroleum products reported in the version-3 declaration."
    enum PetroleumOperationV3 {
      RECEIPT_FROM_PRODUCER
      RECEIPT_FROM_WHOLESALER
      IMPORT
      WHOLESALE_SALE
      RETAIL_SALE
      EXPORT
      OWN_CONSUMPTION
    }

    "One operation with a counterparty: version 3 of the form reports movements per counterparty and waybill."
    type PetroleumDeclarationV3Line {
      product: PetroleumProductV3!
      operation: PetroleumOperationV3!
      "BIN of the counterparty (absent for retail sales and own consumption)."
      counterpartyBin: BIN
      "Name of the counterparty."
      counterpartyName: String
      "Quantity, t."
      quantityTonnes: Float!
      "Value, KZT (VAT included)."
      amountKzt: Float!
      "Number of the accompanying waybill (electronic consignment note)."
      waybillNumber: String
    }

    "A monthly declaration on the production and turnover of petroleum products, version 3 of the form (in use from January 2022)."
    type PetroleumDeclarationV3 {
      "Registration number of the declaration in the tax information system."
      registrationNumber: String!
      periodYear: Int!
      "Month of the reporting period (1-12)."
      periodMonth: Int!
      submittedOn: Date!
      stateRevenueOffice: String!
      "Stock of all products at the end of the month, t."
      closingStockTonnes: Float!
      lines: [PetroleumDeclarationV3Line!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Declarations on petroleum products, version 3 (service 74), newest first."
      petroleumDeclarationsV3: [PetroleumDeclarationV3!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity || !tradesPetroleum(world, entity)) return null;
        const rng = world.rng('s74', bin);
        const from = entity.registeredOn > PETROLEUM_V2_UNTIL ? entity.registeredOn : PETROLEUM_V2_UNTIL;
        const partners = Array.from({ length: rng.int(2, 4) }, () => anotherLegalEntity(world, rng, bin)).filter((p) => p !== undefined);
        const declarations = lastMonths(from, 12).map((period) => {
          const lines = Array.from({ length: rng.int(2, 6) }, () => {
            const operation = rng.pick(OPERATIONS);
            const withPartner = operation !== 'RETAIL_SALE' && operation !== 'OWN_CONSUMPTION';
            const partner = withPartner && partners.length ? rng.pick(partners) : null;
            const quantityTonnes = rng.int(5, 3_000);
            return {
              product: rng.pick(PRODUCTS),
              operation,
              counterpartyBin: operation === 'IMPORT' || operation === 'EXPORT' ? null : (partner?.bin ?? null),
              counterpartyName:
                operation === 'IMPORT'
                  ? 'Gazprom Neft PJSC (Russian Federation)'
                  : operation === 'EXPORT'
                    ? 'Neftegaz Trade LLC (Kyrgyz Republic)'
                    : (partner?.name ?? null),
              quantityTonnes,
              amountKzt: quantityTonnes * PRICE_PER_TONNE,
              waybillNumber: withPartner ? `KZ-SNT-${period.year}-${rng.digits(9)}` : null,
            };
          });
          return {
            registrationNumber: `${period.year}${rng.digits(10)}`,
            periodYear: period.year,
            periodMonth: period.index,
            submittedOn: filedOn(rng, period),
            stateRevenueOffice: taxOfficeOf(world, entity.address).name,
            closingStockTonnes: rng.int(50, 5_000),
            lines,
          };
        });
        return declarations.length ? { petroleumDeclarationsV3: declarations } : null;
      },
    },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'petroleumDeclarationsV3 { periodYear periodMonth submittedOn lines { product operation counterpartyBin quantityTonnes amountKzt } }',
  },
});
