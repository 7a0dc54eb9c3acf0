import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import { registration } from '../s06-weapons/index.ts';
import criminalWeapons from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(criminalWeapons, mockSource(criminalWeapons, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });
const weapons = Array.from({ length: world.personCount }, (_, i) => world.weaponsOf(world.personAt(i).iin)).flat();

describe('s24 criminal weapons', () => {
  it('holds a record for exactly the weapons the world marks wanted, dated after their registration', async () => {
    const result = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Weapon { serialNumber criminalWeaponRecord { wantedSince lastHolderIin } } } }',
      {
        r: weapons.map((w) => ({ __typename: 'Weapon', serialNumber: w.serialNumber })),
      },
    );
    expect(result.errors).toBeUndefined();
    const answers = result.data?._entities as Array<{ serialNumber: string; criminalWeaponRecord: { wantedSince: string; lastHolderIin: string } | null }>;
    const wanted = weapons.filter((w) => w.wanted);
    expect(wanted.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.criminalWeaponRecord).map((a) => a.serialNumber)).toEqual(wanted.map((w) => w.serialNumber));
    for (const w of wanted) {
      const record = answers.find((a) => a.serialNumber === w.serialNumber)!.criminalWeaponRecord!;
      expect(record.lastHolderIin).toBe(w.ownerIin);
      expect(record.wantedSince >= (registration(w, world, false).registeredOn as string)).toBe(true);
    }
  });

  it('answers criminalWeapon only for a wanted weapon', async () => {
    const query = 'query($s: String!) { criminalWeapon(serialNumber: $s) { serialNumber criminalWeaponRecord { status } } }';
    const wanted = weapons.find((w) => w.wanted)!;
    const clean = weapons.find((w) => !w.wanted)!;
    expect((await run(query, { s: wanted.serialNumber })).data?.criminalWeapon).toEqual({
      serialNumber: wanted.serialNumber,
      criminalWeaponRecord: { status: 'WANTED' },
    });
    expect((await run(query, { s: clean.serialNumber })).data?.criminalWeapon).toBeNull();
  });
});
