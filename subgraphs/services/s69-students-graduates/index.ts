import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

const UNIVERSITIES: Array<[name: string, city: string]> = [
  ['Al-Farabi Kazakh National University', 'Almaty'],
  ['L.N. Gumilyov Eurasian National University', 'Astana'],
  ['Satbayev University', 'Almaty'],
  ['Nazarbayev University', 'Astana'],
  ['Karaganda University named after E.A. Buketov', 'Karaganda'],
  ['M. Auezov South Kazakhstan University', 'Shymkent'],
  ['K. Zhubanov Aktobe Regional University', 'Aktobe'],
  ['Kazakh-British Technical University', 'Almaty'],
  ['Toraighyrov University', 'Pavlodar'],
  ['Asfendiyarov Kazakh National Medical University', 'Almaty'],
];
const PROGRAMMES: Array<[code: string, name: string]> = [
  ['6B04101', 'Economics'],
  ['6B04201', 'Jurisprudence'],
  ['6B06102', 'Computer Science and Software Engineering'],
  ['6B07101', 'Chemical Engineering'],
  ['6B01501', 'Mathematics Teacher Training'],
  ['6B10101', 'General Medicine'],
  ['6B04102', 'Accounting and Audit'],
  ['6B07301', 'Construction Engineering'],
  ['6B03101', 'Psychology'],
  ['6B11301', 'Transport Logistics'],
];

export default defineService({
  number: 69,
  typeDefs: /* GraphQL */ `
    "Level of higher or postgraduate education."
    enum UniversityDegreeLevel {
      BACHELOR
      MASTER
      "Doctor of Philosophy (PhD) or doctor by profile."
      DOCTORATE
      "Continuous medical education: internship and residency."
      RESIDENCY
    }

    "Form of study."
    enum UniversityStudyForm {
      FULL_TIME
      PART_TIME
      DISTANCE
    }

    "Who pays for the studies."
    enum UniversityFunding {
      "State educational grant."
      STATE_GRANT
      "Paid by the student or a sponsor."
      PAID
    }

    "State of the student's record."
    enum UniversityEnrolmentStatus {
      STUDYING
      ACADEMIC_LEAVE
      GRADUATED
      EXPELLED
      TRANSFERRED
    }

    "A person's enrolment in a higher education institution, as kept by the unified higher education information system."
    type UniversityEnrolment {
      "Name of the university."
      universityName: String!
      "City of the university."
      universityCity: String!
      "Code of the educational programme (classifier of higher education fields)."
      programmeCode: String!
      "Name of the educational programme."
      programmeName: String!
      level: UniversityDegreeLevel!
      studyForm: UniversityStudyForm!
      funding: UniversityFunding!
      "Date of enrolment (order of admission)."
      enrolledOn: Date!
      "Date of graduation, expulsion or transfer, if any."
      leftOn: Date
      status: UniversityEnrolmentStatus!
      "Number of the state diploma, for graduates."
      diplomaNumber: String
      "Grade point average (4-point scale) at the last record update."
      gpa: Float
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Enrolments in universities as a student, graduate or former student (service 69), newest first."
      universityEnrolments: [UniversityEnrolment!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const window = person && recordSpan(person, 17);
        if (!person || !window) return null;
        const rng = world.rng('s69', iin);
        // Enrolment happens at 17-20: only those who were of that age since 2000 are in the system.
        const latestStart = shiftDate(person.birthDate, { years: 20 });
        if (latestStart < window.from || !rng.chance(0.55)) return null;
        const enrolments = [];
        let start = rng.date(window.from, latestStart < window.to ? latestStart : window.to);
        for (const level of ['BACHELOR', 'MASTER', 'DOCTORATE'] as const) {
          const enrolledOn = `${start.slice(0, 4)}-09-01`;
          if (enrolledOn > RECORDS_UNTIL) break;
          const [universityName, universityCity] = rng.pick(UNIVERSITIES);
          const [programmeCode, programmeName] = rng.pick(PROGRAMMES);
          const years = level === 'BACHELOR' ? 4 : level === 'MASTER' ? 2 : 3;
          const plannedEnd = `${Number(enrolledOn.slice(0, 4)) + years}-06-30`;
          const dropped = rng.chance(0.08);
          const leftOn = dropped
            ? rng.date(enrolledOn, plannedEnd < RECORDS_UNTIL ? plannedEnd : RECORDS_UNTIL)
            : plannedEnd <= RECORDS_UNTIL
              ? plannedEnd
              : null;
          const status = dropped ? rng.pick(['EXPELLED', 'TRANSFERRED'] as const) : leftOn ? 'GRADUATED' : rng.chance(0.05) ? 'ACADEMIC_LEAVE' : 'STUDYING';
          enrolments.push({
            universityName,
            universityCity,
            programmeCode: level === 'BACHELOR' ? programmeCode : `${level === 'MASTER' ? '7M' : '8D'}${programmeCode.slice(2)}`,
            programmeName,
            level,
            studyForm: rng.chance(0.85) ? 'FULL_TIME' : rng.pick(['PART_TIME', 'DISTANCE'] as const),
            funding: rng.chance(0.45) ? 'STATE_GRANT' : 'PAID',
            enrolledOn,
            leftOn,
            status,
            diplomaNumber: status === 'GRADUATED' ? `${level === 'BACHELOR' ? 'JB' : level === 'MASTER' ? 'JM' : 'PhD'}-${rng.digits(8)}` : null,
            gpa: Math.round((2 + rng.next() * 2) * 100) / 100,
          });
          if (status !== 'GRADUATED' || !rng.chance(level === 'BACHELOR' ? 0.25 : 0.15)) break;
          start = `${Number(leftOn!.slice(0, 4)) + rng.int(0, 3)}-09-01`;
        }
        return enrolments.length ? { universityEnrolments: newestFirst(enrolments, (e) => e.enrolledOn) } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'universityEnrolments { universityName programmeName level status enrolledOn leftOn diplomaNumber }' },
});
