import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import stays from '../s76-foreigner-registration/index.ts';
import householdWork from '../s78-private-work-permits/index.ts';
import service from './index.ts';

const world = defaultWorld();
const persons = Array.from({ length: 1500 }, (_, i) => world.personAt(i));

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s77 permanent residence permits (with s76 and s78, the migration services)', () => {
  it(
    "grant permits to foreigners only, the granted card being the world's residence permit",
    async () => {
      const answers = await probeService(service, world).entities<{
        residencePermitApplications: Array<{ decision: string; residenceCardNumber: string | null }>;
      }>(
        'Person',
        persons.map((p) => p.iin),
        'residencePermitApplications { decision residenceCardNumber }',
      );
      let granted = 0;
      persons.forEach((p, i) => {
        const applications = answers[i]!.residencePermitApplications;
        if (p.citizenship === 'KAZ') expect(applications).toEqual([]);
        for (const a of applications.filter((x) => x.decision === 'GRANTED')) {
          expect(a.residenceCardNumber).toBe(p.document.number);
          granted++;
        }
      });
      expect(granted).toBeGreaterThan(5);
    },
    SLOW_MACHINE,
  );

  it(
    'register temporary stays and household work permits of foreigners only, and household work only without a permanent permit',
    async () => {
      const keys = persons.map((p) => p.iin);
      const registrations = await probeService(stays, world).entities<{ foreignerStayRegistrations: unknown[] }>(
        'Person',
        keys,
        'foreignerStayRegistrations { registrationNumber }',
      );
      const permits = await probeService(householdWork, world).entities<{ householdWorkPermits: unknown[] }>(
        'Person',
        keys,
        'householdWorkPermits { permitNumber }',
      );
      const residents = await probeService(service, world).entities<{ residencePermitApplications: Array<{ decision: string }> }>(
        'Person',
        keys,
        'residencePermitApplications { decision }',
      );
      persons.forEach((p, i) => {
        if (p.citizenship === 'KAZ') {
          expect(registrations[i]!.foreignerStayRegistrations).toEqual([]);
          expect(permits[i]!.householdWorkPermits).toEqual([]);
        }
        if (residents[i]!.residencePermitApplications.some((a) => a.decision === 'GRANTED')) expect(permits[i]!.householdWorkPermits).toEqual([]);
      });
      expect(registrations.filter((r) => r!.foreignerStayRegistrations.length).length).toBeGreaterThan(10);
    },
    SLOW_MACHINE,
  );
});
