import { defineService } from '../../src/define.ts';
import { directRelations, relationKindEnum } from '../_shared/relations.ts';

const linkFields = /* GraphQL */ `
  "The linked person, when the link leads to a natural person."
  person: Person
  "The linked legal entity, when the link leads to a company or organisation."
  legalEntity: LegalEntity
  "The linked vehicle, for OWNS_VEHICLE."
  vehicle: Vehicle
  "The linked weapon, for OWNS_WEAPON."
  weapon: Weapon
  "Cadastral number of the linked real estate or land plot."
  cadastralNumber: String
  "Human-readable description of the linked subject or object as the analytical system shows it."
  label: String!
  "Share in the charter capital, for founder links (percent)."
  sharePercent: Float
  "Date from which the link is registered, when the source records it."
  since: Date
`;

export default defineService({
  number: 82,
  typeDefs: /* GraphQL */ `
    ${relationKindEnum('DirectRelationKind', 'How the subject is linked to the target of a level-1 relation.')}
    "A level-1 relation: a direct link of the subject to a person, a legal entity or a piece of property, built by the analytical system from the civil status, legal entity, vehicle, weapon, real estate and land registers."
    type DirectRelation {
      "The kind of link, read from the subject towards the target."
      kind: DirectRelationKind!
      ${linkFields}
    }

    type Vehicle @key(fields: "vin", resolvable: false) {
      vin: String!
    }

    type Weapon @key(fields: "serialNumber", resolvable: false) {
      serialNumber: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Level-1 relations (service 82): family, companies headed or founded, property owned."
      directRelations: [DirectRelation!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Level-1 relations (service 82): head, founders and property of the legal entity."
      directRelations: [DirectRelation!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        if (!world.person(iin)) return null;
        const links = directRelations(world, { iin });
        return links.length ? { directRelations: links } : null;
      },
      LegalEntity: (bin, world) => {
        if (!world.legalEntity(bin)) return null;
        return { directRelations: directRelations(world, { bin }) };
      },
    },
  },
  example: { entity: 'Person', selection: 'directRelations { kind label sharePercent since person { iin } legalEntity { bin } cadastralNumber }' },
});
