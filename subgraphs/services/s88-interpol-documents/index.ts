import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { personOfSerial, personSerial } from '../_shared/person-serial.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { recordSpan } from '../_shared/record-dates.ts';

function lostDocuments(world: World, iin: string) {
  const person = world.person(iin);
  const window = person && recordSpan(person, 16);
  if (!person || !window || person.citizenship !== 'KAZ') return [];
  const rng = world.rng('s88', iin);
  const serial = personSerial(world, iin);
  if (!serial || !rng.chance(0.025)) return [];
  return Array.from({ length: rng.chance(0.15) ? 2 : 1 }, (_, sequence) => {
    const documentType = rng.chance(0.6) ? 'ID_CARD' : 'PASSPORT';
    const reportedOn = rng.date(window.from, window.to);
    return {
      // Former documents carry the holder's serial, so the SLTD check can find them by number.
      documentNumber: `${documentType === 'PASSPORT' ? 'N' : '0'}${serial}${sequence}`,
      documentType,
      issuingCountry: 'KAZ',
      reason: rng.chance(0.7) ? 'LOST' : 'STOLEN',
      reportedOn,
      recordedOn: daysAfter(reportedOn, rng.int(1, 15)),
      interpolRecordId: `SLTD-${reportedOn.slice(0, 4)}-${rng.digits(9)}`,
      holder: { iin },
    };
  });
}

export default defineService({
  number: 88,
  typeDefs: /* GraphQL */ `
    "Type of a travel document in Interpol's SLTD database."
    enum InterpolTravelDocumentType {
      PASSPORT
      ID_CARD
    }

    "Why the document is in the SLTD database."
    enum InterpolTravelDocumentReason {
      LOST
      STOLEN
      "Revoked by the issuing authority."
      REVOKED
    }

    "A record of Interpol's Stolen and Lost Travel Documents (SLTD) database for a document issued to a person by Kazakhstan."
    type InterpolTravelDocumentRecord {
      "Number of the document."
      documentNumber: String!
      documentType: InterpolTravelDocumentType!
      "Issuing country (ISO 3166 alpha-3)."
      issuingCountry: String!
      reason: InterpolTravelDocumentReason!
      "Date the loss or theft was reported to the police."
      reportedOn: Date!
      "Date the record was entered in the SLTD database."
      recordedOn: Date!
      "Interpol record identifier."
      interpolRecordId: String!
      "The person the document was issued to."
      holder: Person!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "The person's documents recorded in Interpol's Stolen and Lost Travel Documents database (service 88), newest first."
      interpolLostTravelDocuments: [InterpolTravelDocumentRecord!]!
    }

    type Query {
      "Checks a travel document number against Interpol's Stolen and Lost Travel Documents database (service 88); null when it is not recorded."
      interpolTravelDocument(documentNumber: String!): InterpolTravelDocumentRecord
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const documents = lostDocuments(world, iin);
        return documents.length ? { interpolLostTravelDocuments: newestFirst(documents, (d) => d.reportedOn) } : null;
      },
    },
    queries: {
      interpolTravelDocument: (args, world) => {
        const number = String(args.documentNumber ?? '')
          .trim()
          .toUpperCase();
        const iin = /^[N0]\d{8}$/.test(number) ? personOfSerial(world, number.slice(1, 8)) : undefined;
        return iin ? (lostDocuments(world, iin).find((d) => d.documentNumber === number) ?? null) : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'interpolLostTravelDocuments { documentNumber documentType reason reportedOn recordedOn interpolRecordId }' },
});
