import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import counterAudits from '../s37-counter-audits/index.ts';
import vatPayers from '../s38-vat-payers/index.ts';
import service from './index.ts';

const world = defaultWorld();
const bins = Array.from({ length: 300 }, (_, i) => world.legalEntityAt(i).bin);
type Counterparty = { counterparty: { bin: string }; relation: string; year: number; vatKzt: number; turnoverKzt: number };

describe('s40 counterparties and s37 counter-audits', { timeout: 20_000 }, () => {
  it('charge VAT in invoices exactly when their supplier is an active VAT payer (s38)', async () => {
    const answers = await probeService(service, world).entities<{ taxCounterparties: Counterparty[] }>(
      'LegalEntity',
      bins,
      'taxCounterparties { counterparty { bin } relation year vatKzt turnoverKzt }',
    );
    const suppliers = [...new Set(answers.flatMap((a, i) => a.taxCounterparties.map((c) => (c.relation === 'SUPPLIER' ? c.counterparty.bin : bins[i]!))))];
    const vat = await probeService(vatPayers, world).entities<{ vatRegistration: { status: string } | null }>(
      'LegalEntity',
      suppliers,
      'vatRegistration { status }',
    );
    const active = new Set(suppliers.filter((_, i) => vat[i]!.vatRegistration?.status === 'ACTIVE'));
    let withVat = 0;
    answers.forEach((a, i) => {
      for (const c of a.taxCounterparties) {
        const supplier = c.relation === 'SUPPLIER' ? c.counterparty.bin : bins[i]!;
        expect(c.counterparty.bin).not.toBe(bins[i]);
        expect(c.vatKzt > 0).toBe(active.has(supplier));
        if (c.vatKzt > 0) withVat++;
      }
    });
    expect(withVat).toBeGreaterThan(10);
  });

  it('counter-audit an entity about a taxpayer it traded with in the audited year (s40), after that year', async () => {
    const audits = await probeService(counterAudits, world).entities<{
      counterAudits: Array<{ auditedTaxpayer: { bin: string }; auditedPeriodFrom: string; orderedOn: string }>;
    }>('LegalEntity', bins, 'counterAudits { auditedTaxpayer { bin } auditedPeriodFrom orderedOn }');
    const trades = await probeService(service, world).entities<{ taxCounterparties: Counterparty[] }>(
      'LegalEntity',
      bins,
      'taxCounterparties { counterparty { bin } relation year vatKzt turnoverKzt }',
    );
    let audited = 0;
    bins.forEach((_, i) => {
      for (const a of audits[i]!.counterAudits) {
        const year = Number(a.auditedPeriodFrom.slice(0, 4));
        expect(a.orderedOn > `${year}-12-31`).toBe(true);
        if (trades[i]!.taxCounterparties.some((c) => c.year <= 2025)) {
          audited++;
          expect(trades[i]!.taxCounterparties.some((c) => c.counterparty.bin === a.auditedTaxpayer.bin && c.year === year)).toBe(true);
        }
      }
    });
    expect(audited).toBeGreaterThan(3);
  });
});
