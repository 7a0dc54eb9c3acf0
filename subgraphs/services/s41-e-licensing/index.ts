import type { Random, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { addYears, dateWithin, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

type Activity = { activity: string; licensor: string; kind: 'LICENCE' | 'PERMIT' | 'NOTIFICATION'; years?: number; category?: boolean };

/** Activities licensed to individuals (professions, hunting, arms) and to companies. */
const PERSON_ACTIVITIES: Activity[] = [
  { activity: 'Advocacy (licence of an advocate)', licensor: 'Ministry of Justice', kind: 'LICENCE' },
  { activity: 'Medical activity', licensor: 'Committee of Medical and Pharmaceutical Control of the Ministry of Health', kind: 'LICENCE' },
  { activity: 'Notarial activity', licensor: 'Ministry of Justice', kind: 'LICENCE' },
  { activity: 'Activity of a private bailiff', licensor: 'Ministry of Justice', kind: 'LICENCE' },
  { activity: 'Permit for hunting (hunting permit)', licensor: 'Forestry and Wildlife Committee', kind: 'PERMIT', years: 1 },
  { activity: 'Start of activity in retail trade', licensor: 'Local executive body (akimat)', kind: 'NOTIFICATION' },
];
const COMPANY_ACTIVITIES: Activity[] = [
  { activity: 'Construction and installation works', licensor: 'Committee for Construction and Housing', kind: 'LICENCE', category: true },
  { activity: 'Design activity', licensor: 'Committee for Construction and Housing', kind: 'LICENCE', category: true },
  {
    activity: 'Pharmaceutical activity (retail sale of medicines)',
    licensor: 'Committee of Medical and Pharmaceutical Control of the Ministry of Health',
    kind: 'LICENCE',
  },
  { activity: 'Security activity', licensor: 'Ministry of Internal Affairs', kind: 'LICENCE' },
  { activity: 'Regular carriage of passengers and baggage by bus', licensor: 'Transport Committee', kind: 'PERMIT', years: 5 },
  { activity: 'Wholesale and retail of alcoholic products', licensor: 'State Revenue Committee', kind: 'LICENCE' },
  { activity: 'Collection of payments (collection agency)', licensor: 'Agency for Regulation and Development of the Financial Market', kind: 'LICENCE' },
  { activity: 'Emissions into the environment (permit)', licensor: 'Committee of Environmental Regulation and Control', kind: 'PERMIT', years: 10 },
  { activity: 'Start of activity of a food production facility', licensor: 'Sanitary and Epidemiological Control Committee', kind: 'NOTIFICATION' },
];

function licence(r: Random, a: Activity, from: string, to: string, region: string, closed: boolean) {
  const issuedOn = dateWithin(r, from, to);
  const validUntil = a.years ? addYears(issuedOn, a.years) : null;
  const expired = validUntil !== null && validUntil < RECORDS_UNTIL;
  return {
    licenceNumber: `${issuedOn.slice(2, 4)}${r.digits(6)}`,
    kind: a.kind,
    activity: a.activity,
    category: a.category ? r.pick(['I', 'II', 'III']) : null,
    licensor: a.licensor,
    region,
    issuedOn,
    validUntil,
    status: closed ? 'TERMINATED' : expired ? 'EXPIRED' : r.pick(['VALID', 'VALID', 'VALID', 'VALID', 'SUSPENDED', 'REVOKED'] as const),
  };
}

function personLicences(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 21);
  const r = world.rng('s41', iin);
  if (!person || !span || !r.chance(0.07)) return null;
  const list = Array.from({ length: r.int(1, 2) }, () =>
    licence(r, r.pick(PERSON_ACTIVITIES), later(span.from, '2008-01-01'), span.to, person.address.region, !!person.deathDate),
  );
  return { eLicences: newestFirst(list, (l) => l.issuedOn) };
}

function legalEntityLicences(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s41', bin);
  if (!entity || !r.chance(0.3)) return null;
  const list = Array.from({ length: r.int(1, 3) }, () =>
    licence(r, r.pick(COMPANY_ACTIVITIES), later(entity.registeredOn, '2008-01-01'), RECORDS_UNTIL, entity.address.region, entity.status === 'LIQUIDATED'),
  );
  return { eLicences: newestFirst(list, (l) => l.issuedOn) };
}

export default defineService({
  number: 41,
  typeDefs: /* GraphQL */ `
    "Kind of permitting document under the Law on Permits and Notifications."
    enum ELicenceKind {
      LICENCE
      "Permit of the second category."
      PERMIT
      "Notification of the start of an activity."
      NOTIFICATION
    }

    "State of a licence or permit."
    enum ELicenceStatus {
      VALID
      SUSPENDED
      "Revoked by the licensor or a court."
      REVOKED
      "Term elapsed."
      EXPIRED
      "Terminated on the holder's closure or death."
      TERMINATED
    }

    "A licence, permit or notification in the state e-licensing system (elicense.kz)."
    type ELicence {
      "Number of the licence or permit."
      licenceNumber: String!
      "Licence, permit or notification."
      kind: ELicenceKind!
      "Licensed activity or sub-type."
      activity: String!
      "Category (construction and design licences): I, II or III."
      category: String
      "State body that issued it."
      licensor: String!
      "Region where it was issued."
      region: String!
      "Date of issue."
      issuedOn: Date!
      "End of validity (null: indefinite)."
      validUntil: Date
      "Current state of the licence or permit."
      status: ELicenceStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Licences, permits and notifications of the person (service 41), newest first."
      eLicences: [ELicence!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Licences, permits and notifications of the entity (service 41), newest first."
      eLicences: [ELicence!]!
    }
  `,
  mock: { entities: { Person: personLicences, LegalEntity: legalEntityLicences } },
  example: { entity: 'LegalEntity', selection: 'eLicences { licenceNumber kind activity licensor issuedOn status }' },
});
