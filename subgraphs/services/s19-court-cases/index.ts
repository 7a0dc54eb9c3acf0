import { defineService } from '../../src/define.ts';
import type { OwnerKey, World } from '@negiz/mocks/model.ts';
import { addDays, dateWithin, legalEntitySpan, recordSpan } from '../_shared/record-dates.ts';
import { courtCards } from '../s20-court-cards/index.ts';

const CIVIL = [
  { subject: 'Recovery of a debt under a loan agreement', roles: ['DEFENDANT', 'DEFENDANT', 'PLAINTIFF'] },
  { subject: 'Dissolution of marriage', roles: ['PLAINTIFF', 'DEFENDANT'] },
  { subject: 'Recovery of alimony', roles: ['PLAINTIFF', 'DEFENDANT'] },
  { subject: 'Compensation of damage caused by a road accident', roles: ['PLAINTIFF', 'DEFENDANT', 'THIRD_PARTY'] },
  { subject: 'Recognition of the right of ownership', roles: ['PLAINTIFF', 'APPLICANT'] },
  { subject: 'Reinstatement at work', roles: ['PLAINTIFF'] },
  { subject: 'Establishment of a fact of legal significance', roles: ['APPLICANT'] },
] as const;
const ENTITY_CIVIL = [
  'Recovery of a debt under a supply contract',
  'Recognition of a tax authority notice as invalid',
  'Recovery of penalties under a public procurement contract',
  'Bankruptcy',
  'Recovery of wage arrears',
];
const OUTCOMES = [
  'Claim satisfied in full',
  'Claim satisfied in part',
  'Claim dismissed',
  'Proceedings terminated: settlement agreement',
  'Claim left without consideration',
];

function cases(owner: OwnerKey, span: { from: string; to: string }, city: string, world: World) {
  const key = 'iin' in owner ? owner.iin : owner.bin;
  const r = world.rng('s19', key);
  const court = (kind: string) => `${kind} of ${city}`;
  const rows: Array<Record<string, unknown>> = [];
  if ('iin' in owner) {
    for (const card of courtCards(owner.iin, world)) {
      rows.push({
        caseNumber: `${r.digits(4)}-${card.verdictOn.slice(2, 4)}-00-1/${r.int(1, 999)}`,
        court: card.court,
        category: 'CRIMINAL',
        participation: 'ACCUSED',
        subject: `Criminal Code article ${card.criminalCodeArticle}: ${card.articleTitle}`,
        receivedOn: addDays(card.verdictOn, -r.int(20, 50)),
        stage: 'DECIDED',
        decidedOn: card.verdictOn,
        outcome: card.outcome === 'CONVICTED' ? 'Guilty verdict' : card.outcome === 'ACQUITTED' ? 'Acquittal' : 'Case dismissed',
      });
    }
  }
  const n = r.chance('iin' in owner ? 0.15 : 0.25) ? r.int(1, 3) : 0;
  for (let k = 0; k < n; k++) {
    const receivedOn = dateWithin(r, span.from, span.to);
    const decidedOn = addDays(receivedOn, r.int(20, 240));
    const decided = decidedOn <= span.to;
    const adminOffence = r.chance(0.15);
    const civil = r.pick(CIVIL);
    rows.push({
      caseNumber: `${r.digits(4)}-${receivedOn.slice(2, 4)}-00-${adminOffence ? '5' : '2'}/${r.int(1, 9999)}`,
      court: court(
        adminOffence
          ? 'Specialised inter-district administrative court'
          : r.pick(['District court No. 2', 'Specialised inter-district economic court', 'City court']),
      ),
      category: adminOffence ? 'ADMINISTRATIVE_OFFENCE' : 'iin' in owner ? 'CIVIL' : r.pick(['CIVIL', 'CIVIL', 'ADMINISTRATIVE'] as const),
      participation: adminOffence
        ? 'PERSON_BROUGHT_TO_LIABILITY'
        : 'iin' in owner
          ? r.pick(civil.roles)
          : r.pick(['PLAINTIFF', 'DEFENDANT', 'DEFENDANT'] as const),
      subject: adminOffence ? 'Case of an administrative offence' : 'iin' in owner ? civil.subject : r.pick(ENTITY_CIVIL),
      receivedOn,
      stage: decided ? (r.chance(0.15) ? 'APPEALED' : 'DECIDED') : 'PENDING',
      decidedOn: decided ? decidedOn : null,
      outcome: decided ? (adminOffence ? r.pick(['Fine imposed', 'Proceedings terminated']) : r.pick(OUTCOMES)) : null,
    });
  }
  return rows.length ? rows.sort((a, b) => ((b.receivedOn as string) < (a.receivedOn as string) ? -1 : 1)) : null;
}

export default defineService({
  number: 19,
  typeDefs: /* GraphQL */ `
    "Category of a court case."
    enum CourtCaseCategory {
      CIVIL
      CRIMINAL
      "Administrative case (disputes with public bodies)."
      ADMINISTRATIVE
      "Case of an administrative offence."
      ADMINISTRATIVE_OFFENCE
    }

    "The subject's part in the case."
    enum CourtCaseParticipation {
      PLAINTIFF
      DEFENDANT
      "Applicant in special (non-contentious) proceedings."
      APPLICANT
      THIRD_PARTY
      "Defendant in a criminal case."
      ACCUSED
      "Person brought to administrative liability."
      PERSON_BROUGHT_TO_LIABILITY
    }

    "Stage of the case in the first instance."
    enum CourtCaseStage {
      PENDING
      DECIDED
      "Decided and appealed to a higher court."
      APPEALED
    }

    "A case in a court of the Republic of Kazakhstan with the subject as a participant (service 19, the courts' database)."
    type CourtCase {
      "Case number."
      caseNumber: String!
      "Court."
      court: String!
      "Category."
      category: CourtCaseCategory!
      "The subject's part in the case."
      participation: CourtCaseParticipation!
      "Subject matter of the case."
      subject: String!
      "Date the case was received by the court."
      receivedOn: Date!
      "Stage."
      stage: CourtCaseStage!
      "Date of the decision."
      decidedOn: Date
      "Outcome in the first instance."
      outcome: String
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Court cases in which the person participates, newest first (service 19)."
      courtCases: [CourtCase!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Court cases in which the legal entity participates, newest first (service 19)."
      courtCases: [CourtCase!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 16);
        const rows = span && cases({ iin }, span, person.address.city, world);
        return rows ? { courtCases: rows } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const rows = entity && cases({ bin }, legalEntitySpan(entity), entity.address.city, world);
        return rows ? { courtCases: rows } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'courtCases { caseNumber court category participation subject receivedOn stage outcome }' },
});
