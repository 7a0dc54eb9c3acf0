import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { REGIONS } from '@negiz/mocks/geography.ts';
import { addDays, ageOn, earlier, recordSpan, sortedDates } from '../_shared/record-dates.ts';

/** Public services by their code in the register of state services, the usual term in working days, who asks. */
const SERVICES = [
  { code: '00101001', name: 'Registration at the place of residence', days: 1, ages: [16, 100] },
  { code: '00301002', name: 'Issue of an identity card of a citizen of the Republic of Kazakhstan', days: 15, ages: [16, 100] },
  { code: '00301003', name: 'Issue of a passport of a citizen of the Republic of Kazakhstan', days: 15, ages: [16, 100] },
  { code: '00201001', name: 'Certificate of the presence or absence of a criminal record', days: 5, ages: [18, 65] },
  { code: '00501001', name: 'State registration of rights to immovable property', days: 3, ages: [18, 100] },
  { code: '00601002', name: 'Registration and re-registration of a motor vehicle', days: 1, ages: [18, 85] },
  { code: '00801001', name: 'Assignment of a pension payment by age', days: 10, ages: [61, 66] },
  { code: '00901004', name: 'Issue of a certificate of registered and disposed real estate', days: 1, ages: [18, 100] },
  { code: '01001002', name: 'Issue of a driving licence', days: 1, ages: [18, 75] },
  { code: '01101001', name: 'Registration as an individual entrepreneur', days: 1, ages: [18, 70] },
] as const;
const BIRTH_CERTIFICATE = { code: '00701001', name: 'State registration of the birth of a child', days: 1 } as const;

const OTHER_CITIES = REGIONS.map((region) => region.cities[0]!.name);

function requests(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return null;
  const r = world.rng('s15', iin);
  const children = world
    .family(iin)
    .children.map((c) => world.person(c)?.birthDate)
    .filter((d): d is string => !!d && d >= span.from && d <= span.to);
  if (!children.length && !r.chance(0.55)) return null;
  const home = `Public service centre No. ${r.int(1, 12)}, ${person.address.city}`;
  const request = (on: string, service: { code: string; name: string; days: number }) => {
    const due = addDays(on, Math.ceil(service.days * 1.4));
    const open = due > span.to;
    return {
      requestNumber: `${service.code}-${on.replace(/-/g, '')}-${r.digits(5)}`,
      serviceCode: service.code,
      serviceName: service.name,
      submittedAt: `${on}T${String(r.int(9, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+05:00`,
      centre: r.chance(0.85) ? home : `Public service centre No. ${r.int(1, 12)}, ${r.pick(OTHER_CITIES)}`,
      status: open ? 'IN_PROGRESS' : r.chance(0.93) ? 'ISSUED' : 'REFUSED',
      resultOn: open ? null : due,
    };
  };
  const rows = children.map((born) => request(earlier(addDays(born, r.int(3, 30)), span.to), BIRTH_CERTIFICATE));
  for (const on of sortedDates(r, r.chance(0.55) ? r.int(1, 6) : 0, span.from, span.to)) {
    const age = ageOn(person, on);
    const fitting = SERVICES.filter((s) => age >= s.ages[0] && age <= s.ages[1]);
    if (fitting.length) rows.push(request(on, r.pick(fitting)));
  }
  return rows.length ? { publicServiceCentreRequests: rows.sort((a, b) => (b.submittedAt < a.submittedAt ? -1 : 1)) } : null;
}

export default defineService({
  number: 15,
  typeDefs: /* GraphQL */ `
    "Outcome of a request at a public service centre."
    enum PublicServiceRequestStatus {
      "Being processed."
      IN_PROGRESS
      "The result was issued to the applicant."
      ISSUED
      "A reasoned refusal was issued."
      REFUSED
    }

    "A public service the person applied for at a public service centre (TsON) of the State Corporation (service 15)."
    type PublicServiceCentreRequest {
      "Request number."
      requestNumber: String!
      "Code of the service in the register of state services."
      serviceCode: String!
      "Name of the service."
      serviceName: String!
      "When the application was accepted."
      submittedAt: DateTime!
      "Public service centre that accepted it."
      centre: String!
      "Outcome."
      status: PublicServiceRequestStatus!
      "Date the result (or refusal) was issued."
      resultOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Requests for public services at public service centres, newest first (service 15)."
      publicServiceCentreRequests: [PublicServiceCentreRequest!]!
    }
  `,
  mock: { entities: { Person: requests } },
  example: { entity: 'Person', selection: 'publicServiceCentreRequests { serviceName submittedAt centre status resultOn }' },
});
