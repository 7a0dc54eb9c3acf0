import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { addDays, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { counterparties } from '../s40-counterparties/index.ts';

const SUBJECTS = [
  'Confirmation of supplies of goods under invoices issued to the audited taxpayer',
  'Confirmation of works and services performed for the audited taxpayer',
  'Confirmation of the offset of value added tax claimed for refund',
  'Confirmation of settlements and the actual movement of goods',
];

function counterAudits(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s37', bin);
  if (!entity || !r.chance(0.12)) return null;
  const office = taxOfficeOf(world, entity.address);
  const list = [];
  // A counter-audit checks the entity's invoices with a taxpayer under audit: one of its counterparties (service 40).
  const partners = (counterparties(bin, world)?.taxCounterparties ?? []).filter((c) => c.year <= 2025);
  const audited = new Set<string>();
  for (let n = r.int(1, 3); n > 0; n--) {
    const partner = partners.length ? r.pick(partners) : undefined;
    const related = partner ? world.legalEntity(partner.counterparty.bin) : anotherLegalEntity(world, r, bin);
    if (!related || audited.has(related.bin)) continue;
    audited.add(related.bin);
    const requesting = taxOfficeOf(world, related.address);
    const periodYear = partner ? partner.year : r.int(2015, 2025);
    const orderedOn = dateWithin(r, later(`${periodYear + 1}-01-15`, entity.registeredOn), RECORDS_UNTIL);
    const startedOn = addDays(orderedOn, r.int(1, 10));
    const completedOn = addDays(startedOn, r.int(10, 60));
    const done = completedOn < RECORDS_UNTIL;
    const result = done ? r.pick(['CONFIRMED', 'CONFIRMED', 'PARTIALLY_CONFIRMED', 'NOT_CONFIRMED', 'TAXPAYER_ABSENT'] as const) : null;
    const turnover = partner?.turnoverKzt ?? r.int(5, 900) * 100_000;
    list.push({
      orderNumber: `${r.int(100, 9999)}`,
      orderedOn,
      startedOn: startedOn < RECORDS_UNTIL ? startedOn : null,
      completedOn: done ? completedOn : null,
      status: done ? 'COMPLETED' : startedOn < RECORDS_UNTIL ? 'IN_PROGRESS' : 'ASSIGNED',
      conductingTaxOffice: `${office.code} ${office.name}`,
      requestingTaxOffice: `${requesting.code} ${requesting.name}`,
      auditedTaxpayer: { bin: related.bin },
      auditedPeriodFrom: `${periodYear}-01-01`,
      auditedPeriodTo: `${periodYear}-12-31`,
      subject: r.pick(SUBJECTS),
      result,
      unconfirmedTurnoverKzt:
        result === 'NOT_CONFIRMED' || result === 'TAXPAYER_ABSENT'
          ? turnover
          : result === 'PARTIALLY_CONFIRMED'
            ? Math.round((turnover * r.int(10, 90)) / 100)
            : 0,
    });
  }
  return list.length ? { counterAudits: newestFirst(list, (a) => a.orderedOn) } : null;
}

export default defineService({
  number: 37,
  typeDefs: /* GraphQL */ `
    "Progress of a counter-audit."
    enum CounterAuditStatus {
      "Ordered, not yet started."
      ASSIGNED
      IN_PROGRESS
      COMPLETED
    }

    "Outcome of a counter-audit for the requesting tax office."
    enum CounterAuditResult {
      "The transactions with the audited taxpayer are confirmed."
      CONFIRMED
      PARTIALLY_CONFIRMED
      "The transactions are not confirmed (possible fictitious turnover)."
      NOT_CONFIRMED
      "The counterparty is absent at its registered address."
      TAXPAYER_ABSENT
    }

    "A counter-audit: a check of this legal entity ordered to confirm its transactions with another taxpayer under audit."
    type CounterAudit {
      "Number of the order (prescription) for the counter-audit."
      orderNumber: String!
      "Date of the order appointing the counter-audit."
      orderedOn: Date!
      "Date the counter-audit started."
      startedOn: Date
      "Date the act of the counter-audit was drawn up."
      completedOn: Date
      "Progress of the counter-audit."
      status: CounterAuditStatus!
      "State Revenue office conducting the counter-audit (code and name)."
      conductingTaxOffice: String!
      "State Revenue office that requested it for its own audit (code and name)."
      requestingTaxOffice: String!
      "The taxpayer under audit whose transactions are checked."
      auditedTaxpayer: LegalEntity!
      "Start of the period checked."
      auditedPeriodFrom: Date!
      "End of the period checked."
      auditedPeriodTo: Date!
      "Subject of the counter-audit."
      subject: String!
      "Outcome, once completed."
      result: CounterAuditResult
      "Turnover with the audited taxpayer that was not confirmed, KZT."
      unconfirmedTurnoverKzt: Float!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Counter-audits this entity underwent (service 37), newest first."
      counterAudits: [CounterAudit!]!
    }
  `,
  mock: { entities: { LegalEntity: counterAudits } },
  example: { entity: 'LegalEntity', selection: 'counterAudits { orderNumber orderedOn status result auditedTaxpayer { bin } }' },
});
