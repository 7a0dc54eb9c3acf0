import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { bailiffKind, openProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { addDays, dateWithin, earlier, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/**
 * Prohibitions on a person's participation in legal entities. A ban on alienating a share attaches to a company
 * the person founded (the world's company roles); a ban on founding or heading companies stands alone.
 */
function prohibitions(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const r = world.rng('s60', iin);
  const founded = world.companiesOf(iin).filter((c) => c.role === 'FOUNDER');
  if (!person || !span || !r.chance(founded.length ? 0.12 : 0.01)) return null;
  const open = openProceedingsOf({ iin }, world);
  const list = Array.from({ length: r.int(1, 2) }, () => {
    const company = founded.length && r.chance(0.8) ? r.pick(founded) : undefined;
    const kind = company ? 'SHARE_ALIENATION' : r.pick(['FOUNDING_LEGAL_ENTITIES', 'HOLDING_EXECUTIVE_POSITION'] as const);
    // A bailiff bans alienating the share in the debtor's open enforcement proceedings (service 18).
    const proceeding = kind === 'SHARE_ALIENATION' && r.chance(0.7) ? open[0] : undefined;
    const imposedBy = kind === 'HOLDING_EXECUTIVE_POSITION' ? 'COURT' : proceeding ? bailiffKind(proceeding) : r.pick(['INVESTIGATOR', 'COURT'] as const);
    // Not before the person could act, the company existed and the proceedings were opened.
    const since = [span.from, '2012-01-01', proceeding?.openedOn, company && world.legalEntity(company.bin)?.registeredOn].reduce<string>(
      (a, b) => (b && b > a ? b : a),
      span.from,
    );
    const documentDate = dateWithin(r, since, addDays(span.to, -3));
    const registeredOn = earlier(addDays(documentDate, r.int(0, 5)), RECORDS_UNTIL);
    const lifted = r.chance(0.25);
    return {
      kind,
      company: company ? { bin: company.bin } : null,
      sharePercent: company?.sharePercent ?? null,
      imposedBy,
      imposingBody: proceeding
        ? proceeding.enforcementOffice
        : imposedBy === 'COURT'
          ? `Court of ${person.address.city}`
          : `Investigation department of the Police Department of ${person.address.city}`,
      documentNumber: `${r.int(1, 9999)}`,
      documentDate,
      registeredOn,
      groundsCaseNumber: proceeding
        ? proceeding.proceedingNumber
        : imposedBy === 'COURT'
          ? `${r.int(2, 7)}${r.digits(3)}-${documentDate.slice(2, 4)}-00-1/${r.int(1, 9999)}`
          : `${documentDate.slice(2, 4)}${r.digits(13)}`,
      // A court's ban on holding executive positions is an additional punishment with a term.
      validUntil: kind === 'HOLDING_EXECUTIVE_POSITION' ? addDays(documentDate, 365 * r.int(1, 5)) : null,
      status: lifted ? 'LIFTED' : 'ACTIVE',
      liftedOn: lifted ? dateWithin(r, registeredOn, span.to) : null,
    };
  });
  return { participationProhibitions: newestFirst(list, (p) => p.registeredOn) };
}

export default defineService({
  number: 60,
  typeDefs: /* GraphQL */ `
    "What the person is prohibited from."
    enum ParticipationProhibitionKind {
      "Alienating (selling, pledging, giving) the share in a legal entity."
      SHARE_ALIENATION
      "Founding or joining legal entities as a participant."
      FOUNDING_LEGAL_ENTITIES
      "Holding the position of head of a legal entity (court punishment)."
      HOLDING_EXECUTIVE_POSITION
    }

    "Who imposed the prohibition."
    enum ParticipationProhibitionAuthority {
      PRIVATE_BAILIFF
      STATE_BAILIFF
      INVESTIGATOR
      COURT
    }

    "State of the prohibition."
    enum ParticipationProhibitionStatus {
      ACTIVE
      LIFTED
    }

    "A prohibition on an individual's participation in legal entities, registered with the justice bodies."
    type ParticipationProhibition {
      "What the person is prohibited from."
      kind: ParticipationProhibitionKind!
      "The legal entity whose share is concerned (share prohibitions)."
      company: LegalEntity
      "The person's share in that entity, percent."
      sharePercent: Float
      "Kind of body that imposed it."
      imposedBy: ParticipationProhibitionAuthority!
      "Name of the body or officer that imposed it."
      imposingBody: String!
      "Number of the order, ruling or sentence."
      documentNumber: String!
      "Date of the order, ruling or sentence."
      documentDate: Date!
      "Date it was registered with the justice bodies."
      registeredOn: Date!
      "Number of the enforcement proceedings, criminal case or court case it was imposed in."
      groundsCaseNumber: String!
      "End of a prohibition imposed for a term."
      validUntil: Date
      "Whether the prohibition is in force."
      status: ParticipationProhibitionStatus!
      "Date the prohibition was lifted."
      liftedOn: Date
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Prohibitions on the person's participation in legal entities (service 60), newest first."
      participationProhibitions: [ParticipationProhibition!]!
    }
  `,
  mock: { entities: { Person: prohibitions } },
  example: { entity: 'Person', selection: 'participationProhibitions { kind company { bin } sharePercent imposedBy documentDate status }' },
});
