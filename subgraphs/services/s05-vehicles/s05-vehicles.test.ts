import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import vehicles from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(vehicles, mockSource(vehicles, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

const owner = Array.from({ length: 500 }, (_, i) => world.personAt(i)).find((p) => world.vehiclesOf({ iin: p.iin }).length > 0)!;
const company = Array.from({ length: world.legalEntityCount }, (_, i) => world.legalEntityAt(i)).find((e) => world.vehiclesOf({ bin: e.bin }).length > 0)!;
const FIELDS =
  'vin plate make model year category registeredOn registrationCertificateNumber ownerIin ownerBin ownerPerson { iin vehicles { vin ownerPerson { iin } } } ownerLegalEntity { bin }';

describe("s05 vehicles: vehicle, vehicleByPlate and the owners' vehicles", () => {
  it("finds a vehicle by VIN and by plate with the world's registration", async () => {
    const vehicle = world.vehiclesOf({ iin: owner.iin })[0]!;
    const byVin = await run(`query($vin: String!) { vehicle(vin: $vin) { ${FIELDS} } }`, { vin: vehicle.vin });
    const byPlate = await run(`query($plate: String!) { vehicleByPlate(plate: $plate) { ${FIELDS} } }`, { plate: vehicle.plate });
    expect(byVin.errors).toBeUndefined();
    expect(byVin.data?.vehicle).toMatchObject({
      vin: vehicle.vin,
      plate: vehicle.plate,
      make: vehicle.make,
      year: vehicle.year,
      category: vehicle.category,
      registrationCertificateNumber: vehicle.certificateNumber,
      ownerIin: owner.iin,
      ownerBin: null,
      ownerLegalEntity: null,
    });
    expect(byPlate.data?.vehicleByPlate).toEqual(byVin.data?.vehicle);
  });

  it('travels to the owner and their vehicles one level deep', async () => {
    const vehicle = world.vehiclesOf({ iin: owner.iin })[0]!;
    const result = await run(`query($vin: String!) { vehicle(vin: $vin) { ${FIELDS} } }`, { vin: vehicle.vin });
    const ownerPerson = (result.data?.vehicle as { ownerPerson: { iin: string; vehicles: Array<{ vin: string; ownerPerson: unknown }> } }).ownerPerson;
    expect(ownerPerson.iin).toBe(owner.iin);
    expect(ownerPerson.vehicles.map((v) => v.vin)).toEqual(world.vehiclesOf({ iin: owner.iin }).map((v) => v.vin));
    expect(ownerPerson.vehicles.every((v) => v.ownerPerson === null)).toBe(true);
  });

  it('lists the vehicles of a person and of a legal entity', async () => {
    const result = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } ... on LegalEntity { vehicles { plate ownerBin } } } }',
      {
        r: [
          { __typename: 'Person', iin: owner.iin },
          { __typename: 'LegalEntity', bin: company.bin },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [person, entity] = result.data?._entities as Array<{ vehicles: Array<{ plate: string; ownerBin?: string }> }>;
    expect(person!.vehicles.map((v) => v.plate)).toEqual(world.vehiclesOf({ iin: owner.iin }).map((v) => v.plate));
    expect(entity!.vehicles.map((v) => v.plate)).toEqual(world.vehiclesOf({ bin: company.bin }).map((v) => v.plate));
    expect(entity!.vehicles.every((v) => v.ownerBin === company.bin)).toBe(true);
  });

  it('answers null for a plate and a VIN nobody registered', async () => {
    const result = await run('{ vehicleByPlate(plate: "000ZZZ00") { vin } vehicle(vin: "XXXXXXXXXXXXXXXXX") { vin } }', {});
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ vehicleByPlate: null, vehicle: null });
  });
});
