import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter } from '../_shared/date-shift.ts';
import { recordSpan } from '../_shared/record-dates.ts';

/** Profile, an ICD-10 code with its name, and the kind of organisation that keeps the person under supervision. */
const DIAGNOSES: Array<[profile: string, code: string, name: string, clinic: string]> = [
  ['NARCOLOGICAL', 'F10.2', 'Mental and behavioural disorders due to use of alcohol: dependence syndrome', 'Centre of Mental Health (narcological department)'],
  ['NARCOLOGICAL', 'F11.2', 'Mental and behavioural disorders due to use of opioids: dependence syndrome', 'Centre of Mental Health (narcological department)'],
  ['NARCOLOGICAL', 'F12.1', 'Harmful use of cannabinoids', 'Centre of Mental Health (narcological department)'],
  ['PSYCHIATRIC', 'F20.0', 'Paranoid schizophrenia', 'Centre of Mental Health'],
  ['PSYCHIATRIC', 'F31.1', 'Bipolar affective disorder', 'Centre of Mental Health'],
  ['PSYCHIATRIC', 'F70.0', 'Mild mental retardation', 'Centre of Mental Health'],
  ['TUBERCULOSIS', 'A15.0', 'Tuberculosis of lung, confirmed', 'Regional Centre of Phthisiopulmonology'],
  ['CHRONIC_DISEASE', 'E11.9', 'Type 2 diabetes mellitus without complications', 'City Polyclinic'],
  ['CHRONIC_DISEASE', 'I10', 'Essential (primary) hypertension', 'City Polyclinic'],
  ['CHRONIC_DISEASE', 'J45.0', 'Predominantly allergic asthma', 'City Polyclinic'],
  ['HIV', 'B20', 'HIV disease', 'Regional Centre for the Prevention and Control of AIDS'],
];
const DEREGISTRATION_REASONS = ['Stable remission', 'Recovery', 'Moved to another region', 'Death', 'Diagnosis not confirmed'];

export default defineService({
  number: 75,
  typeDefs: /* GraphQL */ `
    "The profile of dispensary supervision."
    enum DispensaryProfile {
      "Supervision by a narcologist (alcohol or drug dependence)."
      NARCOLOGICAL
      "Supervision by a psychiatrist."
      PSYCHIATRIC
      TUBERCULOSIS
      HIV
      "Chronic non-communicable disease supervised at primary care."
      CHRONIC_DISEASE
    }

    "A dispensary (D) registration: the person is under active medical supervision for a disease, as recorded in the electronic health register."
    type DispensaryRegistration {
      profile: DispensaryProfile!
      "Diagnosis code (ICD-10)."
      diagnosisCode: String!
      "Diagnosis name."
      diagnosisName: String!
      "Medical organisation that keeps the registration."
      medicalOrganisation: String!
      "City of the medical organisation."
      city: String!
      "Date the person was taken under supervision."
      registeredOn: Date!
      "Date the person was removed from supervision, if they were."
      deregisteredOn: Date
      "Why the person was removed from supervision."
      deregistrationReason: String
      "Date of the last follow-up visit."
      lastVisitOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Dispensary (D) registrations of the person (service 75), newest first."
      dispensaryRegistrations: [DispensaryRegistration!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 1);
        if (!person || !window) return null;
        const rng = world.rng('s75', iin);
        const age = Number(window.to.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
        // Chronic diseases grow with age; the other profiles are rare.
        if (!rng.chance(0.04 + Math.min(age, 80) * 0.003)) return null;
        const registrations = Array.from({ length: rng.chance(0.2) ? 2 : 1 }, () => {
          const pool =
            age < 18
              ? DIAGNOSES.filter((d) => d[0] !== 'NARCOLOGICAL')
              : age > 40 && rng.chance(0.7)
                ? DIAGNOSES.filter((d) => d[0] === 'CHRONIC_DISEASE')
                : DIAGNOSES;
          const [profile, diagnosisCode, diagnosisName, clinic] = rng.pick(pool);
          const registeredOn = rng.date(window.from, window.to);
          const deregisteredOn = profile !== 'CHRONIC_DISEASE' && profile !== 'HIV' && rng.chance(0.35) ? daysAfter(registeredOn, rng.int(365, 2500)) : null;
          const closed = deregisteredOn && deregisteredOn < window.to ? deregisteredOn : null;
          return {
            profile,
            diagnosisCode,
            diagnosisName,
            medicalOrganisation: `${clinic} of ${person.address.city}`,
            city: person.address.city,
            registeredOn,
            deregisteredOn: closed,
            deregistrationReason: closed ? rng.pick(DEREGISTRATION_REASONS.filter((r) => r !== 'Death')) : null,
            lastVisitOn: rng.date(registeredOn, closed ?? window.to),
          };
        });
        return { dispensaryRegistrations: newestFirst(registrations, (r) => r.registeredOn) };
      },
    },
  },
  example: { entity: 'Person', selection: 'dispensaryRegistrations { profile diagnosisCode diagnosisName medicalOrganisation registeredOn deregisteredOn }' },
});
