import { defineService } from '../../src/define.ts';
import type { OwnerKey, World } from '@negiz/mocks/model.ts';
import { registration as realEstateRight } from '../s03-real-estate/index.ts';
import { addDays, dateWithin, legalEntitySpan, recordSpan, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';

type Kind = 'POWER_OF_ATTORNEY' | 'SALE_CONTRACT' | 'GIFT_CONTRACT' | 'PLEDGE_CONTRACT' | 'WILL' | 'INHERITANCE_CERTIFICATE' | 'CONSENT' | 'COPY_CERTIFICATION';
type Role = 'PRINCIPAL' | 'REPRESENTATIVE' | 'SELLER' | 'BUYER' | 'DONOR' | 'DONEE' | 'PLEDGOR' | 'PLEDGEE' | 'TESTATOR' | 'HEIR' | 'APPLICANT';

const OTHER: ReadonlyArray<{ kind: Kind; roles: Role[]; subject: string }> = [
  { kind: 'POWER_OF_ATTORNEY', roles: ['PRINCIPAL', 'PRINCIPAL', 'REPRESENTATIVE'], subject: 'Power of attorney to drive and manage a motor vehicle' },
  { kind: 'POWER_OF_ATTORNEY', roles: ['PRINCIPAL', 'REPRESENTATIVE'], subject: 'General power of attorney to represent interests in state bodies and courts' },
  { kind: 'CONSENT', roles: ['APPLICANT'], subject: 'Consent of a parent to a minor child travelling abroad' },
  { kind: 'CONSENT', roles: ['APPLICANT'], subject: 'Consent of a spouse to the sale of jointly owned property' },
  { kind: 'COPY_CERTIFICATION', roles: ['APPLICANT'], subject: 'Certification of copies of documents' },
  { kind: 'WILL', roles: ['TESTATOR'], subject: 'Will' },
  { kind: 'PLEDGE_CONTRACT', roles: ['PLEDGOR'], subject: 'Pledge of immovable property to secure a bank loan' },
];
const ENTITY_OTHER: ReadonlyArray<{ kind: Kind; roles: Role[]; subject: string }> = [
  { kind: 'POWER_OF_ATTORNEY', roles: ['PRINCIPAL'], subject: 'Power of attorney issued by the legal entity to its representative' },
  { kind: 'PLEDGE_CONTRACT', roles: ['PLEDGOR', 'PLEDGEE'], subject: 'Pledge of property to secure a bank loan' },
  { kind: 'COPY_CERTIFICATION', roles: ['APPLICANT'], subject: 'Certification of copies of constituent documents' },
];

/** Purchases of real estate (service 3) and inheritances after a parent's death are notarised here too. */
function acts(owner: OwnerKey, span: { from: string; to: string }, city: string, world: World) {
  const key = 'iin' in owner ? owner.iin : owner.bin;
  const r = world.rng('s30', key);
  const rows: Array<{ performedOn: string; revokedOn: string | null } & Record<string, unknown>> = [];
  const notary = () => ({ notary: `Notary of the ${city} notarial district`, notaryLicenceNumber: `${r.digits(2)}${r.digits(6)}` });
  const add = (kind: Kind, role: Role, performedOn: string, subject: string) => {
    const revoked = kind === 'POWER_OF_ATTORNEY' && r.chance(0.15);
    rows.push({
      registryNumber: `${performedOn.slice(0, 4)}-${r.digits(7)}`,
      kind,
      role,
      performedOn,
      subject,
      ...notary(),
      revokedOn: revoked ? addDays(performedOn, r.int(10, 300)) : null,
    });
  };
  for (const property of world.realEstateOf(owner)) {
    const { acquisitionBasis } = realEstateRight(property, world);
    const on = addDays(property.acquiredOn, -r.int(1, 10));
    if (on < span.from) continue;
    const object = `${property.kind.toLowerCase()}, cadastral number ${property.cadastralNumber}`;
    if (acquisitionBasis === 'PURCHASE') add('SALE_CONTRACT', 'BUYER', on, `Purchase and sale of ${object}`);
    if (acquisitionBasis === 'GIFT') add('GIFT_CONTRACT', 'DONEE', on, `Gift of ${object}`);
    if (acquisitionBasis === 'INHERITANCE') add('INHERITANCE_CERTIFICATE', 'HEIR', on, `Certificate of the right to inheritance of ${object}`);
  }
  if ('iin' in owner) {
    for (const parent of world.family(owner.iin).parents.map((p) => world.person(p))) {
      if (parent?.deathDate && parent.deathDate >= RECORDS_FROM) {
        const on = addDays(parent.deathDate, r.int(180, 400));
        if (on <= span.to) add('INHERITANCE_CERTIFICATE', 'HEIR', on, 'Certificate of the right to inheritance by law');
      }
    }
  }
  const pool = 'iin' in owner ? OTHER : ENTITY_OTHER;
  if (r.chance(0.3)) {
    for (let k = r.int(1, 3); k > 0; k--) {
      const act = r.pick(pool);
      add(act.kind, r.pick(act.roles), dateWithin(r, span.from, span.to), act.subject);
    }
  }
  const valid = rows
    .filter((row) => row.performedOn <= RECORDS_UNTIL)
    .map((row) => ({ ...row, revokedOn: row.revokedOn && row.revokedOn <= RECORDS_UNTIL ? row.revokedOn : null }));
  return valid.length ? { notarialActs: valid.sort((a, b) => (b.performedOn < a.performedOn ? -1 : 1)) } : null;
}

export default defineService({
  number: 30,
  typeDefs: /* GraphQL */ `
    "Kind of notarial act."
    enum NotarialActKind {
      POWER_OF_ATTORNEY
      SALE_CONTRACT
      GIFT_CONTRACT
      PLEDGE_CONTRACT
      WILL
      "Certificate of the right to inheritance."
      INHERITANCE_CERTIFICATE
      "Certified consent (of a spouse, of a parent)."
      CONSENT
      "Certification of copies of documents."
      COPY_CERTIFICATION
    }

    "The subject's part in the notarial act."
    enum NotarialActRole {
      PRINCIPAL
      REPRESENTATIVE
      SELLER
      BUYER
      DONOR
      DONEE
      PLEDGOR
      PLEDGEE
      TESTATOR
      HEIR
      "Person who applied for the act (consents, certifications)."
      APPLICANT
    }

    "A notarial act registered in the unified notarial information system E-Notary (service 30)."
    type NotarialAct {
      "Number in the notarial acts register."
      registryNumber: String!
      "Kind of act."
      kind: NotarialActKind!
      "The subject's part."
      role: NotarialActRole!
      "Date performed."
      performedOn: Date!
      "What the act concerns."
      subject: String!
      "Notary who performed it."
      notary: String!
      "Number of the notary's licence."
      notaryLicenceNumber: String!
      "Date a power of attorney was revoked."
      revokedOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Notarial acts in which the person took part, newest first (service 30)."
      notarialActs: [NotarialAct!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Notarial acts in which the legal entity took part, newest first (service 30)."
      notarialActs: [NotarialAct!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        return span ? acts({ iin }, span, person.address.city, world) : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        return entity ? acts({ bin }, legalEntitySpan(entity), entity.address.city, world) : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'notarialActs { registryNumber kind role performedOn subject notary }' },
});
