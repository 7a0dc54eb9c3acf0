import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { withCheckDigit } from '@negiz/mocks/identifiers.ts';
import { policy } from '@negiz/schema';
import { loadServices } from '../../src/registry.ts';
import type { EntityType } from '../../src/define.ts';

// The mocks of services 1-31 (one helper's range): pure, silent on unknown subjects, with data for a realistic share.
const world = defaultWorld();
const services = await loadServices({ only: [...policy().services.values()].filter((s) => s.number <= 31).map((s) => s.slug) });
const persons = Array.from({ length: 1000 }, (_, i) => world.personAt(i).iin);
const entities = Array.from({ length: 500 }, (_, i) => world.legalEntityAt(i).bin);

function unknownIin(): string {
  const prefix = world.personAt(0).iin.slice(0, 7);
  for (let n = 9999; ; n--) {
    const iin = withCheckDigit(`${prefix}${String(n).padStart(4, '0')}`);
    if (iin && !world.person(iin)) return iin;
  }
}

/** Share of subjects with data, per service and entity: [min, max], from what the register holds in life. */
const RARE = new Set([
  's07-rolling-stock',
  's08-river-vessels',
  's09-sea-vessels',
  's20-court-cards',
  's23-criminal-vehicles',
  's24-criminal-weapons',
  's06-weapons',
]);

describe('mocks of services 1-31', () => {
  it('are all present', () => {
    expect(services.map((s) => s.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  for (const service of services) {
    const readers = Object.entries(service.definition.mock.entities ?? {}) as Array<[EntityType, (key: string, w: typeof world) => unknown]>;
    for (const [type, read] of readers) {
      if (type !== 'Person' && type !== 'LegalEntity') continue;
      const keys = type === 'Person' ? persons : entities;
      it(`${service.slug} ${type}: same answer twice, nothing on unknown subjects, data for a realistic share`, () => {
        for (const key of keys.slice(0, 25)) expect(JSON.stringify(read(key, world))).toBe(JSON.stringify(read(key, world)));
        if (type === 'Person') expect(read(unknownIin(), world)).toBeNull();
        const share = keys.filter((k) => read(k, world) !== null).length / keys.length;
        expect(share).toBeGreaterThan(RARE.has(service.slug) ? 0.002 : 0.02);
        expect(share).toBeLessThanOrEqual(1);
      });
    }
  }
});
