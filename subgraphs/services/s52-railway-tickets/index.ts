import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { localDateTime, newestFirst } from '../_shared/chronology.ts';
import { addDays, dateWithin, later, recordSpan } from '../_shared/record-dates.ts';

/** Main passenger stations and a rough hour distance between them (the line through Astana and Almaty). */
const STATIONS = [
  ['Almaty-2', 0],
  ['Taraz', 9],
  ['Shymkent', 13],
  ['Turkistan', 16],
  ['Kyzylorda', 21],
  ['Aktobe', 38],
  ['Astana-Nurly Zhol', 14],
  ['Karaganda-Passenger', 17],
  ['Pavlodar', 22],
  ['Petropavl', 24],
  ['Kostanay', 26],
  ['Oskemen', 20],
  ['Semey', 16],
] as const;
const CLASSES = ['COMPARTMENT', 'COMPARTMENT', 'OPEN_SLEEPER', 'OPEN_SLEEPER', 'SEATED', 'SLEEPER_DELUXE'] as const;
const FARE_PER_HOUR = { SLEEPER_DELUXE: 3_200, COMPARTMENT: 1_500, OPEN_SLEEPER: 900, SEATED: 700 } as const;

function tickets(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 0);
  const r = world.rng('s52', iin);
  // The electronic ticket system keeps passengers' tickets from 2015.
  if (!person || !span || span.to < '2015-01-01' || !r.chance(0.3)) return null;
  const list = Array.from({ length: r.int(1, 8) }, () => {
    const [from, fromHour] = r.pick(STATIONS);
    let [to, toHour] = r.pick(STATIONS);
    if (to === from) [to, toHour] = from === 'Almaty-2' ? ['Astana-Nurly Zhol', 14] : ['Almaty-2', 0];
    const hours = Math.max(3, Math.abs(toHour - fromHour) + r.int(0, 4));
    const carClass = r.pick(CLASSES);
    const travelDate = dateWithin(r, later(span.from, '2015-01-01'), addDays(span.to, -2));
    const departureAt = localDateTime(r, travelDate);
    const arrival = new Date(Date.parse(departureAt) + hours * 3_600_000 + 5 * 3_600_000).toISOString().slice(0, 19);
    const refunded = r.chance(0.06);
    return {
      ticketNumber: r.digits(14),
      trainNumber: `${String(r.int(1, 380)).padStart(3, '0')}${r.pick(['T', 'Kh', 'Ts', 'S'])}`,
      departureStation: from,
      arrivalStation: to,
      departureAt,
      arrivalAt: `${arrival}+05:00`,
      carNumber: r.int(1, 18),
      seat: String(r.int(1, carClass === 'SEATED' ? 64 : 54)),
      carClass,
      fareKzt: hours * FARE_PER_HOUR[carClass] + r.int(0, 20) * 100,
      purchasedAt: localDateTime(r, later(addDays(travelDate, -r.int(0, 30)), person.birthDate), 6, 23),
      salesChannel: r.pick(['TICKET_OFFICE', 'WEBSITE', 'MOBILE_APP', 'MOBILE_APP', 'AGENT'] as const),
      identityDocumentNumber: person.document.number,
      status: refunded ? 'REFUNDED' : 'USED',
    };
  });
  return { railwayTickets: newestFirst(list, (t) => t.departureAt) };
}

export default defineService({
  number: 52,
  typeDefs: /* GraphQL */ `
    "Class of the railway car."
    enum RailwayCarClass {
      "Two-berth sleeper (SV)."
      SLEEPER_DELUXE
      "Four-berth compartment (kupe)."
      COMPARTMENT
      "Open-plan sleeper (platskart)."
      OPEN_SLEEPER
      "Seated car."
      SEATED
    }

    "Where the ticket was sold."
    enum RailwayTicketChannel {
      TICKET_OFFICE
      WEBSITE
      MOBILE_APP
      "Travel agent or partner."
      AGENT
    }

    "State of the ticket."
    enum RailwayTicketStatus {
      "Boarded (the trip took place)."
      USED
      "Returned before departure."
      REFUNDED
    }

    "A passenger ticket of the national railway company (Kazakhstan Temir Zholy), sold to the person."
    type RailwayTicket {
      "Electronic ticket number."
      ticketNumber: String!
      "Train number."
      trainNumber: String!
      "Station of departure."
      departureStation: String!
      "Station of arrival."
      arrivalStation: String!
      "Scheduled local departure time."
      departureAt: DateTime!
      "Scheduled local arrival time."
      arrivalAt: DateTime!
      "Car number in the train."
      carNumber: Int!
      "Seat or berth number."
      seat: String!
      "Class of the car."
      carClass: RailwayCarClass!
      "Fare paid, KZT."
      fareKzt: Float!
      "Local time of purchase."
      purchasedAt: DateTime!
      "Where the ticket was sold."
      salesChannel: RailwayTicketChannel!
      "Identity document presented at purchase."
      identityDocumentNumber: String!
      "Used or refunded."
      status: RailwayTicketStatus!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Railway tickets bought in the person's name (service 52), newest first."
      railwayTickets: [RailwayTicket!]!
    }
  `,
  mock: { entities: { Person: tickets } },
  example: { entity: 'Person', selection: 'railwayTickets { ticketNumber trainNumber departureStation arrivalStation departureAt carClass fareKzt }' },
});
