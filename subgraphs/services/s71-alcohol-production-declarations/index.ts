import { defineService } from '../../src/define.ts';
import { filedOn, lastQuarters } from '../_shared/tax-periods.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';

/** Category, typical strength (% vol) and excise rate (KZT per litre of product, illustrative). */
const CATEGORIES: Array<[category: string, strength: number, exciseKztPerLitre: number]> = [
  ['VODKA', 40, 3_900],
  ['LIQUEUR_AND_BALSAM', 35, 3_400],
  ['BRANDY', 40, 3_900],
  ['WINE', 12, 230],
  ['SPARKLING_WINE', 11.5, 230],
  ['BEER', 4.5, 170],
  ['LOW_ALCOHOL_DRINK', 7, 600],
];

export default defineService({
  number: 71,
  typeDefs: /* GraphQL */ `
    "Kind of an alcohol production declaration filing."
    enum AlcoholProductionDeclarationKind {
      REGULAR
      ADDITIONAL
      LIQUIDATION
    }

    "Category of alcoholic products in the production declaration."
    enum AlcoholProductionCategory {
      VODKA
      LIQUEUR_AND_BALSAM
      BRANDY
      WINE
      SPARKLING_WINE
      BEER
      LOW_ALCOHOL_DRINK
    }

    "Production and shipment of one category of alcoholic products over the period."
    type AlcoholProductionDeclarationLine {
      category: AlcoholProductionCategory!
      "Strength, % by volume."
      strengthPercent: Float!
      "Produced in the period, dal."
      producedDal: Float!
      "Shipped to buyers in Kazakhstan, dal."
      shippedDomesticDal: Float!
      "Exported, dal."
      exportedDal: Float!
      "Excise stamps applied to bottles in the period."
      exciseStampsUsed: Int!
      "Excise tax calculated for the period, KZT."
      exciseDueKzt: Float!
    }

    "A quarterly declaration on the production and turnover of alcoholic products filed by a producer with the State Revenue Committee."
    type AlcoholProductionDeclaration {
      "Registration number of the declaration in the tax information system."
      registrationNumber: String!
      periodYear: Int!
      "Quarter of the reporting period (1-4)."
      periodQuarter: Int!
      kind: AlcoholProductionDeclarationKind!
      submittedOn: Date!
      stateRevenueOffice: String!
      "Number of the licence for the production of alcoholic products."
      licenceNumber: String!
      "Address of the production site."
      productionSite: String!
      lines: [AlcoholProductionDeclarationLine!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Declarations on the production and turnover of alcoholic products (service 71), newest first."
      alcoholProductionDeclarations: [AlcoholProductionDeclaration!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || entity.legalForm === 'STATE_ENTERPRISE') return null;
        const rng = world.rng('s71', bin);
        if (!rng.chance(0.03)) return null;
        const licenceNumber = `${rng.digits(2)}${rng.digits(6)}`;
        const site = `${entity.address.city}, industrial zone ${rng.int(1, 12)}, building ${rng.int(1, 60)}`;
        const made = Array.from({ length: rng.int(1, 3) }, () => rng.pick(CATEGORIES)).filter((c, i, all) => all.indexOf(c) === i);
        const declarations = lastQuarters(entity.registeredOn, 8).map((period) => ({
          registrationNumber: `${period.year}${rng.digits(10)}`,
          periodYear: period.year,
          periodQuarter: period.index,
          kind: rng.chance(0.06) ? 'ADDITIONAL' : 'REGULAR',
          submittedOn: filedOn(rng, period),
          stateRevenueOffice: taxOfficeOf(world, entity.address).name,
          licenceNumber,
          productionSite: site,
          lines: made.map(([category, strengthPercent, exciseKztPerLitre]) => {
            const producedDal = rng.int(2_000, 120_000);
            const exportedDal = rng.chance(0.2) ? Math.round(producedDal * rng.next() * 0.2) : 0;
            const shippedDomesticDal = Math.round((producedDal - exportedDal) * (0.8 + rng.next() * 0.2));
            const bottleLitres = category === 'BEER' ? 1 : 0.5;
            return {
              category,
              strengthPercent,
              producedDal,
              shippedDomesticDal,
              exportedDal,
              exciseStampsUsed: category === 'BEER' ? 0 : Math.round((shippedDomesticDal * 10) / bottleLitres),
              exciseDueKzt: shippedDomesticDal * 10 * exciseKztPerLitre,
            };
          }),
        }));
        return declarations.length ? { alcoholProductionDeclarations: declarations } : null;
      },
    },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'alcoholProductionDeclarations { periodYear periodQuarter submittedOn licenceNumber lines { category producedDal exciseDueKzt } }',
  },
});
