import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { addYears, dateWithin, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const OCCUPATIONS = [
  'Chief executive',
  'Civil engineer',
  'Welder',
  'Drilling foreman',
  'Software developer',
  'Chef',
  'Teacher of English',
  'Electrician',
  'Agronomist',
];
const CATEGORIES = ['FIRST_MANAGERS', 'SECOND_DEPUTIES', 'THIRD_SPECIALISTS', 'THIRD_SPECIALISTS', 'FOURTH_SKILLED_WORKERS', 'SEASONAL'] as const;

function issuer(region: string): string {
  return `Department of Employment and Social Programmes of ${region}`;
}

/** Employer's permits to attract foreign labour, issued by the local executive body within the quota. */
function employerPermits(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s46', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || !r.chance(0.1)) return null;
  const list = Array.from({ length: r.int(1, 4) }, () => {
    const category = r.pick(CATEGORIES);
    const issuedOn = dateWithin(r, later(entity.registeredOn, '2012-01-01'), RECORDS_UNTIL);
    const validUntil = addYears(issuedOn, category === 'SEASONAL' ? 1 : r.int(1, 3));
    return {
      permitNumber: `${r.int(10, 20)}-${r.digits(6)}`,
      issuedBy: issuer(entity.address.region),
      issuedOn,
      validUntil,
      workerCategory: category,
      occupation: r.pick(OCCUPATIONS),
      workerCount: category === 'FIRST_MANAGERS' ? 1 : r.int(1, 40),
      countryOfOrigin: r.pick(['CHN', 'TUR', 'UZB', 'IND', 'RUS', 'KOR', 'GBR']),
      status: validUntil < RECORDS_UNTIL ? 'EXPIRED' : r.chance(0.05) ? 'REVOKED' : 'VALID',
    };
  });
  return { foreignLabourPermits: newestFirst(list, (p) => p.issuedOn) };
}

/** A foreign citizen's lawful work in Kazakhstan: under an employer's permit, or a permit of their own. */
export function workerEngagements(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  const r = world.rng('s46', iin);
  if (!person || person.citizenship === 'KAZ' || !span || !r.chance(0.5)) return null;
  const list = Array.from({ length: r.int(1, 3) }, () => {
    const kind = r.pick(['EMPLOYER_PERMIT', 'EMPLOYER_PERMIT', 'LABOUR_MIGRANT_PERMIT', 'SELF_EMPLOYMENT_CERTIFICATE', 'EAEU_WORKER'] as const);
    // Labour migrants work for individuals in their households, the self-employed for themselves.
    const employer =
      kind === 'SELF_EMPLOYMENT_CERTIFICATE' || kind === 'LABOUR_MIGRANT_PERMIT'
        ? undefined
        : anotherLegalEntity(world, r, undefined, (e) => e.status === 'ACTIVE' && e.legalForm !== 'PUBLIC_ASSOCIATION');
    const startedOn = dateWithin(r, later(span.from, '2012-01-01'), span.to);
    const endsOn = addYears(startedOn, r.int(1, 2));
    return {
      employer: employer ? { bin: employer.bin } : null,
      permitKind: kind,
      permitNumber: kind === 'EAEU_WORKER' ? null : `${r.int(10, 20)}-${r.digits(6)}`,
      occupation: r.pick(OCCUPATIONS),
      workerCategory: kind === 'EMPLOYER_PERMIT' ? r.pick(CATEGORIES) : null,
      startedOn,
      endsOn,
      terminatedEarly: endsOn < RECORDS_UNTIL && r.chance(0.1),
    };
  });
  return { foreignLabourEngagements: newestFirst(list, (e) => e.startedOn) };
}

export default defineService({
  number: 46,
  typeDefs: /* GraphQL */ `
    "Category of foreign labour under the rules on attracting foreign labour."
    enum ForeignWorkerCategory {
      "First heads and their deputies."
      FIRST_MANAGERS
      "Heads of structural divisions."
      SECOND_DEPUTIES
      "Specialists."
      THIRD_SPECIALISTS
      "Skilled workers."
      FOURTH_SKILLED_WORKERS
      "Seasonal foreign workers."
      SEASONAL
    }

    "State of an employer's permit."
    enum ForeignLabourPermitStatus {
      VALID
      EXPIRED
      REVOKED
    }

    "On what ground the foreigner works in Kazakhstan."
    enum ForeignWorkPermitKind {
      "Under the employer's permit to attract foreign labour."
      EMPLOYER_PERMIT
      "Permit of a labour migrant working for individuals in their households."
      LABOUR_MIGRANT_PERMIT
      "Certificate of qualification for self-employment."
      SELF_EMPLOYMENT_CERTIFICATE
      "Citizen of a Eurasian Economic Union state: no permit required."
      EAEU_WORKER
    }

    "An employer's permit to attract foreign labour (local executive body, within the quota)."
    type ForeignLabourPermit {
      "Number of the permit."
      permitNumber: String!
      "Local executive body that issued it."
      issuedBy: String!
      "Date of issue."
      issuedOn: Date!
      "End of validity."
      validUntil: Date!
      "Category of the foreign workers attracted."
      workerCategory: ForeignWorkerCategory!
      "Occupation the workers are attracted for."
      occupation: String!
      "Number of foreign workers allowed."
      workerCount: Int!
      "Country the workers come from, ISO 3166 alpha-3."
      countryOfOrigin: String!
      "State of the permit."
      status: ForeignLabourPermitStatus!
    }

    "A foreign citizen's registered work in Kazakhstan."
    type ForeignLabourEngagement {
      "Employer (null for the self-employed and for labour migrants working in households)."
      employer: LegalEntity
      "Ground on which the foreigner works."
      permitKind: ForeignWorkPermitKind!
      "Number of the permit (none for EAEU citizens)."
      permitNumber: String
      "Occupation (position) of the foreigner."
      occupation: String!
      "Category of foreign labour (employer permits)."
      workerCategory: ForeignWorkerCategory
      "Start of the work."
      startedOn: Date!
      "End of the permitted term."
      endsOn: Date!
      "The employment ended before the term."
      terminatedEarly: Boolean!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Permits to attract foreign labour held by the employer (service 46), newest first."
      foreignLabourPermits: [ForeignLabourPermit!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Work of this foreign citizen in Kazakhstan (service 46), newest first."
      foreignLabourEngagements: [ForeignLabourEngagement!]!
    }
  `,
  mock: { entities: { LegalEntity: employerPermits, Person: workerEngagements } },
  example: { entity: 'LegalEntity', selection: 'foreignLabourPermits { permitNumber issuedOn validUntil workerCategory workerCount status }' },
});
