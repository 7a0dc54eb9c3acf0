import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { anotherLegalEntity } from '../_shared/counterparty.ts';
import { addDays, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const SUBJECTS = [
  'Supply of computer equipment',
  'Current repair of the administrative building',
  'Supply of fuel (AI-92 petrol)',
  'Catering services for pupils',
  'Cleaning services',
  'Construction of a water supply network',
  'Supply of medical consumables',
  'Security services',
  'Road maintenance works',
];

function contracts(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s42', bin);
  const buyer = entity?.legalForm === 'STATE_ENTERPRISE';
  if (!entity || !r.chance(buyer ? 0.9 : 0.25)) return null;
  const list = [];
  for (let n = r.int(1, buyer ? 6 : 3); n > 0; n--) {
    // The other side: a state customer for a supplier; a commercial supplier for a state customer.
    const other = anotherLegalEntity(world, r, bin, (e) => (e.legalForm === 'STATE_ENTERPRISE') === !buyer && e.status === 'ACTIVE');
    if (!other) continue;
    const role = buyer ? 'CUSTOMER' : 'SUPPLIER';
    const signedOn = dateWithin(r, later(later(entity.registeredOn, other.registeredOn), '2016-01-01'), RECORDS_UNTIL);
    const plannedCompletionOn = addDays(signedOn, r.int(30, 365));
    const method = r.pick(['OPEN_TENDER', 'AUCTION', 'PRICE_QUOTATION', 'PRICE_QUOTATION', 'SINGLE_SOURCE', 'COMMODITY_EXCHANGE'] as const);
    list.push({
      contractNumber: `${r.digits(7)}-${signedOn.slice(0, 4)}`,
      announcementNumber: `${r.digits(8)}-${r.int(1, 3)}`,
      method,
      subject: r.pick(SUBJECTS),
      role,
      customer: { bin: role === 'CUSTOMER' ? bin : other.bin },
      supplier: { bin: role === 'SUPPLIER' ? bin : other.bin },
      amountKzt: r.int(5, 20_000) * 10_000,
      financialYear: Number(signedOn.slice(0, 4)),
      signedOn,
      plannedCompletionOn,
      status: plannedCompletionOn < RECORDS_UNTIL ? r.pick(['EXECUTED', 'EXECUTED', 'EXECUTED', 'TERMINATED', 'DISPUTED'] as const) : 'IN_FORCE',
    });
  }
  return list.length ? { procurementContracts: newestFirst(list, (c) => c.signedOn) } : null;
}

export default defineService({
  number: 42,
  typeDefs: /* GraphQL */ `
    "Method of public procurement under the Law on Public Procurement."
    enum ProcurementMethod {
      OPEN_TENDER
      AUCTION
      "Request for price quotations."
      PRICE_QUOTATION
      "From a single source (direct contract)."
      SINGLE_SOURCE
      "Through a commodity exchange."
      COMMODITY_EXCHANGE
    }

    "The entity's side in a procurement contract."
    enum ProcurementParticipantRole {
      "The state customer (buyer)."
      CUSTOMER
      "The supplier (winner)."
      SUPPLIER
    }

    "State of a procurement contract."
    enum ProcurementContractStatus {
      IN_FORCE
      EXECUTED
      "Terminated early (by agreement, unilaterally or by a court)."
      TERMINATED
      "Contested in court or before the financial control authority."
      DISPUTED
    }

    "A public procurement contract from the electronic public procurement portal (goszakup.gov.kz)."
    type ProcurementContract {
      "Contract number in the portal."
      contractNumber: String!
      "Number of the procurement announcement (and lot)."
      announcementNumber: String!
      "Procurement method the supplier was chosen by."
      method: ProcurementMethod!
      "Subject of procurement (goods, works or services)."
      subject: String!
      "This entity's side in the contract."
      role: ProcurementParticipantRole!
      "The state customer."
      customer: LegalEntity!
      "The supplier."
      supplier: LegalEntity!
      "Contract amount, KZT."
      amountKzt: Float!
      "Financial year of the procurement plan."
      financialYear: Int!
      "Date the contract was signed."
      signedOn: Date!
      "Date by which the contract is to be performed."
      plannedCompletionOn: Date!
      "State of the contract."
      status: ProcurementContractStatus!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Public procurement contracts as customer or supplier (service 42), newest first."
      procurementContracts: [ProcurementContract!]!
    }
  `,
  mock: { entities: { LegalEntity: contracts } },
  example: { entity: 'LegalEntity', selection: 'procurementContracts { contractNumber method subject role amountKzt signedOn status }' },
});
