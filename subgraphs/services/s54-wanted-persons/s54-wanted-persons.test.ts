import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import interpol from '../s87-interpol-wanted/index.ts';
import service from './index.ts';

const world = defaultWorld();
const iins = Array.from({ length: 2500 }, (_, i) => world.personAt(i).iin);

describe('s54 persons hiding from investigation', { timeout: 20_000 }, () => {
  it('hold an international search behind every red notice Kazakhstan requested through Interpol (s87), declared before it', async () => {
    const notices = await probeService(service, world).entities<{ wantedNotices: Array<{ scope: string; declaredWantedOn: string; status: string }> }>(
      'Person',
      iins,
      'wantedNotices { scope declaredWantedOn status }',
    );
    const red = await probeService(interpol, world).entities<{ interpolNotices: Array<{ requestingCountry: string; category: string; publishedOn: string }> }>(
      'Person',
      iins,
      'interpolNotices { requestingCountry category publishedOn }',
    );
    let wanted = 0;
    iins.forEach((_, i) => {
      const list = notices[i]!.wantedNotices;
      if (list.length) wanted++;
      const requested = red[i]!.interpolNotices.filter(
        (n) => n.requestingCountry === 'KAZ' && (n.category === 'WANTED_CRIMINAL' || n.category === 'TERRORIST'),
      );
      const international = list.filter((n) => n.scope === 'INTERNATIONAL');
      expect(international.length).toBe(requested.length);
      for (const n of requested) expect(international.some((w) => w.declaredWantedOn <= n.publishedOn)).toBe(true);
      const dates = list.map((n) => n.declaredWantedOn);
      expect(dates).toEqual([...dates].sort().reverse());
    });
    // Few, but some: about one adult in a hundred.
    expect(wanted).toBeGreaterThan(5);
    expect(wanted / iins.length).toBeLessThan(0.05);
  });
});
