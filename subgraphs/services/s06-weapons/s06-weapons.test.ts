import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import weapons from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(weapons, mockSource(weapons, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

const owners = Array.from({ length: 3000 }, (_, i) => world.personAt(i)).filter((p) => world.weaponsOf(p.iin).length > 0);

describe('s06 weapons: weapon and Person.weapons', () => {
  it('finds a weapon by serial number with its permit and owner', async () => {
    const weapon = world.weaponsOf(owners[0]!.iin)[0]!;
    const result = await run(
      'query($s: String!) { weapon(serialNumber: $s) { serialNumber kind model calibre ownerIin owner { iin weapons { serialNumber } } permitNumber permitIssuedOn permitValidUntil registeredOn } }',
      { s: weapon.serialNumber },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.weapon).toMatchObject({
      serialNumber: weapon.serialNumber,
      kind: weapon.kind,
      model: weapon.model,
      calibre: weapon.calibre,
      ownerIin: weapon.ownerIin,
      permitNumber: weapon.permitNumber,
      permitValidUntil: weapon.permitValidUntil,
      owner: { iin: weapon.ownerIin, weapons: world.weaponsOf(weapon.ownerIin).map((w) => ({ serialNumber: w.serialNumber })) },
    });
  });

  it('dates every permit after the registration and before its expiry', async () => {
    const result = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { weapons { registeredOn permitIssuedOn permitValidUntil } } } }',
      {
        r: owners.map((p) => ({ __typename: 'Person', iin: p.iin })),
      },
    );
    expect(result.errors).toBeUndefined();
    const rows = (result.data?._entities as Array<{ weapons: Array<Record<string, string>> }>).flatMap((e) => e.weapons);
    expect(rows.length).toBeGreaterThan(0);
    for (const w of rows) {
      expect(w.registeredOn! <= w.permitIssuedOn!).toBe(true);
      expect(w.permitIssuedOn! < w.permitValidUntil!).toBe(true);
    }
  });

  it('answers null for a serial number nobody registered', async () => {
    const result = await run('{ weapon(serialNumber: "NO-SUCH-SERIAL") { kind } }', {});
    expect(result.data).toEqual({ weapon: null });
  });
});
