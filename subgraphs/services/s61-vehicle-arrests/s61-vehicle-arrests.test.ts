import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import enforcement from '../s18-enforcement/index.ts';
import realEstate from '../s58-real-estate-arrests/index.ts';
import service from './index.ts';

const world = defaultWorld();
const iins = Array.from({ length: 2000 }, (_, i) => world.personAt(i).iin);
const bins = Array.from({ length: 400 }, (_, i) => world.legalEntityAt(i).bin);

describe('s61 vehicle arrests and s58 real estate arrests follow the world', { timeout: 20_000 }, () => {
  it("list exactly the owner's vehicles the world marks arrested, for persons and legal entities", async () => {
    const probe = probeService(service, world);
    const people = await probe.entities<{ vehicleArrests: Array<{ vehicle: { vin: string }; plate: string; status: string }> }>(
      'Person',
      iins,
      'vehicleArrests { vehicle { vin } plate status }',
    );
    const companies = await probe.entities<{ vehicleArrests: Array<{ vehicle: { vin: string } }> }>('LegalEntity', bins, 'vehicleArrests { vehicle { vin } }');
    let arrested = 0;
    iins.forEach((iin, i) => {
      const expected = world.vehiclesOf({ iin }).filter((v) => v.arrested);
      arrested += expected.length;
      expect(people[i]!.vehicleArrests.map((a) => a.vehicle.vin).sort()).toEqual(expected.map((v) => v.vin).sort());
      for (const a of people[i]!.vehicleArrests) expect(a.plate).toBe(world.vehicle(a.vehicle.vin)!.plate);
    });
    bins.forEach((bin, i) => {
      expect(companies[i]!.vehicleArrests.map((a) => a.vehicle.vin).sort()).toEqual(
        world
          .vehiclesOf({ bin })
          .filter((v) => v.arrested)
          .map((v) => v.vin)
          .sort(),
      );
    });
    expect(arrested).toBeGreaterThan(5);
  });

  it('answer the same arrest by VIN, and none for a vehicle without one', async () => {
    const vehicles = iins.flatMap((iin) => world.vehiclesOf({ iin }));
    const withArrest = vehicles.find((v) => v.arrested)!;
    const without = vehicles.find((v) => !v.arrested)!;
    const probe = probeService(service, world);
    const query = 'query($vin: String!) { vehicleArrestsByVin(vin: $vin) { vehicle { vin } documentNumber registeredOn } }';
    const found = await probe.query(query, { vin: withArrest.vin });
    const [owner] = await probe.entities<{ vehicleArrests: unknown[] }>(
      'Person',
      ['iin' in withArrest.owner ? withArrest.owner.iin : ''],
      'vehicleArrests { vehicle { vin } documentNumber registeredOn }',
    );
    expect(owner!.vehicleArrests).toContainEqual((found.vehicleArrestsByVin as unknown[])[0]);
    expect((await probe.query(query, { vin: without.vin })).vehicleArrestsByVin).toEqual([]);
  });

  it("list exactly the owner's real estate the world marks arrested (s58)", async () => {
    const probe = probeService(realEstate, world);
    const people = await probe.entities<{ realEstateArrests: Array<{ cadastralNumber: string; documentDate: string; registeredOn: string }> }>(
      'Person',
      iins,
      'realEstateArrests { cadastralNumber documentDate registeredOn }',
    );
    const companies = await probe.entities<{ realEstateArrests: Array<{ cadastralNumber: string }> }>(
      'LegalEntity',
      bins,
      'realEstateArrests { cadastralNumber }',
    );
    iins.forEach((iin, i) => {
      expect(people[i]!.realEstateArrests.map((a) => a.cadastralNumber).sort()).toEqual(
        world
          .realEstateOf({ iin })
          .filter((p) => p.arrested)
          .map((p) => p.cadastralNumber)
          .sort(),
      );
      for (const a of people[i]!.realEstateArrests) expect(a.registeredOn >= a.documentDate).toBe(true);
    });
    bins.forEach((bin, i) => {
      expect(companies[i]!.realEstateArrests.map((a) => a.cadastralNumber).sort()).toEqual(
        world
          .realEstateOf({ bin })
          .filter((p) => p.arrested)
          .map((p) => p.cadastralNumber)
          .sort(),
      );
    });
  });

  it("impose bailiffs' arrests in the owner's open enforcement proceedings of service 18", async () => {
    const owners = iins.filter((iin) => world.vehiclesOf({ iin }).some((v) => v.arrested) || world.realEstateOf({ iin }).some((p) => p.arrested));
    const selection = 'imposedBy groundsCaseNumber imposingBody';
    type Arrest = { imposedBy: string; groundsCaseNumber: string; imposingBody: string };
    const vehicles = await probeService(service, world).entities<{ vehicleArrests: Arrest[] }>('Person', owners, `vehicleArrests { ${selection} }`);
    const estates = await probeService(realEstate, world).entities<{ realEstateArrests: Arrest[] }>('Person', owners, `realEstateArrests { ${selection} }`);
    const proceedings = await probeService(enforcement, world).entities<{
      enforcementProceedings: Array<{ proceedingNumber: string; status: string; enforcementOffice: string }>;
    }>('Person', owners, 'enforcementProceedings { proceedingNumber status enforcementOffice }');
    let byBailiff = 0;
    owners.forEach((_, i) => {
      for (const a of [...vehicles[i]!.vehicleArrests, ...estates[i]!.realEstateArrests]) {
        if (!a.imposedBy.endsWith('BAILIFF')) continue;
        byBailiff++;
        const cited = proceedings[i]!.enforcementProceedings.find((p) => p.proceedingNumber === a.groundsCaseNumber);
        expect(cited?.status).toMatch(/OPEN|SUSPENDED/);
        expect(cited?.enforcementOffice).toBe(a.imposingBody);
      }
    });
    expect(byBailiff).toBeGreaterThan(5);
  });
});
