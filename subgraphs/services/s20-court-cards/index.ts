import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, addYears, dateWithin, recordSpan } from '../_shared/record-dates.ts';
import { articleAt, pretrialRegisterNumber } from '../_shared/criminal-code.ts';
import { monthlyIndexOn } from '../_shared/monthly-index.ts';

const PUNISHMENTS = ['IMPRISONMENT', 'RESTRICTION_OF_FREEDOM', 'FINE', 'FINE', 'CORRECTIONAL_LABOUR', 'COMMUNITY_SERVICE'] as const;

export interface CourtCardRow {
  cardNumber: string;
  pretrialRegisterNumber: string;
  offenceCommittedOn: string;
  criminalCodeArticle: string;
  articleTitle: string;
  court: string;
  verdictOn: string;
  enteredIntoForceOn: string;
  outcome: 'CONVICTED' | 'ACQUITTED' | 'CASE_DISMISSED' | 'COMPULSORY_MEDICAL_MEASURES';
  punishment: (typeof PUNISHMENTS)[number] | null;
  termMonths: number | null;
  fineKzt: number | null;
  suspended: boolean;
}

/** The statistical cards of court decisions on the person, oldest first (services 16 and 17 agree with them). */
export function courtCards(iin: string, world: World): CourtCardRow[] {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return [];
  const r = world.rng('s20', iin);
  if (!r.chance(person.sex === 'MALE' ? 0.05 : 0.012)) return [];
  const rows: CourtCardRow[] = [];
  for (let k = r.chance(0.8) ? 1 : 2; k > 0; k--) {
    const committed = dateWithin(r, span.from, addDays(span.to, -120));
    const verdictOn = addDays(committed, r.int(60, 300));
    if (verdictOn > span.to || committed < span.from) continue;
    const article = articleAt(r.next());
    const outcome = r.chance(0.9) ? 'CONVICTED' : r.pick(['ACQUITTED', 'CASE_DISMISSED', 'COMPULSORY_MEDICAL_MEASURES'] as const);
    const punishment = outcome === 'CONVICTED' ? r.pick(PUNISHMENTS) : null;
    const timed = punishment === 'IMPRISONMENT' || punishment === 'RESTRICTION_OF_FREEDOM';
    rows.push({
      cardNumber: `${verdictOn.slice(0, 4)}-${r.digits(8)}`,
      pretrialRegisterNumber: pretrialRegisterNumber(committed.slice(0, 4), r.digits(4), r.digits(9)),
      offenceCommittedOn: committed,
      criminalCodeArticle: article.article + (r.chance(0.5) ? ` part ${r.int(1, 4)}` : ''),
      articleTitle: article.title,
      court: `${r.pick(['Specialised inter-district criminal court', 'District court No. 2', 'City court', 'District court'])} of ${person.address.city}`,
      verdictOn,
      enteredIntoForceOn: addDays(verdictOn, r.int(15, 60)),
      outcome,
      punishment,
      termMonths: timed ? r.int(6, article.article === '99' ? 180 : 84) : punishment === 'CORRECTIONAL_LABOUR' ? r.int(3, 24) : null,
      fineKzt: punishment === 'FINE' ? r.int(50, 2000) * monthlyIndexOn(verdictOn) : null,
      suspended: punishment === 'IMPRISONMENT' && r.chance(0.25),
    });
  }
  return rows.filter((row) => row.enteredIntoForceOn <= span.to).sort((a, b) => (a.verdictOn < b.verdictOn ? -1 : 1));
}

/** The day a conviction is expunged: the term served plus the statutory period (simplified to 3-8 years). */
export function expungedOn(card: CourtCardRow, world: World): string {
  const r = world.rng('s20-expunge', card.cardNumber);
  return addYears(addDays(card.enteredIntoForceOn, (card.termMonths ?? 0) * 30), card.punishment === 'IMPRISONMENT' ? r.int(3, 8) : 1);
}

export default defineService({
  number: 20,
  typeDefs: /* GraphQL */ `
    "Outcome of the criminal case for the person."
    enum CourtCardOutcome {
      CONVICTED
      ACQUITTED
      "Case dismissed (e.g. reconciliation, amnesty, limitation)."
      CASE_DISMISSED
      "Compulsory medical measures applied instead of punishment."
      COMPULSORY_MEDICAL_MEASURES
    }

    "Principal punishment imposed."
    enum CourtCardPunishment {
      IMPRISONMENT
      RESTRICTION_OF_FREEDOM
      FINE
      CORRECTIONAL_LABOUR
      COMMUNITY_SERVICE
    }

    "A statistical card of a court decision in a criminal case concerning the person (service 20, court cards)."
    type CourtCard {
      "Card number."
      cardNumber: String!
      "Number of the criminal case in the unified register of pre-trial investigations (15 digits)."
      pretrialRegisterNumber: String!
      "Date the offence was committed."
      offenceCommittedOn: Date!
      "Article (and part) of the Criminal Code."
      criminalCodeArticle: String!
      "Title of the article."
      articleTitle: String!
      "Court that decided the case."
      court: String!
      "Date of the verdict."
      verdictOn: Date!
      "Date the verdict entered into legal force."
      enteredIntoForceOn: Date!
      "Outcome."
      outcome: CourtCardOutcome!
      "Principal punishment, when convicted."
      punishment: CourtCardPunishment
      "Term of imprisonment, restriction of freedom or correctional labour, months."
      termMonths: Int
      "Amount of a fine, KZT."
      fineKzt: Float
      "Whether imprisonment was imposed conditionally (suspended sentence)."
      suspended: Boolean!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Court cards of criminal cases concerning the person, newest first (service 20)."
      courtCards: [CourtCard!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const cards = courtCards(iin, world);
        return cards.length ? { courtCards: cards.reverse() } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'courtCards { criminalCodeArticle articleTitle court verdictOn outcome punishment termMonths }' },
});
