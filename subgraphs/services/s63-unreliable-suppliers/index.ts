import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { daysAfter, shiftDate } from '../_shared/date-shift.ts';
import { RECORDS_UNTIL } from '../_shared/record-dates.ts';

const REASONS = ['EVADED_CONTRACT_SIGNING', 'FAILED_TO_PERFORM_CONTRACT', 'IMPROPER_PERFORMANCE', 'FALSE_INFORMATION', 'COURT_DECISION'] as const;
const METHODS = ['OPEN_TENDER', 'REQUEST_FOR_QUOTATIONS', 'AUCTION', 'SINGLE_SOURCE', 'ELECTRONIC_SHOP'] as const;
const CUSTOMERS = [
  'Akimat of Almaty',
  'Akimat of Astana',
  'Akimat of Shymkent',
  'Education Department of Karaganda Region',
  'Health Department of Turkestan Region',
  'Passenger Transport and Roads Department of Astana',
  'Ministry of Defence of the Republic of Kazakhstan',
  'Committee of Roads of the Ministry of Industry and Infrastructure Development',
  'Kazakhstan Temir Zholy JSC',
  'Samruk-Kazyna Contract LLP',
];

export default defineService({
  number: 63,
  typeDefs: /* GraphQL */ `
    "Why a supplier was entered in the register of unreliable participants in public procurement (Law on Public Procurement, art. 12)."
    enum UnreliableSupplierReason {
      "The winner evaded signing the procurement contract."
      EVADED_CONTRACT_SIGNING
      "The supplier failed to perform its obligations under the contract."
      FAILED_TO_PERFORM_CONTRACT
      "The supplier performed the contract improperly."
      IMPROPER_PERFORMANCE
      "The supplier submitted false information on its qualifications."
      FALSE_INFORMATION
      "Entered on a court decision recognising the supplier as unreliable."
      COURT_DECISION
    }

    "How the procurement in which the violation occurred was conducted."
    enum UnreliableSupplierProcurementMethod {
      OPEN_TENDER
      REQUEST_FOR_QUOTATIONS
      AUCTION
      SINGLE_SOURCE
      ELECTRONIC_SHOP
    }

    "An entry of the register of unreliable participants in public procurement, kept by the Ministry of Finance."
    type UnreliableSupplierEntry {
      "Number of the entry in the register."
      registryNumber: String!
      "Date the supplier was entered in the register."
      includedOn: Date!
      "Date the entry ceases to have effect (24 months after inclusion)."
      effectiveUntil: Date!
      "Date the entry was removed early (court decision), if it was."
      excludedOn: Date
      "True while the supplier is barred from public procurement."
      active: Boolean!
      "Ground of inclusion."
      reason: UnreliableSupplierReason!
      "Name of the customer (state body or organisation) that reported the supplier."
      customerName: String!
      "Number of the procurement (announcement) on the web portal of public procurement."
      procurementNumber: String!
      "Procurement method."
      procurementMethod: UnreliableSupplierProcurementMethod!
      "Contract number, where a contract was signed."
      contractNumber: String
      "Contract amount, KZT."
      contractAmountKzt: Float
      "Number of the court decision that recognised the supplier as unreliable."
      courtDecisionNumber: String
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Entries of the register of unreliable participants in public procurement (service 63), newest first."
      unreliableSupplierEntries: [UnreliableSupplierEntry!]!
    }
  `,
  mock: {
    entities: {
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        if (!entity) return null;
        const rng = world.rng('s63', bin);
        if (!rng.chance(0.06)) return null;
        const from = entity.registeredOn > '2005-01-01' ? entity.registeredOn : '2005-01-01';
        if (from > RECORDS_UNTIL) return null;
        const entries = Array.from({ length: rng.chance(0.2) ? 2 : 1 }, () => {
          const includedOn = rng.date(from, RECORDS_UNTIL);
          const reason = rng.pick(REASONS);
          const effectiveUntil = shiftDate(includedOn, { months: 24 });
          const excludedOn = rng.chance(0.1) ? daysAfter(includedOn, rng.int(30, 400)) : null;
          const signed = reason !== 'EVADED_CONTRACT_SIGNING';
          return {
            registryNumber: `RNP-${includedOn.slice(0, 4)}-${rng.digits(6)}`,
            includedOn,
            effectiveUntil,
            excludedOn,
            active: !excludedOn && effectiveUntil > RECORDS_UNTIL,
            reason,
            customerName: rng.pick(CUSTOMERS),
            procurementNumber: `${rng.digits(8)}-${rng.int(1, 3)}`,
            procurementMethod: rng.pick(METHODS),
            contractNumber: signed ? `${rng.int(1, 999)}-${includedOn.slice(2, 4)}/${rng.digits(4)}` : null,
            contractAmountKzt: signed ? rng.int(500, 250_000) * 1000 : null,
            courtDecisionNumber: reason === 'COURT_DECISION' || rng.chance(0.5) ? `2-${rng.digits(4)}/${includedOn.slice(2, 4)}` : null,
          };
        });
        return { unreliableSupplierEntries: newestFirst(entries, (e) => e.includedOn) };
      },
    },
  },
  example: { entity: 'LegalEntity', selection: 'unreliableSupplierEntries { registryNumber includedOn active reason customerName contractAmountKzt }' },
});
