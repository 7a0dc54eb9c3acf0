import { defineService } from '../../src/define.ts';
import type { OwnerKey, RealEstateRecord, World } from '@negiz/mocks/model.ts';

const ACQUISITION = ['PURCHASE', 'PURCHASE', 'PURCHASE', 'GIFT', 'INHERITANCE', 'PRIVATISATION', 'SHARED_CONSTRUCTION', 'COURT_DECISION'] as const;

/** The registered right to one object (service 30 notarises the contracts behind purchases and gifts). */
export function registration(property: RealEstateRecord, world: World) {
  const r = world.rng('s03', property.cadastralNumber);
  const dwelling = property.kind === 'APARTMENT' || property.kind === 'HOUSE';
  const ownershipForm = 'bin' in property.owner ? 'SOLE' : r.pick(['SOLE', 'SOLE', 'JOINT', 'SHARED'] as const);
  return {
    cadastralNumber: property.cadastralNumber,
    kind: property.kind,
    address: { ...property.address, apartment: property.address.apartment ?? null },
    areaSqm: property.areaSqm,
    livingAreaSqm: dwelling ? Math.round(property.areaSqm * (0.55 + r.next() * 0.2) * 10) / 10 : null,
    rooms: dwelling ? Math.max(1, Math.min(6, Math.round(property.areaSqm / 28))) : null,
    builtYear: r.int(1955, Number(property.acquiredOn.slice(0, 4))),
    acquiredOn: property.acquiredOn,
    acquisitionBasis: 'bin' in property.owner ? r.pick(['PURCHASE', 'SHARED_CONSTRUCTION', 'COURT_DECISION'] as const) : r.pick(ACQUISITION),
    ownershipForm,
    sharePercent: ownershipForm === 'SHARED' ? r.pick([50, 50, 33.33, 25]) : 100,
    rightRegistrationNumber: `${property.cadastralNumber.slice(0, 2)}-${property.acquiredOn.slice(0, 4)}-${r.digits(7)}`,
    registeredBy: `Branch of the State Corporation "Government for Citizens" for ${property.address.region}`,
  };
}

function propertiesOf(owner: OwnerKey, world: World) {
  const properties = world.realEstateOf(owner);
  return properties.length ? { realEstate: properties.map((p) => registration(p, world)) } : null;
}

export default defineService({
  number: 3,
  typeDefs: /* GraphQL */ `
    "Kind of registered real estate object."
    enum RealEstateKind {
      APARTMENT
      "Individual residential house."
      HOUSE
      "Non-residential (commercial) premises or building."
      COMMERCIAL
      "Garage or parking place."
      GARAGE
    }

    "Legal ground of the registered right."
    enum RealEstateAcquisitionBasis {
      "Purchase and sale contract."
      PURCHASE
      "Gift contract."
      GIFT
      "Certificate of inheritance."
      INHERITANCE
      "Privatisation of state housing."
      PRIVATISATION
      "Shared construction contract (new building)."
      SHARED_CONSTRUCTION
      "Court decision."
      COURT_DECISION
    }

    "Form of the owner's right."
    enum RealEstateOwnershipForm {
      "Sole ownership."
      SOLE
      "Joint ownership (spouses) without shares."
      JOINT
      "Shared ownership with defined shares."
      SHARED
    }

    "Address of a real estate object as held in the legal cadastre."
    type RealEstateAddress {
      "Region (oblast) or city of republican significance."
      region: String!
      "City, town or village."
      city: String!
      "Street or micro-district."
      street: String!
      "Building number."
      house: String!
      "Apartment or premises number."
      apartment: String
      "Six-digit postal code."
      postcode: String!
    }

    "A real estate object and the subject's registered right to it (service 3, the real estate register)."
    type RealEstateProperty {
      "Cadastral number of the object."
      cadastralNumber: String!
      "Kind of object."
      kind: RealEstateKind!
      "Address."
      address: RealEstateAddress!
      "Total area, square metres."
      areaSqm: Float!
      "Living area of a dwelling, square metres."
      livingAreaSqm: Float
      "Number of rooms of a dwelling."
      rooms: Int
      "Year of construction."
      builtYear: Int!
      "Date the right was registered."
      acquiredOn: Date!
      "Legal ground of the right."
      acquisitionBasis: RealEstateAcquisitionBasis!
      "Form of ownership."
      ownershipForm: RealEstateOwnershipForm!
      "The subject's share, percent (100 for sole and joint ownership)."
      sharePercent: Float!
      "Number of the state registration of the right."
      rightRegistrationNumber: String!
      "Registering body."
      registeredBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Real estate registered to the person (service 3)."
      realEstate: [RealEstateProperty!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Real estate registered to the legal entity (service 3)."
      realEstate: [RealEstateProperty!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => propertiesOf({ iin }, world),
      LegalEntity: (bin, world) => propertiesOf({ bin }, world),
    },
  },
  example: { entity: 'Person', selection: 'realEstate { cadastralNumber kind address { city street house apartment } areaSqm acquiredOn }' },
});
