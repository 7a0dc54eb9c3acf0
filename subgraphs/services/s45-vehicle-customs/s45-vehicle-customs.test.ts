import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();
const iins = Array.from({ length: 1500 }, (_, i) => world.personAt(i).iin);
type Declaration = { vin: string; declaredOn: string; declarationNumber: string };

describe('s45 customs declarations for vehicles', { timeout: 20_000 }, () => {
  it("declare only the person's own vehicles (service 5), before their registration", async () => {
    const answers = await probeService(service, world).entities<{ vehicleCustomsDeclarations: Declaration[] }>(
      'Person',
      iins,
      'vehicleCustomsDeclarations { vin declaredOn declarationNumber }',
    );
    let declared = 0;
    iins.forEach((iin, i) => {
      const own = new Map(world.vehiclesOf({ iin }).map((v) => [v.vin, v]));
      for (const d of answers[i]!.vehicleCustomsDeclarations) {
        declared++;
        expect(own.has(d.vin)).toBe(true);
        expect(d.declaredOn <= own.get(d.vin)!.registeredOn).toBe(true);
      }
    });
    expect(declared).toBeGreaterThan(50);
  });

  it('find the same declaration by VIN', async () => {
    const probe = probeService(service, world);
    const vehicles = iins.slice(0, 200).flatMap((iin) => world.vehiclesOf({ iin }));
    const answers = await probe.entities<{ vehicleCustomsDeclarations: Declaration[] }>(
      'Person',
      iins.slice(0, 200),
      'vehicleCustomsDeclarations { vin declaredOn declarationNumber }',
    );
    const declaration = answers.flatMap((a) => a.vehicleCustomsDeclarations)[0]!;
    const query = 'query($vin: String!) { vehicleCustomsDeclarationsByVin(vin: $vin) { vin declaredOn declarationNumber } }';
    expect((await probe.query(query, { vin: declaration.vin })).vehicleCustomsDeclarationsByVin).toEqual([declaration]);
    const undeclared = vehicles.find((v) => !answers.some((a) => a.vehicleCustomsDeclarations.some((d) => d.vin === v.vin)))!;
    expect((await probe.query(query, { vin: undeclared.vin })).vehicleCustomsDeclarationsByVin).toEqual([]);
  });
});
