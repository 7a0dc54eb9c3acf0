import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import criminalVehicles from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(criminalVehicles, mockSource(criminalVehicles, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });
const vehicles = Array.from({ length: 3000 }, (_, i) => world.vehiclesOf({ iin: world.personAt(i).iin })).flat();

describe('s23 criminal vehicles', () => {
  it('holds a search record for exactly the vehicles the world marks stolen', async () => {
    const result = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Vehicle { vin criminalVehicleRecord { plateAtLoss status wantedSince } } } }',
      {
        r: vehicles.map((v) => ({ __typename: 'Vehicle', vin: v.vin })),
      },
    );
    expect(result.errors).toBeUndefined();
    const answers = result.data?._entities as Array<{ vin: string; criminalVehicleRecord: { plateAtLoss: string; status: string } | null }>;
    expect(answers.filter((a) => a.criminalVehicleRecord).map((a) => a.vin)).toEqual(vehicles.filter((v) => v.stolen).map((v) => v.vin));
    expect(vehicles.some((v) => v.stolen)).toBe(true);
    for (const a of answers.filter((x) => x.criminalVehicleRecord)) expect(a.criminalVehicleRecord!.plateAtLoss).toBe(world.vehicle(a.vin)!.plate);
  });

  it('checks a plate: the vehicle when wanted, null otherwise', async () => {
    const stolen = vehicles.find((v) => v.stolen)!;
    const clean = vehicles.find((v) => !v.stolen)!;
    const query = 'query($p: String!) { criminalVehicleByPlate(plate: $p) { vin criminalVehicleRecord { reason status } } }';
    expect((await run(query, { p: stolen.plate })).data?.criminalVehicleByPlate).toMatchObject({
      vin: stolen.vin,
      criminalVehicleRecord: { status: 'WANTED' },
    });
    expect((await run(query, { p: clean.plate })).data?.criminalVehicleByPlate).toBeNull();
  });
});
