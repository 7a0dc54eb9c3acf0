import { defineService } from '../../src/define.ts';
import type { LegalEntityRecord, World } from '@negiz/mocks/model.ts';

/**
 * Founders that are companies are served by this same service, so their registration must travel with the
 * answer; ownership chains can loop, so nesting stops here and deeper founders keep only their BIN.
 */
const FOUNDER_NESTING = 2;

function registration(entity: LegalEntityRecord, world: World, depth: number): Record<string, unknown> {
  const r = world.rng('s02', entity.bin);
  const founders = entity.founders.map((founder) => {
    const company = founder.bin && depth < FOUNDER_NESTING ? world.legalEntity(founder.bin) : undefined;
    return {
      founderIin: founder.iin ?? null,
      founderBin: founder.bin ?? null,
      person: founder.iin ? { iin: founder.iin } : null,
      company: company ? registration(company, world, depth + 1) : null,
      sharePercent: founder.sharePercent,
    };
  });
  return {
    bin: entity.bin,
    name: entity.name,
    nameKk: entity.nameKk,
    legalForm: entity.legalForm,
    registeredOn: entity.registeredOn,
    registrationStatus: entity.status,
    registrationAuthority: `Department of Justice of ${entity.address.region}`,
    enterpriseSize: r.pick(['SMALL', 'SMALL', 'SMALL', 'MEDIUM', 'LARGE']),
    activity: { ...entity.activity },
    legalAddress: { ...entity.address, apartment: entity.address.apartment ?? null },
    directorIin: entity.directorIin,
    director: { iin: entity.directorIin },
    founders,
  };
}

function lookup(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  return entity ? registration(entity, world, 0) : null;
}

export default defineService({
  number: 2,
  typeDefs: /* GraphQL */ `
    "Organisational and legal form of a registered legal entity."
    enum LegalEntityForm {
      "Limited liability partnership (TOO)."
      LLP
      "Joint-stock company (AO)."
      JSC
      "Individual entrepreneur registered with a BIN (joint venture or sole proprietorship)."
      SOLE_PROPRIETOR
      "State enterprise (RGP / GKP)."
      STATE_ENTERPRISE
      "Public association or foundation."
      PUBLIC_ASSOCIATION
      "Branch or representative office of a legal entity."
      BRANCH
    }

    "Registration status in the state database of legal entities."
    enum LegalEntityRegistrationStatus {
      ACTIVE
      "Liquidated: excluded from the register."
      LIQUIDATED
      "Activity suspended (by the owner or by a court or tax authority decision)."
      SUSPENDED
    }

    "Size of the enterprise by the statistical classification (headcount and annual income)."
    enum LegalEntitySize {
      SMALL
      MEDIUM
      LARGE
    }

    "Main economic activity, by the general classifier of economic activities (OKED)."
    type LegalEntityActivity {
      "OKED code, five digits."
      code: String!
      "OKED name of the activity."
      name: String!
    }

    "Registered (legal) address of a legal entity."
    type LegalEntityAddress {
      "Region (oblast) or city of republican significance."
      region: String!
      "City, town or village."
      city: String!
      "Street or micro-district."
      street: String!
      "Building number."
      house: String!
      "Office or apartment, when any."
      apartment: String
      "Six-digit postal code."
      postcode: String!
    }

    "A founder (participant) of a legal entity and their share in the charter capital."
    type LegalEntityFounder {
      "IIN of a founder who is a natural person."
      founderIin: IIN
      "BIN of a founder who is a legal entity."
      founderBin: BIN
      "The founder when a natural person."
      person: Person
      "The founder when a legal entity (registration nested two levels deep; deeper, query legalEntity by founderBin)."
      company: LegalEntity
      "Share in the charter capital, percent."
      sharePercent: Float!
    }

    type Person @key(fields: "iin", resolvable: false) {
      iin: IIN!
    }

    "A legal entity, branch or representative office: the registration record of the state database of legal entities (service 2)."
    type LegalEntity @key(fields: "bin") {
      "Business identification number."
      bin: BIN!
      "Full name in Russian, with the legal form."
      name: String!
      "Full name in Kazakh."
      nameKk: String!
      "Organisational and legal form."
      legalForm: LegalEntityForm!
      "Date of state registration."
      registeredOn: Date!
      "Registration status."
      registrationStatus: LegalEntityRegistrationStatus!
      "Justice body that registered the entity."
      registrationAuthority: String!
      "Enterprise size."
      enterpriseSize: LegalEntitySize!
      "Main economic activity."
      activity: LegalEntityActivity!
      "Registered address."
      legalAddress: LegalEntityAddress!
      "IIN of the head (director)."
      directorIin: IIN!
      "The head (director)."
      director: Person!
      "Founders (participants) with their shares."
      founders: [LegalEntityFounder!]!
    }

    type Query {
      "A legal entity by BIN from the state database of legal entities (service 2); null when none has this BIN."
      legalEntity(bin: BIN!): LegalEntity
    }
  `,
  mock: {
    entities: { LegalEntity: lookup },
    queries: { legalEntity: (args, world) => lookup(String(args.bin), world) },
  },
  example: {
    entity: 'LegalEntity',
    selection: 'name legalForm registeredOn registrationStatus activity { code name } directorIin founders { founderIin founderBin sharePercent }',
  },
});
