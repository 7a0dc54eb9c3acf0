import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, addYears, dateWithin, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { courtCards, expungedOn } from '../s20-court-cards/index.ts';

/**
 * Criminal records follow the convictions of service 20; weapon owners (service 6) have passed the fingerprint
 * registration their permit requires.
 */
function specialRecords(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return null;
  const r = world.rng('s16', iin);
  const body = `Department of special records of the Committee on Legal Statistics and Special Accounts, ${person.address.region}`;
  const rows: Array<Record<string, unknown>> = [];
  const add = (kind: string, registeredOn: string, basis: string, article: string | null, removedOn: string | null, removalGround: string | null) =>
    rows.push({
      recordNumber: `${kind.slice(0, 2)}-${registeredOn.slice(0, 4)}-${r.digits(7)}`,
      kind,
      registeredOn,
      registeringBody: body,
      basis,
      criminalCodeArticle: article,
      removedOn,
      removalGround,
    });
  for (const card of courtCards(iin, world).filter((c) => c.outcome === 'CONVICTED')) {
    const expunged = expungedOn(card, world);
    const removed = expunged <= span.to ? expunged : (person.deathDate ?? null);
    add(
      'CRIMINAL_RECORD',
      card.enteredIntoForceOn,
      `Verdict of ${card.court} of ${card.verdictOn}`,
      card.criminalCodeArticle,
      removed,
      removed ? (removed === expunged ? 'EXPUNGED' : 'DEATH') : null,
    );
    add('FINGERPRINT_REGISTRATION', addDays(card.offenceCommittedOn, r.int(1, 30)), 'Registration of a suspect in a criminal case', null, null, null);
    if (card.punishment === 'IMPRISONMENT' && !card.suspended && r.chance(0.4)) {
      const release = addDays(card.enteredIntoForceOn, (card.termMonths ?? 12) * 30);
      const end = addYears(release, r.int(1, 3));
      if (release <= span.to)
        add(
          'ADMINISTRATIVE_SUPERVISION',
          release,
          'Court decision on administrative supervision after release',
          card.criminalCodeArticle,
          end <= RECORDS_UNTIL ? end : null,
          end <= RECORDS_UNTIL ? 'TERM_EXPIRED' : null,
        );
    }
  }
  if (world.weaponsOf(iin).length) add('FINGERPRINT_REGISTRATION', dateWithin(r, span.from, span.to), 'Application for a weapon permit', null, null, null);
  else if (r.chance(0.06))
    add(
      'FINGERPRINT_REGISTRATION',
      dateWithin(r, span.from, span.to),
      r.pick(['Admission to military service', 'Admission to service in internal affairs bodies', 'Application for a private security licence']),
      null,
      null,
      null,
    );
  if (r.chance(0.01))
    add(
      'PREVENTIVE_REGISTRATION',
      dateWithin(r, span.from, span.to),
      r.pick(['Domestic violence offender', 'Person released from a special medical institution']),
      null,
      null,
      null,
    );
  return rows.length ? { specialRecords: rows.sort((a, b) => ((b.registeredOn as string) < (a.registeredOn as string) ? -1 : 1)) } : null;
}

export default defineService({
  number: 16,
  typeDefs: /* GraphQL */ `
    "Register of special records the entry belongs to."
    enum SpecialRecordKind {
      "Record of a conviction (criminal record)."
      CRIMINAL_RECORD
      "Fingerprint (dactyloscopic) registration."
      FINGERPRINT_REGISTRATION
      "Administrative supervision of a person released from prison."
      ADMINISTRATIVE_SUPERVISION
      "Preventive registration with the police."
      PREVENTIVE_REGISTRATION
    }

    "Why an entry stopped being in force."
    enum SpecialRecordRemovalGround {
      "The conviction was expunged or spent."
      EXPUNGED
      "The term of supervision expired."
      TERM_EXPIRED
      DEATH
    }

    "An entry about the person in the special records of the Committee on Legal Statistics and Special Accounts (service 16)."
    type SpecialRecord {
      "Number of the entry."
      recordNumber: String!
      "Register."
      kind: SpecialRecordKind!
      "Date of registration."
      registeredOn: Date!
      "Body that keeps the entry."
      registeringBody: String!
      "Document or fact on which the person was registered."
      basis: String!
      "Article of the Criminal Code, for criminal records and supervision."
      criminalCodeArticle: String
      "Date the entry stopped being in force."
      removedOn: Date
      "Ground for removal."
      removalGround: SpecialRecordRemovalGround
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Entries in the special records, newest first (service 16)."
      specialRecords: [SpecialRecord!]!
    }
  `,
  mock: { entities: { Person: specialRecords } },
  example: { entity: 'Person', selection: 'specialRecords { kind registeredOn basis criminalCodeArticle removedOn removalGround }' },
});
