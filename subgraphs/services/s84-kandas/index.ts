import { defineService } from '../../src/define.ts';
import { daysAfter, shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const ORIGINS = ['UZB', 'CHN', 'MNG', 'TKM', 'RUS', 'KGZ', 'IRN', 'AFG', 'TUR'] as const;
/** Regions that receive kandas under the regional resettlement quota (labour-deficit regions). */
const QUOTA_REGIONS = [
  'North Kazakhstan Region',
  'Kostanay Region',
  'Pavlodar Region',
  'East Kazakhstan Region',
  'Akmola Region',
  'Abai Region',
  'Ulytau Region',
];
const SUPPORT: Array<[kind: string, amountKzt: number]> = [
  ['RELOCATION_SUBSIDY', 350_000],
  ['HOUSING_RENT_SUBSIDY', 1_200_000],
  ['EMPLOYMENT_ASSISTANCE', 0],
  ['ADAPTATION_COURSES', 0],
];

export default defineService({
  number: 84,
  typeDefs: /* GraphQL */ `
    "State of the person's kandas status."
    enum KandasStatus {
      "Kandas status granted and valid; citizenship not yet obtained."
      KANDAS
      "The kandas obtained citizenship of Kazakhstan."
      CITIZENSHIP_GRANTED
      "The status lapsed (certificate expired without citizenship)."
      EXPIRED
    }

    "A state support measure granted to a kandas."
    enum KandasSupportKind {
      RELOCATION_SUBSIDY
      HOUSING_RENT_SUBSIDY
      EMPLOYMENT_ASSISTANCE
      "Adaptation and integration courses (language, law)."
      ADAPTATION_COURSES
    }

    "Support granted to a kandas family."
    type KandasSupportMeasure {
      kind: KandasSupportKind!
      "Date the measure was granted."
      grantedOn: Date!
      "Amount paid, KZT (0 for non-monetary measures)."
      amountKzt: Float!
    }

    "The record of an ethnic Kazakh repatriate (kandas) in the Kandas automated information system."
    type KandasRecord {
      "Number of the kandas certificate."
      certificateNumber: String!
      "Country the person came from (ISO 3166 alpha-3)."
      countryOfOrigin: String!
      "Date of arrival in Kazakhstan."
      arrivedOn: Date!
      "Date the kandas status was granted."
      certificateIssuedOn: Date!
      "Date the certificate is valid until (one year, extendable)."
      certificateValidUntil: Date!
      "Region of settlement."
      settlementRegion: String!
      "True when the person settled under the regional resettlement quota."
      regionalQuota: Boolean!
      "Number of family members who arrived with the person."
      familyMembers: Int!
      "Date citizenship of Kazakhstan was granted, if it was."
      citizenshipGrantedOn: Date
      status: KandasStatus!
      "Support measures granted."
      supportMeasures: [KandasSupportMeasure!]!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "The person's record as an ethnic Kazakh repatriate (service 84), if they are one."
      kandasRecord: KandasRecord
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person);
        if (!person || !window || !/^(казах|казашка|қазақ|kazakh)/i.test(person.nationality)) return null;
        const rng = world.rng('s84', iin);
        const citizen = person.citizenship === 'KAZ';
        if (!rng.chance(citizen ? 0.04 : 0.6)) return null;
        const arrivedOn = rng.date(window.from, window.to);
        const certificateIssuedOn = daysAfter(arrivedOn, rng.int(10, 60));
        const citizenshipGrantedOn = citizen ? daysAfter(certificateIssuedOn, rng.int(180, 720)) : null;
        const certificateValidUntil = shiftDate(certificateIssuedOn, { years: 1 });
        const regionalQuota = rng.chance(0.35);
        const supportMeasures = SUPPORT.filter(([kind]) => kind.startsWith('ADAPTATION') || (regionalQuota && rng.chance(0.8))).map(([kind, amountKzt]) => ({
          kind,
          grantedOn: daysAfter(certificateIssuedOn, rng.int(0, 90)),
          amountKzt,
        }));
        return {
          kandasRecord: {
            certificateNumber: `KD${certificateIssuedOn.slice(2, 4)}${rng.digits(7)}`,
            countryOfOrigin: citizen ? rng.pick(ORIGINS) : person.citizenship,
            arrivedOn,
            certificateIssuedOn,
            certificateValidUntil,
            settlementRegion: regionalQuota ? rng.pick(QUOTA_REGIONS) : person.address.region,
            regionalQuota,
            familyMembers: rng.int(0, 6),
            citizenshipGrantedOn,
            status: citizen ? 'CITIZENSHIP_GRANTED' : certificateValidUntil >= RECORDS_UNTIL || rng.chance(0.6) ? 'KANDAS' : 'EXPIRED',
            supportMeasures,
          },
        };
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'kandasRecord { certificateNumber countryOfOrigin arrivedOn settlementRegion status citizenshipGrantedOn supportMeasures { kind amountKzt } }',
  },
});
