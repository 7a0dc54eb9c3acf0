import { describe, expect, it } from 'vitest';
import { createWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = createWorld({ seed: 's93-test', persons: 1000, legalEntities: 100 });
const probe = probeService(service, world);
const LOOKUP = 'query($n: String!) { airTicket(ticketNumber: $n) { ticketNumber flightNumber passenger { iin } } }';

interface Ticket {
  ticketNumber: string | null;
  status: string;
  bookedAt: string;
  departureAt: string;
  departureAirport: string;
  arrivalAirport: string;
}

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s93 air tickets', () => {
  it(
    'book before departure, newest first, never from an airport to itself',
    async () => {
      const keys = Array.from({ length: 200 }, (_, i) => world.personAt(i).iin);
      const answers = await probe.entities<{ airTickets: Ticket[] }>(
        'Person',
        keys,
        'airTickets { ticketNumber status bookedAt departureAt departureAirport arrivalAirport }',
      );
      const travellers = answers.filter((a) => a!.airTickets.length);
      expect(travellers.length).toBeGreaterThan(20);
      for (const { airTickets } of travellers) {
        expect(airTickets.map((t) => t.bookedAt)).toEqual(
          airTickets
            .map((t) => t.bookedAt)
            .sort()
            .reverse(),
        );
        for (const t of airTickets) {
          expect(t.departureAt.slice(0, 10) > t.bookedAt.slice(0, 10)).toBe(true);
          expect(t.departureAirport).not.toBe(t.arrivalAirport);
          expect(t.ticketNumber === null).toBe(t.status === 'BOOKED' || t.status === 'CANCELLED');
        }
      }
    },
    SLOW_MACHINE,
  );

  it(
    'find an issued ticket by its number, with its passenger',
    async () => {
      const iin = Array.from({ length: 200 }, (_, i) => world.personAt(i).iin).find((k) => {
        const part = service.mock.entities!.Person!(k, world) as { airTickets: Ticket[] } | null;
        return part?.airTickets.some((t) => t.ticketNumber);
      })!;
      const [answer] = await probe.entities<{ airTickets: Ticket[] }>('Person', [iin], 'airTickets { ticketNumber }');
      const number = answer!.airTickets.find((t) => t.ticketNumber)!.ticketNumber!;
      const found = (await probe.query(LOOKUP, { n: `${number.slice(0, 3)}-${number.slice(3)}` })).airTicket as {
        ticketNumber: string;
        passenger: { iin: string };
      };
      expect(found).toMatchObject({ ticketNumber: number, passenger: { iin } });
      expect((await probe.query(LOOKUP, { n: '0000000000000' })).airTicket).toBeNull();
      expect((await probe.query(LOOKUP, { n: 'KC 123' })).airTicket).toBeNull();
    },
    SLOW_MACHINE,
  );
});
