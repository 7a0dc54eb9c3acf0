import { describe, expect, it } from 'vitest';
import { createWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = createWorld({ seed: 's88-test', persons: 2000, legalEntities: 100 });
const probe = probeService(service, world);

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe("s88 Interpol's stolen and lost travel documents", () => {
  it(
    "record some citizens' former documents, never their current one, and find them by number",
    async () => {
      const keys = Array.from({ length: 2000 }, (_, i) => world.personAt(i).iin);
      const answers = await probe.entities<{ interpolLostTravelDocuments: Array<{ documentNumber: string }> }>(
        'Person',
        keys,
        'interpolLostTravelDocuments { documentNumber }',
      );
      const holders = keys.filter((_, i) => answers[i]!.interpolLostTravelDocuments.length);
      expect(holders.length).toBeGreaterThan(10);
      expect(holders.length).toBeLessThan(300);
      const iin = holders[0]!;
      const number = answers[keys.indexOf(iin)]!.interpolLostTravelDocuments[0]!.documentNumber;
      expect(number).not.toBe(world.person(iin)!.document.number);
      const found = await probe.query('query($n: String!) { interpolTravelDocument(documentNumber: $n) { documentNumber holder { iin } } }', {
        n: ` ${number.toLowerCase()} `,
      });
      expect(found.interpolTravelDocument).toEqual({ documentNumber: number, holder: { iin } });
      const none = await probe.query('query($n: String!) { interpolTravelDocument(documentNumber: $n) { documentNumber } }', {
        n: world.person(iin)!.document.number,
      });
      expect(none.interpolTravelDocument).toBeNull();
    },
    SLOW_MACHINE,
  );
});
