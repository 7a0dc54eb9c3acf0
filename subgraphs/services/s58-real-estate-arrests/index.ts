import type { OwnerKey, RealEstateRecord, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { bailiffKind, openProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { addDays, dateWithin, earlier, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const AUTHORITIES = {
  INVESTIGATOR: (region: string) => `Investigation department of the Police Department of ${region}`,
  COURT: (region: string) => `Specialised inter-district economic court of ${region}`,
} as const;

/**
 * The arrest registered on one property, derived from the property (so co-owners' records agree). Most are a
 * bailiff's, in the owner's open enforcement proceedings of service 18; the rest secure a criminal case or a claim.
 */
function arrest(property: RealEstateRecord, world: World) {
  const r = world.rng('s58', property.cadastralNumber);
  const proceeding = r.chance(0.85) ? openProceedingsOf(property.owner, world)[0] : undefined;
  const other = r.pick(['INVESTIGATOR', 'COURT'] as const);
  const imposedBy = proceeding ? bailiffKind(proceeding) : other;
  const documentDate = dateWithin(r, later(later(property.acquiredOn, proceeding?.openedOn ?? '2010-01-01'), '2010-01-01'), addDays(RECORDS_UNTIL, -3));
  const court = imposedBy === 'COURT';
  return {
    cadastralNumber: property.cadastralNumber,
    propertyKind: property.kind,
    propertyAddress: [property.address.region, property.address.city, property.address.street, property.address.house, property.address.apartment]
      .filter(Boolean)
      .join(', '),
    kind: imposedBy === 'INVESTIGATOR' ? 'ARREST' : court ? 'PROHIBITION_OF_ALIENATION' : r.pick(['ARREST', 'PROHIBITION_OF_ALIENATION'] as const),
    imposedBy,
    imposingBody: proceeding ? proceeding.enforcementOffice : AUTHORITIES[other](property.address.region),
    documentKind: proceeding
      ? "Bailiff's order on the arrest of property"
      : court
        ? 'Court ruling on securing the claim'
        : "Investigator's order on the arrest of property (sanctioned by the investigating judge)",
    documentNumber: `${r.int(1, 9999)}`,
    documentDate,
    registeredOn: earlier(addDays(documentDate, r.int(0, 3)), RECORDS_UNTIL),
    groundsCaseNumber: proceeding
      ? proceeding.proceedingNumber
      : court
        ? `${r.int(2, 7)}${r.digits(3)}-${documentDate.slice(2, 4)}-00-2/${r.int(1, 9999)}`
        : `${documentDate.slice(2, 4)}${r.digits(13)}`,
    securedAmountKzt: proceeding ? proceeding.outstandingKzt : court ? r.int(100, 30_000) * 1_000 : null,
    status: 'ACTIVE',
  };
}

function arrestsOf(owner: OwnerKey, world: World) {
  const list = world
    .realEstateOf(owner)
    .filter((p) => p.arrested)
    .map((p) => arrest(p, world));
  return list.length ? { realEstateArrests: newestFirst(list, (a) => a.registeredOn) } : null;
}

export default defineService({
  number: 58,
  typeDefs: /* GraphQL */ `
    "Kind of real estate object under the arrest."
    enum ArrestedRealEstateKind {
      APARTMENT
      HOUSE
      COMMERCIAL
      GARAGE
    }

    "Kind of encumbrance."
    enum RealEstateArrestKind {
      "Arrest (seizure) of the property."
      ARREST
      "Prohibition of alienation (sale, gift, pledge)."
      PROHIBITION_OF_ALIENATION
    }

    "Who imposed the prohibition."
    enum RealEstateArrestAuthority {
      PRIVATE_BAILIFF
      "State bailiff of the Department of Justice."
      STATE_BAILIFF
      "Criminal prosecution body."
      INVESTIGATOR
      COURT
    }

    "State of the prohibition in the legal cadastre."
    enum RealEstateArrestStatus {
      ACTIVE
      LIFTED
    }

    "An arrest or prohibition registered on a real estate object in the legal cadastre."
    type RealEstateArrest {
      "Cadastral number of the object."
      cadastralNumber: String!
      "Kind of the object."
      propertyKind: ArrestedRealEstateKind!
      "Address of the object."
      propertyAddress: String!
      "Arrest or prohibition of alienation."
      kind: RealEstateArrestKind!
      "Kind of body that imposed it."
      imposedBy: RealEstateArrestAuthority!
      "Name of the body or officer that imposed it."
      imposingBody: String!
      "Kind of the act imposing it."
      documentKind: String!
      "Number of the order or ruling."
      documentNumber: String!
      "Date of the order or ruling."
      documentDate: Date!
      "Date of registration in the legal cadastre."
      registeredOn: Date!
      "Number of the enforcement proceedings, criminal case or court case it was imposed in."
      groundsCaseNumber: String!
      "Amount the arrest secures, KZT (enforcement and civil claims)."
      securedAmountKzt: Float
      "Whether the arrest is in force."
      status: RealEstateArrestStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Arrests and prohibitions on the person's real estate (service 58), newest first."
      realEstateArrests: [RealEstateArrest!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Arrests and prohibitions on the entity's real estate (service 58), newest first."
      realEstateArrests: [RealEstateArrest!]!
    }
  `,
  mock: { entities: { Person: (iin, world) => arrestsOf({ iin }, world), LegalEntity: (bin, world) => arrestsOf({ bin }, world) } },
  example: { entity: 'Person', selection: 'realEstateArrests { cadastralNumber propertyAddress kind imposedBy documentNumber documentDate status }' },
});
