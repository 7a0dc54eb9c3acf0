import { defineService } from '../../src/define.ts';
import { civilStatusActs } from './mock.ts';

export default defineService({
  number: 32,
  typeDefs: /* GraphQL */ `
    "Kind of civil status act record."
    enum CivilStatusActKind {
      BIRTH
      MARRIAGE
      DIVORCE
      DEATH
      NAME_CHANGE
    }

    "The part a person plays in a civil status act."
    enum CivilStatusPartyRole {
      CHILD
      MOTHER
      FATHER
      SPOUSE
      DECEASED
      "The person who applied (name change)."
      APPLICANT
    }

    "Legal state of a civil status act record."
    enum CivilStatusActStatus {
      VALID
      "Corrected or supplemented after registration."
      AMENDED
      "Annulled by a court decision."
      ANNULLED
    }

    "A participant of a civil status act, as written in the act."
    type CivilStatusActParty {
      "Role of the participant in the act."
      role: CivilStatusPartyRole!
      "The participant, when identified by IIN."
      person: Person
      "Full name as written in the act at registration."
      nameInAct: String!
    }

    "A civil status act record (birth, marriage, divorce, death, name change) of the civil registry (ZAGS)."
    type CivilStatusAct {
      "Number of the act record within the registry office and year."
      actNumber: String!
      "Kind of act (birth, marriage, divorce, death, name change)."
      kind: CivilStatusActKind!
      "Date of the event (birth, marriage, death...)."
      eventDate: Date!
      "Date the act was registered."
      registeredOn: Date!
      "Registry office that registered the act."
      registryOffice: String!
      "Number of the certificate issued on the act."
      certificateNumber: String!
      "Place of the event, where the act records one."
      placeOfEvent: String
      "Name before the change (name-change acts only)."
      previousName: String
      "Legal state of the act record."
      status: CivilStatusActStatus!
      "The role of the requested person in this act."
      subjectRole: CivilStatusPartyRole!
      "Participants named in the act (child and parents, spouses, deceased, applicant)."
      parties: [CivilStatusActParty!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Civil status acts the person is party to (own birth, children's births, marriages, divorces, death, name changes), newest first."
      civilStatusActs: [CivilStatusAct!]!
    }
  `,
  mock: { entities: { Person: civilStatusActs } },
  example: { entity: 'Person', selection: 'civilStatusActs { kind actNumber eventDate registryOffice subjectRole parties { role nameInAct } }' },
});
