import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { isValidIin } from '@negiz/schema';
import { withCheckDigit } from '@negiz/mocks/identifiers.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();
const probe = probeService(service, world);
const SELECTION =
  'directRelations { kind label sharePercent since person { iin } legalEntity { bin } vehicle { vin } weapon { serialNumber } cadastralNumber }';

interface Link {
  kind: string;
  person: { iin: string } | null;
  legalEntity: { bin: string } | null;
  vehicle: { vin: string } | null;
  weapon: { serialNumber: string } | null;
  cadastralNumber: string | null;
}

function firstPerson(test: (iin: string) => boolean): string {
  for (let i = 0; i < world.personCount; i++) if (test(world.personAt(i).iin)) return world.personAt(i).iin;
  throw new Error('no such person in the world');
}

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s82 level-1 relations', () => {
  it(
    "link a person to exactly the world's family, companies and property",
    async () => {
      const iin = firstPerson((p) => !!world.family(p).spouse && world.family(p).children.length > 0 && world.vehiclesOf({ iin: p }).length > 0);
      const [answer] = await probe.entities<{ directRelations: Link[] }>('Person', [iin], SELECTION);
      const links = answer!.directRelations;
      const family = world.family(iin);
      const targets = (kind: string) =>
        links.filter((l) => l.kind === kind).map((l) => l.person?.iin ?? l.legalEntity?.bin ?? l.vehicle?.vin ?? l.weapon?.serialNumber ?? l.cadastralNumber);
      expect(targets('SPOUSE')).toEqual([family.spouse]);
      expect(targets('CHILD').sort()).toEqual([...family.children].sort());
      expect(targets('PARENT').sort()).toEqual([...family.parents].sort());
      expect(targets('SIBLING').sort()).toEqual([...family.siblings].sort());
      expect(targets('OWNS_VEHICLE').sort()).toEqual(
        world
          .vehiclesOf({ iin })
          .map((v) => v.vin)
          .sort(),
      );
      expect(targets('OWNS_WEAPON').sort()).toEqual(
        world
          .weaponsOf(iin)
          .map((w) => w.serialNumber)
          .sort(),
      );
      expect(targets('OWNS_REAL_ESTATE').sort()).toEqual(
        world
          .realEstateOf({ iin })
          .map((r) => r.cadastralNumber)
          .sort(),
      );
      const companies = world.companiesOf(iin);
      expect([...targets('DIRECTOR_OF'), ...targets('FOUNDER_OF')].sort()).toEqual(companies.map((c) => c.bin).sort());
    },
    SLOW_MACHINE,
  );

  it(
    'link a legal entity to its head, its founders and the entities it founded',
    async () => {
      let subsidiaryOf: { parent: string; child: string } | undefined;
      for (let i = 0; i < world.legalEntityCount && !subsidiaryOf; i++) {
        const e = world.legalEntityAt(i);
        const founder = e.founders.find((f) => f.bin);
        if (founder?.bin) subsidiaryOf = { parent: founder.bin, child: e.bin };
      }
      expect(subsidiaryOf, 'the world has a legal entity founded by another').toBeDefined();
      const [child, parent] = await probe.entities<{ directRelations: Link[] }>('LegalEntity', [subsidiaryOf!.child, subsidiaryOf!.parent], SELECTION);
      const entity = world.legalEntity(subsidiaryOf!.child)!;
      expect(child!.directRelations.find((l) => l.kind === 'DIRECTED_BY')?.person?.iin).toBe(entity.directorIin);
      expect(child!.directRelations.filter((l) => l.kind === 'FOUNDED_BY')).toHaveLength(entity.founders.length);
      expect(parent!.directRelations.some((l) => l.kind === 'FOUNDER_OF' && l.legalEntity?.bin === subsidiaryOf!.child)).toBe(true);
    },
    SLOW_MACHINE,
  );

  it(
    'answer an empty list for a well-formed IIN nobody has',
    async () => {
      const stranger = Array.from({ length: 1000 }, (_, i) => withCheckDigit(`8501013${String(i).padStart(4, '0')}`)).find(
        (iin) => iin !== undefined && isValidIin(iin) && !world.person(iin),
      )!;
      const [answer] = await probe.entities<{ directRelations: Link[] }>('Person', [stranger], 'directRelations { kind }');
      expect(answer!.directRelations).toEqual([]);
    },
    SLOW_MACHINE,
  );
});
