import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import enforcement from '../s18-enforcement/index.ts';
import service from './index.ts';

const world = defaultWorld();

describe('s36 tax debts', { timeout: 20_000 }, () => {
  for (const [type, keys] of [
    ['Person', Array.from({ length: 2000 }, (_, i) => world.personAt(i).iin)],
    ['LegalEntity', Array.from({ length: 400 }, (_, i) => world.legalEntityAt(i).bin)],
  ] as const) {
    it(`show a debt for every ${type} whose tax arrears bailiffs are collecting (s18), with totals that add up`, async () => {
      const debts = await probeService(service, world).entities<{
        taxDebt: { totalKzt: number; principalKzt: number; penaltyKzt: number; fineKzt: number; items: Array<{ principalKzt: number }> } | null;
      }>(type, keys, 'taxDebt { totalKzt principalKzt penaltyKzt fineKzt items { principalKzt } }');
      const proceedings = await probeService(enforcement, world).entities<{ enforcementProceedings: Array<{ subject: string; status: string }> }>(
        type,
        keys,
        'enforcementProceedings { subject status }',
      );
      let pursued = 0;
      keys.forEach((_, i) => {
        const debt = debts[i]!.taxDebt;
        if (proceedings[i]!.enforcementProceedings.some((p) => p.subject === 'TAX_ARREARS' && (p.status === 'OPEN' || p.status === 'SUSPENDED'))) {
          pursued++;
          expect(debt).not.toBeNull();
        }
        if (!debt) return;
        expect(debt.totalKzt).toBe(debt.principalKzt + debt.penaltyKzt + debt.fineKzt);
        expect(debt.principalKzt).toBe(debt.items.reduce((sum, item) => sum + item.principalKzt, 0));
      });
      expect(pursued).toBeGreaterThan(0);
    });
  }
});
