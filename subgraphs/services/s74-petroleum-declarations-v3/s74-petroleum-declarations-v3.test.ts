import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import version2 from '../s73-petroleum-declarations-v2/index.ts';
import version3 from './index.ts';

const world = defaultWorld();

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s73/s74 petroleum declarations, versions 2 and 3 of the form', () => {
  it(
    'are filed by the same traders, version 2 up to December 2021 and version 3 from January 2022',
    async () => {
      const bins = Array.from({ length: 600 }, (_, i) => world.legalEntityAt(i).bin);
      type Declarations = Array<{ periodYear: number; periodMonth: number; submittedOn: string }>;
      const v2 = await probeService(version2, world).entities<{ petroleumDeclarationsV2: Declarations }>(
        'LegalEntity',
        bins,
        'petroleumDeclarationsV2 { periodYear periodMonth submittedOn }',
      );
      const v3 = await probeService(version3, world).entities<{ petroleumDeclarationsV3: Declarations }>(
        'LegalEntity',
        bins,
        'petroleumDeclarationsV3 { periodYear periodMonth submittedOn }',
      );
      let traders = 0;
      bins.forEach((bin, i) => {
        const old = v2[i]!.petroleumDeclarationsV2;
        const current = v3[i]!.petroleumDeclarationsV3;
        if (old.length) expect(current.length, `${bin} files version 2 but not version 3`).toBeGreaterThan(0);
        if (current.length) traders++;
        for (const d of old) expect(d.periodYear).toBeLessThanOrEqual(2021);
        for (const d of current) {
          expect(d.periodYear).toBeGreaterThanOrEqual(2022);
          expect(d.submittedOn <= '2026-11-01').toBe(true);
        }
      });
      expect(traders).toBeGreaterThan(5);
    },
    SLOW_MACHINE,
  );
});
