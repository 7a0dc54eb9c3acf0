import type { OwnerKey, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { later, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const KINDS = ['ARREST', 'MORTGAGE', 'PROHIBITION_OF_ALIENATION', 'SERVITUDE', 'LEASE'] as const;
const IMPOSED_BY: Record<(typeof KINDS)[number], string[]> = {
  ARREST: [
    'Private bailiff of Almaty enforcement district',
    'Department of Justice of Astana (state bailiff)',
    'Investigative department of the Police of Karaganda Region',
  ],
  MORTGAGE: ['Halyk Bank of Kazakhstan JSC', 'Bank CenterCredit JSC', 'ForteBank JSC', 'Otbasy Bank JSC', 'Agrarian Credit Corporation JSC'],
  PROHIBITION_OF_ALIENATION: [
    'Specialised inter-district economic court of Almaty',
    'District court No. 2 of Astana',
    'Private notary of Shymkent notarial district',
  ],
  SERVITUDE: ['Akimat of the district (public servitude)', 'KEGOC JSC (power line right of way)', 'KazTransGas Aimak JSC (pipeline right of way)'],
  LEASE: ['Lease registered with the Government for Citizens state corporation'],
};

function encumbrances(world: World, owner: OwnerKey, key: string) {
  const rng = world.rng('s67', key);
  const records = [];
  for (const plot of world.landPlotsOf(owner)) {
    // Every plot the world marks as encumbered has a current encumbrance; some others show lifted ones.
    const count = (plot.encumbered ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const current = plot.encumbered && i === 0;
      const kind = rng.pick(KINDS);
      const imposedOn = rng.date(later(plot.acquiredOn, RECORDS_FROM), RECORDS_UNTIL);
      const liftedOn = current ? null : daysAfter(imposedOn, rng.int(60, 1500));
      const court = kind === 'ARREST' || kind === 'PROHIBITION_OF_ALIENATION';
      records.push({
        cadastralNumber: plot.cadastralNumber,
        registrationNumber: `${plot.cadastralNumber.replace(/\D/g, '').slice(0, 6)}-${rng.digits(7)}`,
        kind,
        status: liftedOn ? 'LIFTED' : 'IMPOSED',
        imposedOn,
        imposedBy: rng.pick(IMPOSED_BY[kind]),
        basisDocument: court ? `Decision No. ${rng.int(1, 9999)}/${imposedOn.slice(2, 4)}` : `Contract No. ${rng.digits(6)}`,
        basisDocumentDate: later(daysAfter(imposedOn, -rng.int(1, 20)), RECORDS_FROM),
        securedAmountKzt: kind === 'MORTGAGE' || kind === 'ARREST' ? rng.int(1_000, 90_000) * 1000 : null,
        liftedOn,
        liftingBasis: liftedOn ? (court ? 'Decision to lift the arrest' : 'Obligation performed in full') : null,
      });
    }
  }
  return records.length ? { landPlotEncumbrances: newestFirst(records, (r) => r.imposedOn) } : null;
}

export default defineService({
  number: 67,
  typeDefs: /* GraphQL */ `
    "Kind of encumbrance registered on a land plot."
    enum LandPlotEncumbranceKind {
      "Arrest imposed by a bailiff, investigator or court."
      ARREST
      "Pledge (mortgage) of the land plot or of the right to it."
      MORTGAGE
      "Prohibition of alienation (sale, donation) of the plot."
      PROHIBITION_OF_ALIENATION
      "Servitude: a right of limited use of the plot by others."
      SERVITUDE
      "Lease or temporary use by another person."
      LEASE
    }

    "Whether the encumbrance is in force."
    enum LandPlotEncumbranceStatus {
      IMPOSED
      LIFTED
    }

    "An encumbrance imposed on or lifted from a land plot, as registered in the legal cadastre."
    type LandPlotEncumbrance {
      "Cadastral number of the land plot."
      cadastralNumber: String!
      "Registration number of the encumbrance in the legal cadastre."
      registrationNumber: String!
      kind: LandPlotEncumbranceKind!
      status: LandPlotEncumbranceStatus!
      "Date the encumbrance was registered."
      imposedOn: Date!
      "The body or person in whose favour or by whose decision the encumbrance was imposed."
      imposedBy: String!
      "The document the encumbrance is based on (decision, contract)."
      basisDocument: String!
      "Date of that document."
      basisDocumentDate: Date!
      "Amount of the claim or obligation secured, KZT."
      securedAmountKzt: Float
      "Date the encumbrance was lifted, if it was."
      liftedOn: Date
      "The ground on which it was lifted."
      liftingBasis: String
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Encumbrances imposed on or lifted from the person's land plots (service 67), newest first."
      landPlotEncumbrances: [LandPlotEncumbrance!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Encumbrances imposed on or lifted from the entity's land plots (service 67), newest first."
      landPlotEncumbrances: [LandPlotEncumbrance!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => (world.person(iin) ? encumbrances(world, { iin }, iin) : null),
      LegalEntity: (bin, world) => (world.legalEntity(bin) ? encumbrances(world, { bin }, bin) : null),
    },
  },
  example: { entity: 'Person', selection: 'landPlotEncumbrances { cadastralNumber kind status imposedOn imposedBy securedAmountKzt liftedOn }' },
});
