import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import taxpayers from '../s35-taxpayers/index.ts';
import vatPayers from '../s38-vat-payers/index.ts';
import service from './index.ts';

const world = defaultWorld();
const bins = Array.from({ length: 400 }, (_, i) => world.legalEntityAt(i).bin);
const iins = Array.from({ length: 1500 }, (_, i) => world.personAt(i).iin);
type Report = { formCode: string; taxPeriod: string; submittedOn: string; taxOfficeCode: string };
const SELECTION = 'taxReports { formCode taxPeriod submittedOn taxOfficeCode }';

describe('s39 tax reporting agrees with the other tax-authority services', { timeout: 20_000 }, () => {
  it('files VAT returns (300.00) exactly for legal entities with an active VAT registration (service 38)', async () => {
    const reports = await probeService(service, world).entities<{ taxReports: Report[] }>('LegalEntity', bins, SELECTION);
    const vat = await probeService(vatPayers, world).entities<{ vatRegistration: { status: string } | null }>(
      'LegalEntity',
      bins,
      'vatRegistration { status }',
    );
    let payers = 0;
    bins.forEach((_, i) => {
      const active = vat[i]!.vatRegistration?.status === 'ACTIVE';
      if (active) payers++;
      expect(
        reports[i]!.taxReports.some((r) => r.formCode === '300.00'),
        bins[i],
      ).toBe(active && reports[i]!.taxReports.length > 0);
    });
    expect(payers).toBeGreaterThan(20);
  });

  it('receives returns at the State Revenue office the taxpayer is registered with (service 35)', async () => {
    const reports = await probeService(service, world).entities<{ taxReports: Report[] }>('LegalEntity', bins, SELECTION);
    const registrations = await probeService(taxpayers, world).entities<{ taxpayerRegistration: { taxOfficeCode: string } }>(
      'LegalEntity',
      bins,
      'taxpayerRegistration { taxOfficeCode }',
    );
    bins.forEach((_, i) => {
      for (const r of reports[i]!.taxReports) expect(r.taxOfficeCode).toBe(registrations[i]!.taxpayerRegistration.taxOfficeCode);
    });
  });

  it('has simplified declarations (910.00) of persons only from registered entrepreneurs, and nothing after death', async () => {
    const reports = await probeService(service, world).entities<{ taxReports: Report[] }>('Person', iins, SELECTION);
    const registrations = await probeService(taxpayers, world).entities<{ taxpayerRegistration: { category: string } | null }>(
      'Person',
      iins,
      'taxpayerRegistration { category }',
    );
    let declared = 0;
    iins.forEach((iin, i) => {
      const list = reports[i]!.taxReports;
      if (list.length) declared++;
      if (list.some((r) => r.formCode === '910.00')) expect(registrations[i]!.taxpayerRegistration?.category).toBe('INDIVIDUAL_ENTREPRENEUR');
      const death = world.person(iin)!.deathDate;
      const dates = list.map((r) => r.submittedOn);
      expect(dates).toEqual([...dates].sort().reverse());
      for (const date of dates) expect(date <= (death ?? '2026-11-01')).toBe(true);
    });
    expect(declared / iins.length).toBeGreaterThan(0.1);
  });
});
