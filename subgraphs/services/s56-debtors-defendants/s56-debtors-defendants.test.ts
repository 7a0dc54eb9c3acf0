import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import enforcement from '../s18-enforcement/index.ts';
import service from './index.ts';

const world = defaultWorld();
const iins = Array.from({ length: 2000 }, (_, i) => world.personAt(i).iin);
const bins = Array.from({ length: 400 }, (_, i) => world.legalEntityAt(i).bin);

describe('s56 debtors and defendants', { timeout: 20_000 }, () => {
  for (const [type, keys] of [
    ['Person', iins],
    ['LegalEntity', bins],
  ] as const) {
    it(`list a ${type} as debtor in exactly its enforcement proceedings of service 18`, async () => {
      const entries = await probeService(service, world).entities<{
        debtorRegisterEntries: Array<{ role: string; proceedingsNumber: string | null; courtCaseNumber: string | null; handledBy: string }>;
      }>(type, keys, 'debtorRegisterEntries { role proceedingsNumber courtCaseNumber handledBy }');
      const proceedings = await probeService(enforcement, world).entities<{
        enforcementProceedings: Array<{ proceedingNumber: string; enforcementOffice: string }>;
      }>(type, keys, 'enforcementProceedings { proceedingNumber enforcementOffice }');
      let listed = 0;
      keys.forEach((_, i) => {
        const list = entries[i]!.debtorRegisterEntries;
        if (list.length) listed++;
        const debts = list.filter((e) => e.role === 'DEBTOR');
        expect(debts.map((e) => [e.proceedingsNumber, e.handledBy]).sort()).toEqual(
          proceedings[i]!.enforcementProceedings.map((p) => [p.proceedingNumber, p.enforcementOffice]).sort(),
        );
        for (const e of list) expect(e.role === 'DEBTOR' ? e.courtCaseNumber : e.proceedingsNumber).toBeNull();
      });
      expect(listed / keys.length).toBeGreaterThan(0.05);
    });
  }
});
