import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addDays, dateWithin, later, recordSpan } from '../_shared/record-dates.ts';
import interpol from '../s87-interpol-wanted/index.ts';

/** Criminal Code articles most often behind a search for an absconding suspect. */
const ARTICLES = [
  ['188 part 2', 'Theft'],
  ['190 part 3', 'Fraud on a large scale'],
  ['189 part 3', 'Misappropriation or embezzlement of entrusted property'],
  ['293 part 2', 'Hooliganism'],
  ['297 part 2', 'Illegal handling of narcotic drugs'],
  ['106 part 1', 'Intentional infliction of grievous harm to health'],
  ['99 part 1', 'Murder'],
  ['216 part 2', 'Issuing fictitious invoices'],
  ['245 part 2', 'Evasion of taxes by an organisation'],
] as const;

/** Criminal Code articles for the charges Interpol notices name (service 87). */
const ARTICLE_OF_CHARGE: Record<string, string> = {
  'Fraud on a particularly large scale': '190 part 4',
  'Misappropriation of entrusted property': '189 part 4',
  'Illegal drug trafficking': '297 part 3',
  Murder: '99 part 2',
  'Participation in a terrorist organisation': '257 part 2',
  'Money laundering': '218 part 3',
  'Trafficking in persons': '128 part 2',
  'Organised criminal group': '262 part 2',
};

interface RedNotice {
  requestingCountry: string;
  category: string;
  publishedOn: string;
  charges: string[];
  status: string;
  cancelledOn: string | null;
}

/** Red notices Kazakhstan itself requested through Interpol (service 87): each rests on an international search here. */
function kazakhRedNotices(iin: string, world: World): RedNotice[] {
  const part = interpol.mock.entities?.Person?.(iin, world);
  const notices = (part?.interpolNotices as RedNotice[] | undefined) ?? [];
  return notices.filter((n) => n.requestingCountry === 'KAZ' && (n.category === 'WANTED_CRIMINAL' || n.category === 'TERRORIST'));
}

function notices(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 14);
  if (!person || !span) return null;
  const r = world.rng('s54', iin);
  const initiator = `Investigation department of the Police Department of ${person.address.city}`;
  const international = kazakhRedNotices(iin, world).map((n) => {
    const declaredOn = dateWithin(r, later(addDays(n.publishedOn, -365), span.from), n.publishedOn);
    const charge = n.charges[0] ?? 'Fraud on a particularly large scale';
    return {
      searchCaseNumber: `${declaredOn.slice(2, 4)}${r.digits(10)}`,
      criminalCaseNumber: `${declaredOn.slice(2, 4)}${r.digits(13)}`,
      criminalCodeArticle: ARTICLE_OF_CHARGE[charge] ?? '190 part 4',
      offence: charge,
      proceduralStatus: 'ACCUSED',
      initiator,
      declaredWantedOn: declaredOn,
      scope: 'INTERNATIONAL',
      preventiveMeasure: 'DETENTION_IN_CUSTODY',
      status: n.status === 'CANCELLED' ? 'TERMINATED' : 'ACTIVE',
      terminatedOn: n.status === 'CANCELLED' ? n.cancelledOn : null,
      terminationGround: n.status === 'CANCELLED' ? 'DETAINED' : null,
    };
  });
  // Besides those, about one adult in a hundred has been searched for as absconding from investigation.
  const domestic =
    span.from <= span.to && r.chance(0.01)
      ? Array.from({ length: r.chance(0.85) ? 1 : 2 }, () => {
          const [article, offence] = r.pick(ARTICLES);
          const declaredOn = dateWithin(r, later(span.from, '2005-01-01'), span.to);
          const found = r.chance(0.6);
          const terminatedOn = found || person.deathDate ? dateWithin(r, addDays(declaredOn, 7), span.to) : null;
          return {
            searchCaseNumber: `${declaredOn.slice(2, 4)}${r.digits(10)}`,
            criminalCaseNumber: `${declaredOn.slice(2, 4)}${r.digits(13)}`,
            criminalCodeArticle: article,
            offence,
            proceduralStatus: r.pick(['SUSPECT', 'ACCUSED', 'ACCUSED', 'CONVICTED_EVADING_SENTENCE'] as const),
            initiator,
            declaredWantedOn: declaredOn,
            scope: r.pick(['LOCAL', 'LOCAL', 'NATIONAL', 'INTERSTATE'] as const),
            preventiveMeasure: r.pick(['DETENTION_IN_CUSTODY', 'DETENTION_IN_CUSTODY', 'HOUSE_ARREST', 'UNDERTAKING_NOT_TO_LEAVE'] as const),
            status: terminatedOn ? 'TERMINATED' : 'ACTIVE',
            terminatedOn,
            terminationGround: terminatedOn ? (person.deathDate && terminatedOn >= person.deathDate ? 'DEATH' : 'DETAINED') : null,
          };
        })
      : [];
  const list = [...international, ...domestic];
  return list.length ? { wantedNotices: newestFirst(list, (n) => n.declaredWantedOn) } : null;
}

export default defineService({
  number: 54,
  typeDefs: /* GraphQL */ `
    "Territorial scope of the search."
    enum WantedSearchScope {
      "Within the region."
      LOCAL
      "Across Kazakhstan."
      NATIONAL
      "In the Commonwealth of Independent States."
      INTERSTATE
      "Through Interpol."
      INTERNATIONAL
    }

    "The wanted person's procedural status."
    enum WantedProceduralStatus {
      SUSPECT
      ACCUSED
      "Convicted and evading the serving of the sentence."
      CONVICTED_EVADING_SENTENCE
    }

    "Preventive measure ordered against the wanted person."
    enum WantedPreventiveMeasure {
      "Detention in custody (sanctioned in absentia)."
      DETENTION_IN_CUSTODY
      HOUSE_ARREST
      "Undertaking not to leave and to behave properly."
      UNDERTAKING_NOT_TO_LEAVE
    }

    "State of the search."
    enum WantedNoticeStatus {
      ACTIVE
      TERMINATED
    }

    "Why the search ended."
    enum WantedTerminationGround {
      "Detained or surrendered."
      DETAINED
      DEATH
    }

    "A search for a person hiding from investigation, inquiry or court (register of wanted persons)."
    type WantedNotice {
      "Number of the search case."
      searchCaseNumber: String!
      "Number of the criminal case in the unified register of pre-trial investigations (15 digits)."
      criminalCaseNumber: String!
      "Article (and part) of the Criminal Code."
      criminalCodeArticle: String!
      "Name of the offence."
      offence: String!
      "Procedural status of the wanted person."
      proceduralStatus: WantedProceduralStatus!
      "Body that declared the search."
      initiator: String!
      "Date of the decision to declare the person wanted."
      declaredWantedOn: Date!
      "Territorial scope of the search."
      scope: WantedSearchScope!
      "Preventive measure ordered against the person."
      preventiveMeasure: WantedPreventiveMeasure!
      "Whether the search goes on."
      status: WantedNoticeStatus!
      "Date the search was terminated."
      terminatedOn: Date
      "Why the search was terminated."
      terminationGround: WantedTerminationGround
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Searches for the person as hiding from investigation or inquiry (service 54), newest first."
      wantedNotices: [WantedNotice!]!
    }
  `,
  mock: { entities: { Person: notices } },
  example: { entity: 'Person', selection: 'wantedNotices { searchCaseNumber criminalCodeArticle offence declaredWantedOn scope status }' },
});
