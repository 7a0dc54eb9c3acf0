import { describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { catalogue } from '../src/catalogue.ts';
import { registerSubgraphCommands } from '../src/cli.ts';
import { loadServices } from '../src/registry.ts';
import { FIXTURE_SERVICES_DIR, fixtureWorld } from './fixtures/world.ts';

describe('the catalogue', () => {
  it('lists each service with its coordinates, truncated fields, access and an example for a subject with data', async () => {
    const world = fixtureWorld();
    const [vehicles, pensions, audits] = catalogue(await loadServices({ dir: FIXTURE_SERVICES_DIR }), world);
    expect(vehicles!.fields).toEqual([
      'Vehicle.plate',
      'Vehicle.make',
      'Vehicle.registeredOn',
      'Person.vehicles',
      'Query.vehicle',
      'Query.vehicleByPlate',
      'Query.vehiclesOwnedBy',
    ]);
    expect(vehicles!.example).toEqual({
      entity: 'Person',
      query: 'query Example($iin: IIN!) {\n  person(iin: $iin) {\n    vehicles {\n      plate\n      make\n    }\n  }\n}',
      variables: { iin: world.personAt(0).iin },
    });
    expect(pensions).toMatchObject({
      number: 11,
      names: { en: 'Pension contributions' },
      truncated: ['PensionContribution.amount', 'Person.pensionContributionsTotal'],
      access: { CRIMINAL: 'full', ADMIN_COURT: 'truncated', ADMIN_OFFENCE: 'truncated', CIVIL: 'truncated', ENFORCEMENT: 'full', SEARCH: 'full' },
    });
    expect(audits!.example.query).toContain('query Example($bin: BIN!)');
    expect(audits!.example.variables).toEqual({ bin: world.legalEntityAt(0).bin });
    expect(audits!.fields).not.toContain('Person.iin'); // a stub is not a contribution
  });

  it('is printed by `negiz services --json` for the real services', async () => {
    const program = new Command('negiz').exitOverride();
    registerSubgraphCommands(program);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await program.parseAsync(['node', 'negiz', 'services', '--services', 's01-individuals', '--json']);
      const [entry] = JSON.parse(String(log.mock.calls[0]![0])) as Array<{ slug: string; example: { query: string; variables: { iin: string } } }>;
      expect(entry!.slug).toBe('s01-individuals');
      expect(entry!.example.query).toMatch(/^query Example\(\$iin: IIN!\) \{\n {2}person\(iin: \$iin\)/);
      expect(entry!.example.variables.iin).toMatch(/^\d{12}$/);
    } finally {
      log.mockRestore();
    }
  });
});
