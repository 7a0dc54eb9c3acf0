import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s86 Interpol stolen motor vehicles', () => {
  it(
    'hold exactly the vehicles the world marks as stolen',
    async () => {
      const all = Array.from({ length: 4000 }, (_, i) => world.vehiclesOf({ iin: world.personAt(i).iin })).flat();
      const vehicles = [...all.slice(0, 400), ...all.filter((v) => v.stolen)];
      const answers = await probeService(service, world).entities<{ interpolStolenVehicleRecord: { plateAsRecorded: string; stolenOn: string } | null }>(
        'Vehicle',
        vehicles.map((v) => v.vin),
        'interpolStolenVehicleRecord { plateAsRecorded stolenOn }',
      );
      vehicles.forEach((v, i) => {
        expect(answers[i]!.interpolStolenVehicleRecord !== null, v.vin).toBe(v.stolen);
        if (v.stolen) expect(answers[i]!.interpolStolenVehicleRecord!.plateAsRecorded).toBe(v.plate);
      });
      expect(vehicles.some((v) => v.stolen)).toBe(true);
    },
    SLOW_MACHINE,
  );
});
