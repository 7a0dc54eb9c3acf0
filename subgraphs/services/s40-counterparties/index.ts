import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { dateWithin, later } from '../_shared/record-dates.ts';
import { legalEntityVat } from '../s38-vat-payers/index.ts';

/** Years the electronic invoice system (ESF) reports on. */
const YEARS = [2024, 2025, 2026];

export function counterparties(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s40', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || !r.chance(0.6)) return null;
  const list = [];
  for (let n = r.int(1, 8); n > 0; n--) {
    const other = anotherLegalEntity(world, r, bin);
    if (!other) continue;
    const year = r.pick(YEARS);
    const yearStart = later(`${year}-01-01`, later(entity.registeredOn, other.registeredOn));
    const yearEnd = year === 2026 ? '2026-10-31' : `${year}-12-31`;
    if (yearStart > yearEnd) continue;
    const turnoverKzt = r.int(1, 5000) * 10_000;
    const firstInvoiceOn = r.date(yearStart, yearEnd);
    const relation = r.pick(['SUPPLIER', 'BUYER'] as const);
    // Invoices carry VAT when their issuer (the supplier) is registered for VAT (service 38).
    const supplierBin = relation === 'SUPPLIER' ? other.bin : bin;
    const vatPayer = legalEntityVat(supplierBin, world)?.vatRegistration.status === 'ACTIVE';
    list.push({
      counterparty: { bin: other.bin },
      relation,
      year,
      invoiceCount: r.int(1, 120),
      turnoverKzt,
      vatKzt: vatPayer ? Math.round((turnoverKzt * 12) / 112) : 0,
      firstInvoiceOn,
      lastInvoiceOn: dateWithin(r, firstInvoiceOn, yearEnd),
      revokedInvoiceCount: r.chance(0.1) ? r.int(1, 5) : 0,
    });
  }
  return list.length ? { taxCounterparties: list.sort((a, b) => b.year - a.year || b.turnoverKzt - a.turnoverKzt) } : null;
}

export default defineService({
  number: 40,
  typeDefs: /* GraphQL */ `
    "Side of the counterparty in the invoices."
    enum TaxCounterpartyRelation {
      "The counterparty supplied goods, works or services to this entity."
      SUPPLIER
      "The counterparty bought from this entity."
      BUYER
    }

    "Turnover between this legal entity and one counterparty in a year, from electronic invoices (State Revenue Committee)."
    type TaxCounterparty {
      "The other party of the invoices."
      counterparty: LegalEntity!
      "Whether the counterparty supplied or bought."
      relation: TaxCounterpartyRelation!
      "Calendar year of the invoices."
      year: Int!
      "Number of electronic invoices issued."
      invoiceCount: Int!
      "Turnover including VAT, KZT."
      turnoverKzt: Float!
      "VAT in the invoices, KZT (0 when the supplier is not a VAT payer)."
      vatKzt: Float!
      "Date of the first invoice of the year."
      firstInvoiceOn: Date!
      "Date of the last invoice of the year."
      lastInvoiceOn: Date!
      "Invoices later revoked."
      revokedInvoiceCount: Int!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Counterparties by electronic invoices (service 40), latest year and largest turnover first."
      taxCounterparties: [TaxCounterparty!]!
    }
  `,
  mock: { entities: { LegalEntity: counterparties } },
  example: { entity: 'LegalEntity', selection: 'taxCounterparties { counterparty { bin } relation year invoiceCount turnoverKzt }' },
});
