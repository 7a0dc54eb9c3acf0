import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s66 vehicle technical inspections', () => {
  it(
    "inspect the world's vehicles after their registration, newest first, each pass valid for a year",
    async () => {
      const vehicles = Array.from({ length: 500 }, (_, i) => world.vehiclesOf({ iin: world.personAt(i).iin })).flat();
      const answers = await probeService(service, world).entities<{
        technicalInspections: Array<{ inspectedOn: string; validUntil: string | null; result: string }>;
      }>(
        'Vehicle',
        vehicles.map((v) => v.vin),
        'technicalInspections { inspectedOn validUntil result }',
      );
      let inspected = 0;
      vehicles.forEach((v, i) => {
        const list = answers[i]!.technicalInspections;
        if (list.length) inspected++;
        const dates = list.map((x) => x.inspectedOn);
        expect(dates).toEqual([...dates].sort().reverse());
        for (const x of list) {
          expect(x.inspectedOn > v.registeredOn).toBe(true);
          expect(x.inspectedOn <= '2026-11-01').toBe(true);
          expect(x.validUntil === null).toBe(x.result === 'FAILED');
        }
      });
      expect(inspected / vehicles.length).toBeGreaterThan(0.2);
    },
    SLOW_MACHINE,
  );

  it(
    'answer no inspections for a VIN no vehicle has',
    async () => {
      const [answer] = await probeService(service, world).entities('Vehicle', ['XTA00000000000000'], 'technicalInspections { inspectedOn }');
      expect(answer).toEqual({ technicalInspections: [] });
    },
    SLOW_MACHINE,
  );
});
