import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, dateWithin, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { articleAt, pretrialRegisterNumber } from '../_shared/criminal-code.ts';
import { courtCards } from '../s20-court-cards/index.ts';

/** The accused of the unified statistics are the persons whose cases reached the courts (service 20). */
function entries(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 14);
  if (!person || !span) return null;
  const r = world.rng('s17', iin);
  const body = () =>
    `${r.pick(['Police department', 'Investigation department of the police department', 'Anti-corruption service department', 'Economic investigation department'])}, ${person.address.city}`;
  const rows: Array<Record<string, unknown>> = courtCards(iin, world).map((card) => ({
    pretrialRegisterNumber: card.pretrialRegisterNumber,
    registeredOn: card.offenceCommittedOn,
    criminalCodeArticle: card.criminalCodeArticle,
    articleTitle: card.articleTitle,
    procedureRole: 'ACCUSED',
    registeringBody: body(),
    stage: 'SENT_TO_COURT',
    stageChangedOn: addDays(card.verdictOn, -r.int(20, 50)),
  }));
  const other = (role: 'VICTIM' | 'SUSPECT') => {
    const registeredOn = dateWithin(r, span.from, span.to);
    const article = articleAt(r.next());
    const stage =
      role === 'SUSPECT'
        ? r.pick(['UNDER_INVESTIGATION', 'TERMINATED', 'TERMINATED'] as const)
        : r.pick(['UNDER_INVESTIGATION', 'SENT_TO_COURT', 'TERMINATED', 'SUSPENDED'] as const);
    const changed = addDays(registeredOn, r.int(10, 180));
    rows.push({
      pretrialRegisterNumber: pretrialRegisterNumber(registeredOn.slice(0, 4), r.digits(4), r.digits(9)),
      registeredOn,
      criminalCodeArticle: article.article,
      articleTitle: article.title,
      procedureRole: role,
      registeringBody: body(),
      stage: stage !== 'UNDER_INVESTIGATION' && changed > RECORDS_UNTIL ? 'UNDER_INVESTIGATION' : stage,
      stageChangedOn: stage === 'UNDER_INVESTIGATION' || changed > RECORDS_UNTIL ? registeredOn : changed,
    });
  };
  if (r.chance(0.07)) other('VICTIM');
  if (r.chance(0.015)) other('SUSPECT');
  return rows.length ? { crimeStatisticsEntries: rows.sort((a, b) => ((b.registeredOn as string) < (a.registeredOn as string) ? -1 : 1)) } : null;
}

export default defineService({
  number: 17,
  typeDefs: /* GraphQL */ `
    "The person's procedural position in the registered criminal offence."
    enum CrimeProcedureRole {
      SUSPECT
      ACCUSED
      VICTIM
    }

    "Stage the case has reached, as counted by the statistics."
    enum CrimeCaseStage {
      UNDER_INVESTIGATION
      "Sent to court with an indictment."
      SENT_TO_COURT
      "Pre-trial investigation terminated."
      TERMINATED
      "Pre-trial investigation suspended."
      SUSPENDED
    }

    "A criminal offence counted by the unified consolidated statistical system in which the person figures (service 17)."
    type CrimeStatisticsEntry {
      "Number in the unified register of pre-trial investigations (15 digits)."
      pretrialRegisterNumber: String!
      "Date the offence was registered."
      registeredOn: Date!
      "Article (and part) of the Criminal Code."
      criminalCodeArticle: String!
      "Title of the article."
      articleTitle: String!
      "The person's procedural position."
      procedureRole: CrimeProcedureRole!
      "Body that registered the offence."
      registeringBody: String!
      "Stage reached."
      stage: CrimeCaseStage!
      "Date the stage was reached."
      stageChangedOn: Date!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Registered criminal offences in which the person figures, newest first (service 17)."
      crimeStatisticsEntries: [CrimeStatisticsEntry!]!
    }
  `,
  mock: { entities: { Person: entries } },
  example: { entity: 'Person', selection: 'crimeStatisticsEntries { pretrialRegisterNumber registeredOn criminalCodeArticle procedureRole stage }' },
});
