import { defineService } from '../../src/define.ts';
import type { PersonRecord, World } from '@negiz/mocks/model.ts';

/** The identity fields of one person, as the state database of natural persons returns them. */
function individual(person: PersonRecord) {
  const { address, document } = person;
  return {
    iin: person.iin,
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName ?? null,
    fullName: [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' '),
    latinName: person.latinName,
    birthDate: person.birthDate,
    birthPlace: person.birthPlace,
    sex: person.sex,
    citizenship: person.citizenship,
    nationality: person.nationality,
    lifeStatus: person.deathDate ? 'DECEASED' : 'ALIVE',
    deathDate: person.deathDate ?? null,
    registeredAddress: {
      region: address.region,
      city: address.city,
      street: address.street,
      house: address.house,
      apartment: address.apartment ?? null,
      postcode: address.postcode,
    },
    identityDocument: { ...document },
  };
}

function lookup(iin: string, world: World) {
  const person = world.person(iin);
  return person ? individual(person) : null;
}

export default defineService({
  number: 1,
  typeDefs: /* GraphQL */ `
    "Sex as recorded in the state database of natural persons."
    enum IndividualSex {
      MALE
      FEMALE
    }

    "Whether the database holds a registered death for the person."
    enum IndividualLifeStatus {
      ALIVE
      "A death is registered in the civil status records."
      DECEASED
    }

    "Kind of the identity document the person currently holds."
    enum IndividualDocumentType {
      "Identity card of a citizen of the Republic of Kazakhstan."
      ID_CARD
      "Passport of a citizen of the Republic of Kazakhstan."
      PASSPORT
      "Residence permit of a foreigner or a stateless person."
      RESIDENCE_PERMIT
    }

    "The permanent registration address (propiska) held in the state database of natural persons."
    type IndividualRegisteredAddress {
      "Region (oblast) or city of republican significance."
      region: String!
      "City, town or village."
      city: String!
      "Street, avenue or micro-district."
      street: String!
      "House number."
      house: String!
      "Apartment number, when the house has apartments."
      apartment: String
      "Six-digit postal code."
      postcode: String!
    }

    "The identity document currently valid, as last issued by the migration service."
    type IndividualIdentityDocument {
      "Kind of document."
      type: IndividualDocumentType!
      "Document number (nine digits for an identity card, N + eight digits for a passport)."
      number: String!
      "Date of issue."
      issuedOn: Date!
      "Expiry date."
      validUntil: Date!
      "Issuing authority as printed on the document."
      issuer: String!
    }

    "A natural person: the identity record of the state database of natural persons (service 1)."
    type Person @key(fields: "iin") {
      "Individual identification number."
      iin: IIN!
      "Surname, in Cyrillic, as in the identity document."
      lastName: String!
      "First name, in Cyrillic."
      firstName: String!
      "Patronymic, when the person has one."
      middleName: String
      "Surname, first name and patronymic in one string."
      fullName: String!
      "Name in Latin script as in the passport."
      latinName: String!
      "Date of birth."
      birthDate: Date!
      "Place of birth (settlement and country)."
      birthPlace: String!
      "Sex."
      sex: IndividualSex!
      "Citizenship, ISO 3166-1 alpha-3 code (KAZ for citizens of Kazakhstan)."
      citizenship: String!
      "Nationality (ethnicity) as declared by the person."
      nationality: String!
      "Whether a death is registered."
      lifeStatus: IndividualLifeStatus!
      "Date of death, when registered."
      deathDate: Date
      "Permanent registration address."
      registeredAddress: IndividualRegisteredAddress!
      "Identity document currently valid."
      identityDocument: IndividualIdentityDocument!
    }

    type Query {
      "A natural person by IIN from the state database of natural persons (service 1); null when no person has this IIN."
      person(iin: IIN!): Person
    }
  `,
  mock: {
    entities: { Person: lookup },
    queries: { person: (args, world) => lookup(String(args.iin), world) },
  },
  example: { entity: 'Person', selection: 'fullName birthDate sex citizenship registeredAddress { region city } identityDocument { type number validUntil }' },
});
