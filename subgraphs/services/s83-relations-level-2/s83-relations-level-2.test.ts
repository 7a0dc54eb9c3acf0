import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { directRelations, SECOND_LEVEL_BOUNDS } from '../_shared/relations.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();
const probe = probeService(service, world);

interface Link {
  viaKind: string;
  viaPerson: { iin: string } | null;
  viaLegalEntity: { bin: string } | null;
  kind: string;
  person: { iin: string } | null;
  legalEntity: { bin: string } | null;
  vehicle: { vin: string } | null;
  cadastralNumber: string | null;
}
const SELECTION =
  'secondLevelRelations { viaKind viaPerson { iin } viaLegalEntity { bin } kind person { iin } legalEntity { bin } vehicle { vin } cadastralNumber }';
const target = (l: Link) => l.person?.iin ?? l.legalEntity?.bin ?? l.vehicle?.vin ?? l.cadastralNumber;

function personWhere(test: (iin: string) => boolean): string {
  for (let i = 0; i < world.personCount; i++) if (test(world.personAt(i).iin)) return world.personAt(i).iin;
  throw new Error('no such person in the world');
}

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s83 level-2 relations', () => {
  it(
    'reach the in-laws through the spouse, never the subject or its direct links',
    async () => {
      const iin = personWhere((p) => {
        const { spouse, siblings } = world.family(p);
        return !!spouse && !siblings.includes(spouse) && world.family(spouse).parents.length > 0;
      });
      const [answer] = await probe.entities<{ secondLevelRelations: Link[] }>('Person', [iin], SELECTION);
      const links = answer!.secondLevelRelations;
      const spouse = world.family(iin).spouse!;
      const inLaws = links.filter((l) => l.viaKind === 'SPOUSE' && l.viaPerson?.iin === spouse && l.kind === 'PARENT').map(target);
      expect(inLaws.sort()).toEqual([...world.family(spouse).parents].sort());

      const direct = new Set(directRelations(world, { iin }).map((l) => l.person?.iin ?? l.legalEntity?.bin ?? l.vehicle?.vin ?? l.cadastralNumber));
      for (const link of links) {
        expect(target(link)).not.toBe(iin);
        expect(direct.has(target(link)!)).toBe(false);
        expect(direct.has(link.viaPerson?.iin ?? link.viaLegalEntity!.bin)).toBe(true);
      }
      expect(new Set(links.map(target)).size).toBe(links.length);
    },
    SLOW_MACHINE,
  );

  it(
    `stay within ${SECOND_LEVEL_BOUNDS.links} links for every subject`,
    async () => {
      const keys = Array.from({ length: 200 }, (_, i) => world.personAt(i * 37).iin);
      const answers = await probe.entities<{ secondLevelRelations: Link[] }>('Person', keys, 'secondLevelRelations { kind }');
      expect(Math.max(...answers.map((a) => a!.secondLevelRelations.length))).toBeLessThanOrEqual(SECOND_LEVEL_BOUNDS.links);
      expect(answers.filter((a) => a!.secondLevelRelations.length > 0).length).toBeGreaterThan(50);
    },
    SLOW_MACHINE,
  );

  it(
    "reach a legal entity's founders' other companies",
    async () => {
      let found: { bin: string; founder: string; other: string } | undefined;
      for (let i = 0; i < world.legalEntityCount && !found; i++) {
        const e = world.legalEntityAt(i);
        for (const f of e.founders) {
          const other = f.iin && world.companiesOf(f.iin).find((c) => c.bin !== e.bin && !e.founders.some((g) => g.bin === c.bin));
          if (other && f.iin) found = { bin: e.bin, founder: f.iin, other: other.bin };
        }
      }
      expect(found, 'a founder with another company').toBeDefined();
      const [answer] = await probe.entities<{ secondLevelRelations: Link[] }>('LegalEntity', [found!.bin], SELECTION);
      expect(answer!.secondLevelRelations.some((l) => l.legalEntity?.bin === found!.other)).toBe(true);
    },
    SLOW_MACHINE,
  );
});
