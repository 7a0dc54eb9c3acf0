import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, addYears, later, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';

export interface IdentityApplicationRow {
  applicationNumber: string;
  submittedOn: string;
  reason: 'FIRST_ISSUE' | 'EXPIRY' | 'LOSS' | 'THEFT' | 'DAMAGE' | 'CHANGE_OF_PERSONAL_DATA';
  documentType: 'ID_CARD' | 'PASSPORT' | 'RESIDENCE_PERMIT';
  acceptedBy: string;
  registrationAddress: string;
  status: 'ISSUED' | 'IN_PROGRESS';
  issuedDocumentNumber: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  issuer: string;
}

/**
 * Form No. 1 applications, oldest first. The newest produced the document the person holds now (service 1);
 * earlier ones go back in ten-year steps to the first identity card at 16. Service 27 photographs each applicant.
 */
export function identityApplications(iin: string, world: World): IdentityApplicationRow[] {
  const person = world.person(iin);
  if (!person) return [];
  const r = world.rng('s28', iin);
  const { document, address } = person;
  const firstAllowed = later(RECORDS_FROM, addYears(person.birthDate, 16));
  const issued: Array<{ on: string; number: string; validUntil: string }> = [
    { on: document.issuedOn, number: document.number, validUntil: document.validUntil },
  ];
  for (let on = addYears(document.issuedOn, -10); on >= firstAllowed; on = addYears(on, -10)) {
    issued.unshift({ on, number: document.type === 'PASSPORT' ? `N${r.digits(8)}` : r.digits(9), validUntil: addYears(on, 10) });
  }
  const rows: IdentityApplicationRow[] = issued
    .filter((d) => d.on >= RECORDS_FROM)
    .map((d, k) => {
      const submittedOn = addDays(d.on, -r.int(3, 14));
      const atSixteen = addYears(person.birthDate, 16);
      return {
        applicationNumber: `F1-${submittedOn.slice(0, 4)}-${r.digits(9)}`,
        submittedOn,
        reason:
          k === 0 && submittedOn <= addYears(atSixteen, 1)
            ? 'FIRST_ISSUE'
            : k === 0
              ? r.pick(['EXPIRY', 'LOSS', 'DAMAGE'] as const)
              : r.pick(['EXPIRY', 'EXPIRY', 'EXPIRY', 'LOSS', 'THEFT', 'CHANGE_OF_PERSONAL_DATA'] as const),
        documentType: document.type,
        acceptedBy: `Public service centre No. ${r.int(1, 12)}, ${address.city}`,
        registrationAddress: [address.region, address.city, address.street, address.house, address.apartment].filter(Boolean).join(', '),
        status: 'ISSUED' as const,
        issuedDocumentNumber: d.number,
        issuedOn: d.on,
        validUntil: d.validUntil,
        issuer: document.issuer,
      };
    });
  // Some holders of an expiring document have already applied for the next one.
  if (document.validUntil <= addDays(RECORDS_UNTIL, 60) && !person.deathDate && r.chance(0.5)) {
    rows.push({
      applicationNumber: `F1-2026-${r.digits(9)}`,
      submittedOn: addDays(RECORDS_UNTIL, -r.int(1, 10)),
      reason: 'EXPIRY',
      documentType: document.type,
      acceptedBy: `Public service centre No. ${r.int(1, 12)}, ${address.city}`,
      registrationAddress: [address.region, address.city, address.street, address.house, address.apartment].filter(Boolean).join(', '),
      status: 'IN_PROGRESS',
      issuedDocumentNumber: null,
      issuedOn: null,
      validUntil: null,
      issuer: document.issuer,
    });
  }
  return rows.filter((row) => row.submittedOn >= RECORDS_FROM && row.submittedOn <= (person.deathDate ?? RECORDS_UNTIL));
}

export default defineService({
  number: 28,
  typeDefs: /* GraphQL */ `
    "Why the document was applied for."
    enum IdentityApplicationReason {
      "First identity card, at 16."
      FIRST_ISSUE
      EXPIRY
      LOSS
      THEFT
      DAMAGE
      "Change of surname, name or other personal data."
      CHANGE_OF_PERSONAL_DATA
    }

    "Document applied for."
    enum IdentityApplicationDocumentType {
      ID_CARD
      PASSPORT
      RESIDENCE_PERMIT
    }

    "Processing state of the application."
    enum IdentityApplicationStatus {
      IN_PROGRESS
      "The document was produced and handed over."
      ISSUED
    }

    "An application on form No. 1 of the population documentation system for an identity document (service 28)."
    type IdentityDocumentApplication {
      "Application number."
      applicationNumber: String!
      "Date submitted."
      submittedOn: Date!
      "Reason."
      reason: IdentityApplicationReason!
      "Document applied for."
      documentType: IdentityApplicationDocumentType!
      "Where the application was accepted."
      acceptedBy: String!
      "Registration address the applicant declared."
      registrationAddress: String!
      "Processing state."
      status: IdentityApplicationStatus!
      "Number of the document issued."
      issuedDocumentNumber: String
      "Date of issue."
      issuedOn: Date
      "Expiry of the document issued."
      validUntil: Date
      "Issuing authority."
      issuer: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Applications for identity documents (form No. 1), newest first (service 28)."
      identityDocumentApplications: [IdentityDocumentApplication!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const rows = identityApplications(iin, world);
        return rows.length ? { identityDocumentApplications: rows.reverse() } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'identityDocumentApplications { submittedOn reason documentType status issuedDocumentNumber issuedOn }' },
});
