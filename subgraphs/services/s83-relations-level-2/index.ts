import { defineService } from '../../src/define.ts';
import { relationKindEnum, secondLevelRelations, SECOND_LEVEL_BOUNDS } from '../_shared/relations.ts';

export default defineService({
  number: 83,
  typeDefs: /* GraphQL */ `
    ${relationKindEnum('SecondLevelRelationKind', 'How two subjects of a level-2 relation chain are linked.')}
    "A level-2 relation: a link of one of the subject's directly linked persons or legal entities (the intermediary) to a further person, legal entity or piece of property. The subject itself and its direct links are not repeated; each target appears once, through the first intermediary found."
    type SecondLevelRelation {
      "How the subject is linked to the intermediary (the level-1 link)."
      viaKind: SecondLevelRelationKind!
      "The intermediary, when it is a natural person."
      viaPerson: Person
      "The intermediary, when it is a legal entity."
      viaLegalEntity: LegalEntity
      "Description of the intermediary."
      viaLabel: String!
      "How the intermediary is linked to the target."
      kind: SecondLevelRelationKind!
      "The target person, when the link leads to a natural person."
      person: Person
      "The target legal entity."
      legalEntity: LegalEntity
      "The target vehicle, for OWNS_VEHICLE."
      vehicle: Vehicle
      "The target weapon, for OWNS_WEAPON."
      weapon: Weapon
      "Cadastral number of the target real estate or land plot."
      cadastralNumber: String
      "Human-readable description of the target."
      label: String!
      "Share in the charter capital, for founder links (percent)."
      sharePercent: Float
      "Date from which the intermediary's link is registered, when the source records it."
      since: Date
    }

    type Vehicle @key(fields: "vin", resolvable: false) {
      vin: String!
    }

    type Weapon @key(fields: "serialNumber", resolvable: false) {
      serialNumber: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Level-2 relations (service 83): the links of the person's direct links, at most ${SECOND_LEVEL_BOUNDS.links} through at most ${SECOND_LEVEL_BOUNDS.intermediaries} intermediaries."
      secondLevelRelations: [SecondLevelRelation!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Level-2 relations (service 83): the links of the entity's head and founders, at most ${SECOND_LEVEL_BOUNDS.links} through at most ${SECOND_LEVEL_BOUNDS.intermediaries} intermediaries."
      secondLevelRelations: [SecondLevelRelation!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        if (!world.person(iin)) return null;
        const links = secondLevelRelations(world, { iin });
        return links.length ? { secondLevelRelations: links } : null;
      },
      LegalEntity: (bin, world) => {
        if (!world.legalEntity(bin)) return null;
        const links = secondLevelRelations(world, { bin });
        return links.length ? { secondLevelRelations: links } : null;
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'secondLevelRelations { viaKind viaLabel viaPerson { iin } kind label person { iin } legalEntity { bin } cadastralNumber }',
  },
  cacheTtlSeconds: 300,
});
