import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addYears, dateWithin, earlier, later, recordSpan, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { violations } from '../s21-traffic-violations/index.ts';

/** Licences run ten years; drunk driving (service 21) deprives the holder of the right to drive for seven. */
function licences(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  if (!person || !span) return null;
  const r = world.rng('s29', iin);
  const vehicles = world.vehiclesOf({ iin });
  if (!vehicles.length && !r.chance(0.45)) return null;
  const categories = new Set<string>(['B']);
  for (const v of vehicles) categories.add(v.category);
  if (r.chance(0.12)) categories.add('C');
  if (r.chance(0.05)) categories.add('A');
  if (categories.has('CE')) categories.add('C');
  // The first licence predates the first vehicle; renewals follow every ten years.
  const first = dateWithin(r, span.from, later(span.from, earlier(vehicles.map((v) => v.registeredOn).sort()[0] ?? span.to, span.to)));
  const deprivation = violations(iin, world)?.trafficViolations.find((v) => v.penalty === 'LICENCE_DEPRIVATION');
  const office = `Specialised public service centre, ${person.address.city}`;
  const rows: Array<Record<string, unknown>> = [];
  for (let issuedOn = first; issuedOn <= span.to; issuedOn = addYears(issuedOn, 10)) {
    const validUntil = addYears(issuedOn, 10);
    const deprivedHere = deprivation && deprivation.decisionOn >= issuedOn && deprivation.decisionOn < validUntil;
    const deprivedUntil = deprivedHere ? addYears(deprivation.decisionOn, 7) : null;
    const renewed = validUntil <= span.to;
    const status =
      deprivedUntil && deprivedUntil > RECORDS_UNTIL
        ? 'DEPRIVED'
        : renewed
          ? 'REPLACED'
          : person.deathDate
            ? 'CANCELLED'
            : validUntil > RECORDS_UNTIL
              ? 'VALID'
              : 'EXPIRED';
    rows.push({
      number: `${r.pick(['AB', 'AC', 'AD', 'AE', 'BA'])}${r.digits(6)}`,
      categories: [...categories].sort(),
      issuedOn,
      validUntil,
      issuedBy: office,
      status,
      deprivedFrom: deprivedHere ? deprivation.decisionOn : null,
      deprivedUntil,
    });
    if (status === 'DEPRIVED') break;
  }
  return rows.length ? { drivingLicences: rows.reverse() } : null;
}

export default defineService({
  number: 29,
  typeDefs: /* GraphQL */ `
    "Category of vehicles a driving licence entitles to drive."
    enum DrivingLicenceCategory {
      A
      B
      C
      D
      BE
      CE
    }

    "State of a driving licence."
    enum DrivingLicenceStatus {
      VALID
      EXPIRED
      "Replaced by a new licence."
      REPLACED
      "The holder is deprived of the right to drive."
      DEPRIVED
      "Cancelled (e.g. on the holder's death)."
      CANCELLED
    }

    "A driving licence issued to the person (service 29, the driving licences database)."
    type DrivingLicence {
      "Licence number."
      number: String!
      "Categories opened."
      categories: [DrivingLicenceCategory!]!
      "Date of issue."
      issuedOn: Date!
      "Expiry date."
      validUntil: Date!
      "Issuing office."
      issuedBy: String!
      "State."
      status: DrivingLicenceStatus!
      "Start of a deprivation of the right to drive."
      deprivedFrom: Date
      "End of a deprivation of the right to drive."
      deprivedUntil: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Driving licences, newest first (service 29)."
      drivingLicences: [DrivingLicence!]!
    }
  `,
  mock: { entities: { Person: licences } },
  example: { entity: 'Person', selection: 'drivingLicences { number categories issuedOn validUntil status }' },
});
