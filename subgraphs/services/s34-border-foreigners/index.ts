import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { localDateTime, newestFirst } from '../_shared/chronology.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { expulsionCasesOf } from '../s62-expulsions/index.ts';
import { addDays, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const CHECKPOINTS = [
  'Almaty International Airport',
  'Nursultan Nazarbayev International Airport (Astana)',
  'Korday (road, Zhambyl region)',
  'Zhibek Zholy (road, Turkistan region)',
  'Nur Zholy (road, Zhetysu region)',
  'Syrym (road, West Kazakhstan region)',
  'Aktau Sea Port',
];
/** Citizens of the Eurasian Economic Union and of visa-free states stay without a visa (up to 30 or 90 days). */
const VISA_FREE = new Set(['RUS', 'KGZ', 'BLR', 'ARM', 'UZB', 'TJK', 'UKR', 'AZE', 'GEO', 'MDA', 'TUR', 'KOR', 'DEU', 'USA']);
const PURPOSES = ['PRIVATE', 'TOURISM', 'BUSINESS', 'WORK', 'STUDY', 'TRANSIT'] as const;

export function foreignerCrossings(iin: string, world: World) {
  const person = world.person(iin);
  if (!person || person.citizenship === 'KAZ') return null;
  const span = recordSpan(person, 0);
  const r = world.rng('s34', iin);
  if (!span) return null;
  const passport = `${person.citizenship.slice(0, 2)}${r.digits(7)}`;
  let list = [];
  // Nearly every foreigner on the population register crossed the border at least once.
  for (let visit = r.chance(0.95) ? r.int(1, 5) : 0; visit > 0; visit--) {
    const purpose = r.pick(PURPOSES);
    const visaFree = VISA_FREE.has(person.citizenship);
    const visaKind =
      visaFree && purpose !== 'WORK' && purpose !== 'STUDY'
        ? 'VISA_FREE'
        : purpose === 'TRANSIT'
          ? 'TRANSIT'
          : purpose === 'WORK'
            ? 'WORK'
            : purpose === 'STUDY'
              ? 'STUDENT'
              : purpose === 'BUSINESS'
                ? 'BUSINESS'
                : purpose === 'TOURISM'
                  ? 'TOURIST'
                  : 'PRIVATE';
    const enteredOn = r.date(span.from, span.to);
    const permittedStayUntil = addDays(
      enteredOn,
      visaKind === 'VISA_FREE'
        ? ['RUS', 'KGZ', 'BLR', 'ARM'].includes(person.citizenship)
          ? 90
          : 30
        : visaKind === 'TRANSIT'
          ? 5
          : r.pick([30, 90, 180, 365]),
    );
    const host = purpose === 'WORK' || purpose === 'BUSINESS' || purpose === 'STUDY' ? anotherLegalEntity(world, r) : undefined;
    const common = {
      checkpoint: r.pick(CHECKPOINTS),
      citizenship: person.citizenship,
      passportNumber: passport,
      visaKind,
      declaredPurpose: purpose,
      host: host ? { bin: host.bin } : null,
      permittedStayUntil,
      migrationCardNumber: `${r.int(10, 99)}${r.digits(8)}`,
    };
    list.push({ ...common, crossedAt: localDateTime(r, enteredOn), direction: 'ENTRY' });
    const leftOn = addDays(enteredOn, r.int(1, 400));
    // Some stay on (residence permit holders, or overstays the migration police look into).
    if (leftOn < (person.deathDate ?? RECORDS_UNTIL) && r.chance(0.8)) {
      list.push({ ...common, checkpoint: r.pick(CHECKPOINTS), crossedAt: localDateTime(r, leftOn), direction: 'EXIT' });
    }
  }
  // An executed expulsion (service 62) is a departure through its checkpoint, and no entry follows during the ban.
  for (const expulsion of expulsionCasesOf(iin, world)?.expulsionCases ?? []) {
    if (!expulsion.executedOn || !expulsion.exitCheckpoint) continue;
    const { executedOn, entryBanUntil } = expulsion;
    list = list.filter((c) => c.direction !== 'ENTRY' || c.crossedAt < executedOn || c.crossedAt >= entryBanUntil);
    const x = world.rng('s34', 'expulsion', expulsion.caseNumber);
    // The stay the foreigner is expelled from: the latest entry before the departure, if the register holds it.
    const stay = newestFirst(
      list.filter((c) => c.direction === 'ENTRY' && c.crossedAt < executedOn),
      (c) => c.crossedAt,
    )[0];
    list.push({
      checkpoint: expulsion.exitCheckpoint,
      citizenship: person.citizenship,
      passportNumber: passport,
      visaKind: stay?.visaKind ?? (VISA_FREE.has(person.citizenship) ? 'VISA_FREE' : 'PRIVATE'),
      declaredPurpose: stay?.declaredPurpose ?? 'PRIVATE',
      host: stay?.host ?? null,
      permittedStayUntil: expulsion.deadlineToLeave,
      migrationCardNumber: stay?.migrationCardNumber ?? `${x.int(10, 99)}${x.digits(8)}`,
      crossedAt: localDateTime(x, executedOn, 6, 22),
      direction: 'EXIT',
    });
  }
  return list.length ? { foreignerBorderCrossings: newestFirst(list, (c) => c.crossedAt) } : null;
}

export default defineService({
  number: 34,
  typeDefs: /* GraphQL */ `
    "Direction of a foreigner's border crossing."
    enum ForeignerCrossingDirection {
      "Arrival in Kazakhstan."
      ENTRY
      "Departure from Kazakhstan."
      EXIT
    }

    "Ground of the foreigner's stay, as recorded on entry."
    enum ForeignerVisaKind {
      "Visa-free regime (Eurasian Economic Union or a visa-free agreement)."
      VISA_FREE
      TOURIST
      PRIVATE
      BUSINESS
      WORK
      STUDENT
      TRANSIT
    }

    "Purpose of the visit declared in the migration card."
    enum ForeignerVisitPurpose {
      PRIVATE
      TOURISM
      BUSINESS
      WORK
      STUDY
      TRANSIT
    }

    "A crossing of the state border by a foreign citizen or stateless person, as recorded by the Border Service."
    type ForeignerBorderCrossing {
      "Local time of the passport control."
      crossedAt: DateTime!
      "Entry into or exit from Kazakhstan."
      direction: ForeignerCrossingDirection!
      "Checkpoint across the state border."
      checkpoint: String!
      "Citizenship on the presented passport, ISO 3166 alpha-3."
      citizenship: String!
      "Number of the foreign passport."
      passportNumber: String!
      "Visa or visa-free ground of the stay."
      visaKind: ForeignerVisaKind!
      "Purpose of the visit declared in the migration card."
      declaredPurpose: ForeignerVisitPurpose!
      "Inviting (host) organisation, for business, work and study visits."
      host: LegalEntity
      "Last day of the permitted stay."
      permittedStayUntil: Date!
      "Number of the migration card issued on entry."
      migrationCardNumber: String!
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Crossings of the state border by this foreign citizen (service 34), newest first."
      foreignerBorderCrossings: [ForeignerBorderCrossing!]!
    }
  `,
  mock: { entities: { Person: foreignerCrossings } },
  example: { entity: 'Person', selection: 'foreignerBorderCrossings { crossedAt direction checkpoint citizenship visaKind permittedStayUntil }' },
});
