import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s67 encumbrances on land plots', () => {
  it(
    'show an imposed encumbrance on exactly the plots the world marks as encumbered',
    async () => {
      const owners = Array.from({ length: 1500 }, (_, i) => world.personAt(i).iin).filter((iin) => world.landPlotsOf({ iin }).length > 0);
      const answers = await probeService(service, world).entities<{ landPlotEncumbrances: Array<{ cadastralNumber: string; status: string }> }>(
        'Person',
        owners,
        'landPlotEncumbrances { cadastralNumber status }',
      );
      let encumbered = 0;
      owners.forEach((iin, i) => {
        const imposed = new Set(answers[i]!.landPlotEncumbrances.filter((e) => e.status === 'IMPOSED').map((e) => e.cadastralNumber));
        for (const plot of world.landPlotsOf({ iin })) {
          expect(imposed.has(plot.cadastralNumber), plot.cadastralNumber).toBe(plot.encumbered);
          if (plot.encumbered) encumbered++;
        }
      });
      expect(encumbered).toBeGreaterThan(0);
    },
    SLOW_MACHINE,
  );
});
