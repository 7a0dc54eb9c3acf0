import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { personOfSerial, personSerial } from '../_shared/person-serial.ts';
import { localDateTime, newestFirst } from '../_shared/chronology.ts';
import { shiftDate } from '../_shared/date-shift.ts';
import { later, RECORDS_UNTIL, recordSpan } from '../_shared/record-dates.ts';

/** Airline name, IATA code and ticketing (accounting) prefix. */
const AIRLINES: Array<[name: string, iata: string, prefix: string]> = [
  ['Air Astana', 'KC', '465'],
  ['FlyArystan', 'FS', '465'],
  ['SCAT Airlines', 'DV', '452'],
  ['Qazaq Air', 'IQ', '394'],
  ['Turkish Airlines', 'TK', '235'],
  ['flydubai', 'FZ', '141'],
  ['Aeroflot', 'SU', '555'],
  ['Uzbekistan Airways', 'HY', '250'],
];
const DOMESTIC = ['ALA', 'NQZ', 'CIT', 'AKX', 'GUW', 'SCO', 'KGF', 'PWQ', 'UKK', 'KSN', 'URA', 'DMB', 'KZO', 'PLX', 'HSA'];
const FOREIGN = ['IST', 'DXB', 'SVO', 'TAS', 'FRA', 'ICN', 'PEK', 'BKK', 'AYT', 'TBS', 'AUH', 'DEL'];
const CABINS = ['ECONOMY', 'ECONOMY', 'ECONOMY', 'ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS'] as const;

function ticketsOf(world: World, iin: string) {
  const person = world.person(iin);
  const window = person && recordSpan(person, 2);
  // The booking systems' data reaches back to 2010.
  const from = window && later(window.from, '2010-01-01');
  if (!person || !window || !from || from > window.to) return [];
  const rng = world.rng('s93', iin);
  const serial = personSerial(world, iin);
  if (!serial || !rng.chance(0.35)) return [];
  return Array.from({ length: rng.int(1, 8) }, (_, sequence) => {
    const [airline, iata, prefix] = rng.pick(AIRLINES);
    const international = rng.chance(0.35);
    const origin = rng.pick(DOMESTIC);
    let destination = international ? rng.pick(FOREIGN) : rng.pick(DOMESTIC);
    if (destination === origin) destination = origin === 'ALA' ? 'NQZ' : 'ALA';
    const [departureAirport, arrivalAirport] = rng.chance(0.5) ? [origin, destination] : [destination, origin];
    const bookedOn = rng.date(from, window.to);
    const departureOn = shiftDate(bookedOn, { days: rng.int(1, 60) });
    const issued = rng.chance(0.9);
    const cabinClass = rng.pick(CABINS);
    const fareKzt = (international ? rng.int(80, 450) : rng.int(20, 120)) * 1000 * (cabinClass === 'BUSINESS' ? 3 : 1);
    const flown = departureOn < RECORDS_UNTIL;
    const status = !issued ? (flown ? 'CANCELLED' : 'BOOKED') : rng.chance(0.05) ? 'REFUNDED' : rng.chance(0.04) ? 'EXCHANGED' : flown ? 'FLOWN' : 'ISSUED';
    return {
      // The serial makes the ticket findable by number (see airTicket); the last two digits vary per coupon.
      ticketNumber: issued ? `${prefix}${serial}${sequence}${rng.digits(2)}` : null,
      bookingReference: Array.from({ length: 6 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[rng.int(0, 31)]).join(''),
      status,
      bookedAt: localDateTime(rng, bookedOn, 7, 23),
      issuedAt: issued ? localDateTime(rng, bookedOn, 7, 23) : null,
      airline,
      flightNumber: `${iata} ${rng.int(100, 999)}`,
      departureAirport,
      arrivalAirport,
      departureAt: localDateTime(rng, departureOn, 5, 23),
      cabinClass,
      seat: status === 'FLOWN' ? `${rng.int(1, 32)}${'ABCDEF'[rng.int(0, 5)]}` : null,
      fareKzt,
      paymentMethod: rng.pick(['CARD', 'CARD', 'CASH', 'CORPORATE_ACCOUNT'] as const),
      passenger: { iin },
    };
  });
}

export default defineService({
  number: 93,
  typeDefs: /* GraphQL */ `
    "State of an air ticket or booking."
    enum AirTicketStatus {
      "Booked, not yet paid and issued."
      BOOKED
      "Issued (paid), flight not yet flown."
      ISSUED
      "The coupon was used: the passenger flew."
      FLOWN
      REFUNDED
      "Exchanged for another ticket."
      EXCHANGED
      "Booking cancelled or expired without issue."
      CANCELLED
    }

    "Cabin class of the fare."
    enum AirTicketCabinClass {
      ECONOMY
      PREMIUM_ECONOMY
      BUSINESS
    }

    "How the ticket was paid."
    enum AirTicketPaymentMethod {
      CARD
      CASH
      "Paid by an organisation's account (corporate travel)."
      CORPORATE_ACCOUNT
    }

    "An air ticket issued, or a seat booked, for a passenger on a flight to, from or within Kazakhstan, as reported by the airlines' booking and ticketing systems."
    type AirTicket {
      "Electronic ticket number (13 digits: airline prefix and serial); absent for a booking not issued."
      ticketNumber: String
      "Booking reference (PNR)."
      bookingReference: String!
      status: AirTicketStatus!
      "Time of booking (local time, UTC+5)."
      bookedAt: DateTime!
      "Time of issue."
      issuedAt: DateTime
      "Operating airline."
      airline: String!
      "Flight number."
      flightNumber: String!
      "Departure airport (IATA code)."
      departureAirport: String!
      "Arrival airport (IATA code)."
      arrivalAirport: String!
      "Scheduled departure (local time of Kazakhstan)."
      departureAt: DateTime!
      cabinClass: AirTicketCabinClass!
      "Seat assigned at check-in."
      seat: String
      "Fare paid, KZT (taxes included)."
      fareKzt: Float!
      paymentMethod: AirTicketPaymentMethod!
      "The passenger."
      passenger: Person!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Air tickets issued and seats booked for the person (service 93), newest first."
      airTickets: [AirTicket!]!
    }

    type Query {
      "An issued air ticket by its 13-digit number (service 93); null when no airline reports it."
      airTicket(ticketNumber: String!): AirTicket
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const tickets = ticketsOf(world, iin);
        return tickets.length ? { airTickets: newestFirst(tickets, (t) => t.bookedAt) } : null;
      },
    },
    queries: {
      airTicket: (args, world) => {
        const ticketNumber = String(args.ticketNumber ?? '').replace(/[\s-]/g, '');
        if (!/^\d{13}$/.test(ticketNumber)) return null;
        const iin = personOfSerial(world, ticketNumber.slice(3, 10));
        return iin ? (ticketsOf(world, iin).find((t) => t.ticketNumber === ticketNumber) ?? null) : null;
      },
    },
  },
  example: {
    entity: 'Person',
    selection: 'airTickets { ticketNumber bookingReference status airline flightNumber departureAirport arrivalAirport departureAt fareKzt }',
  },
});
