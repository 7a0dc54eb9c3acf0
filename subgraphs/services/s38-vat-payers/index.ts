import type { Address, Random, World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { addDays, dateWithin, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { entrepreneurSince } from '../s35-taxpayers/entrepreneurship.ts';

/** A VAT registration; the tax-reporting service (39) files VAT returns for exactly the active ones. */
function registration(r: Random, world: World, address: Address, since: string, until: string, closed: boolean) {
  const office = taxOfficeOf(world, address);
  const registeredOn = dateWithin(r, since, addDays(until, -30));
  const deregistered = closed || r.chance(0.15);
  const deregisteredOn = deregistered ? dateWithin(r, addDays(registeredOn, 180), until) : null;
  return {
    vatRegistration: {
      // Registration certificates (series and number) were issued until 2019; later registrations have none.
      certificateSeries: registeredOn < '2019-01-01' ? office.code + r.digits(1) : null,
      certificateNumber: registeredOn < '2019-01-01' ? r.digits(7) : null,
      registeredOn,
      ground: r.pick(['MANDATORY_THRESHOLD', 'MANDATORY_THRESHOLD', 'VOLUNTARY', 'IMPORTER'] as const),
      taxOfficeCode: office.code,
      taxOfficeName: office.name,
      status: deregisteredOn ? 'DEREGISTERED' : 'ACTIVE',
      deregisteredOn,
      deregistrationReason: deregisteredOn
        ? closed
          ? 'LIQUIDATION'
          : r.pick(['TURNOVER_BELOW_THRESHOLD', 'VOLUNTARY', 'TAX_AUTHORITY_DECISION'] as const)
        : null,
    },
  };
}

export function personVat(iin: string, world: World) {
  const person = world.person(iin);
  const since = person && entrepreneurSince(person, world);
  const r = world.rng('s38', iin);
  // Only individual entrepreneurs with turnover above the threshold (or volunteers) register for VAT.
  if (!person || !since || !r.chance(0.3)) return null;
  return registration(r, world, person.address, since, person.deathDate ?? RECORDS_UNTIL, !!person.deathDate);
}

export function legalEntityVat(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s38', bin);
  if (!entity || entity.legalForm === 'PUBLIC_ASSOCIATION' || !r.chance(entity.legalForm === 'SOLE_PROPRIETOR' ? 0.1 : 0.4)) return null;
  return registration(r, world, entity.address, later(entity.registeredOn, '2000-01-01'), RECORDS_UNTIL, entity.status === 'LIQUIDATED');
}

export default defineService({
  number: 38,
  typeDefs: /* GraphQL */ `
    "Why a taxpayer is registered for value added tax."
    enum VatRegistrationGround {
      "Turnover above the annual threshold (mandatory registration)."
      MANDATORY_THRESHOLD
      "Voluntary registration."
      VOLUNTARY
      "Importer of goods in the Eurasian Economic Union."
      IMPORTER
    }

    "VAT registration state."
    enum VatPayerStatus {
      ACTIVE
      DEREGISTERED
    }

    "Why the VAT registration ended."
    enum VatDeregistrationReason {
      TURNOVER_BELOW_THRESHOLD
      VOLUNTARY
      LIQUIDATION
      "Removed by a decision of the tax authority (e.g. recognised fictitious or absent at its address)."
      TAX_AUTHORITY_DECISION
    }

    "Registration of a taxpayer as a payer of value added tax (State Revenue Committee)."
    type VatRegistration {
      "Series of the VAT registration certificate (registrations before 2019)."
      certificateSeries: String
      "Number of the VAT registration certificate (registrations before 2019)."
      certificateNumber: String
      "Date of registration as a VAT payer."
      registeredOn: Date!
      "Why the taxpayer is registered."
      ground: VatRegistrationGround!
      "Code of the State Revenue office of registration."
      taxOfficeCode: String!
      "Name of that State Revenue office."
      taxOfficeName: String!
      "Whether the registration is in force."
      status: VatPayerStatus!
      "Date of removal from the VAT register."
      deregisteredOn: Date
      "Why the registration ended."
      deregistrationReason: VatDeregistrationReason
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Registration as a VAT payer, for individual entrepreneurs (service 38)."
      vatRegistration: VatRegistration
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Registration as a VAT payer (service 38)."
      vatRegistration: VatRegistration
    }
  `,
  mock: { entities: { Person: personVat, LegalEntity: legalEntityVat } },
  example: { entity: 'LegalEntity', selection: 'vatRegistration { registeredOn ground status taxOfficeCode deregisteredOn }' },
});
