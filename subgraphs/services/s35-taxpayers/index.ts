import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { addDays, dateWithin, earlier, later, recordSpan, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { taxOfficeOf } from '../_shared/tax-office.ts';
import { entrepreneurSince } from './entrepreneurship.ts';

const RNN_ABOLISHED_ON = '2013-01-01';
const ENTREPRENEUR_REGIMES = ['SIMPLIFIED_DECLARATION', 'SIMPLIFIED_DECLARATION', 'GENERAL', 'RETAIL_TAX', 'SELF_EMPLOYED', 'AGRICULTURAL_PRODUCERS'] as const;
const COMPANY_REGIMES = ['GENERAL', 'GENERAL', 'SIMPLIFIED_DECLARATION', 'RETAIL_TAX', 'AGRICULTURAL_PRODUCERS'] as const;

function formerRnn(code: string, registeredOn: string, digits: string): string | null {
  // Taxpayers registered before 2013 also hold the old 12-digit registration number (RNN).
  return registeredOn < RNN_ABOLISHED_ON ? `${code}${digits}` : null;
}

function personTaxpayer(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 16);
  if (!person || !span) return null;
  const r = world.rng('s35', iin);
  const office = taxOfficeOf(world, person.address);
  // Adults already on the register in 2000 (RNN era): the digitised records start with the 2000-2003 re-registration.
  const registeredOn = span.from === RECORDS_FROM ? dateWithin(r, RECORDS_FROM, earlier('2003-12-31', span.to)) : span.from;
  const entrepreneur = entrepreneurSince(person, world);
  const dead = !!person.deathDate;
  return {
    taxpayerRegistration: {
      taxOfficeCode: office.code,
      taxOfficeName: office.name,
      registeredOn,
      category: entrepreneur ? 'INDIVIDUAL_ENTREPRENEUR' : 'INDIVIDUAL',
      status: dead ? 'DEREGISTERED' : entrepreneur && r.chance(0.1) ? 'INACTIVE' : 'ACTIVE',
      taxRegime: entrepreneur ? r.pick(ENTREPRENEUR_REGIMES) : null,
      entrepreneurRegisteredOn: entrepreneur,
      riskDegree: entrepreneur ? r.pick(['LOW', 'LOW', 'MEDIUM', 'HIGH'] as const) : 'LOW',
      formerRnn: formerRnn(office.code, registeredOn, r.digits(8)),
      deregisteredOn: person.deathDate ?? null,
    },
  };
}

function legalEntityTaxpayer(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  if (!entity) return null;
  const r = world.rng('s35', bin);
  const office = taxOfficeOf(world, entity.address);
  const registeredOn = later(addDays(entity.registeredOn, r.int(0, 3)), RECORDS_FROM);
  const liquidated = entity.status === 'LIQUIDATED';
  const publicSector = entity.legalForm === 'STATE_ENTERPRISE' || entity.legalForm === 'PUBLIC_ASSOCIATION';
  return {
    taxpayerRegistration: {
      taxOfficeCode: office.code,
      taxOfficeName: office.name,
      registeredOn,
      category: entity.legalForm === 'BRANCH' ? 'BRANCH' : entity.legalForm === 'SOLE_PROPRIETOR' ? 'INDIVIDUAL_ENTREPRENEUR' : 'LEGAL_ENTITY',
      status: liquidated ? 'DEREGISTERED' : entity.status === 'SUSPENDED' || r.chance(0.05) ? 'INACTIVE' : 'ACTIVE',
      taxRegime: publicSector ? 'GENERAL' : r.pick(COMPANY_REGIMES),
      entrepreneurRegisteredOn: null,
      riskDegree: publicSector ? 'LOW' : r.pick(['LOW', 'LOW', 'MEDIUM', 'HIGH'] as const),
      formerRnn: formerRnn(office.code, registeredOn, r.digits(8)),
      deregisteredOn: liquidated ? dateWithin(r, addDays(registeredOn, 365), RECORDS_UNTIL) : null,
    },
  };
}

export default defineService({
  number: 35,
  typeDefs: /* GraphQL */ `
    "Category of a taxpayer in the State Revenue Committee's register."
    enum TaxpayerCategory {
      "Natural person without entrepreneurial registration."
      INDIVIDUAL
      "Individual entrepreneur (including joint entrepreneurship)."
      INDIVIDUAL_ENTREPRENEUR
      "Legal entity resident of Kazakhstan."
      LEGAL_ENTITY
      "Branch or representative office registered as a taxpayer."
      BRANCH
    }

    "Registration state of a taxpayer."
    enum TaxpayerStatus {
      ACTIVE
      "Recognised inactive (no reporting, absent at the address) or activity suspended."
      INACTIVE
      "Removed from the register (liquidation, death)."
      DEREGISTERED
    }

    "Tax regime applied to an entrepreneur or legal entity."
    enum TaxpayerRegime {
      "Generally established procedure."
      GENERAL
      "Special regime on the basis of a simplified declaration."
      SIMPLIFIED_DECLARATION
      "Special regime of retail tax."
      RETAIL_TAX
      "Special regime for the self-employed (mobile application)."
      SELF_EMPLOYED
      "Special regime for agricultural producers."
      AGRICULTURAL_PRODUCERS
    }

    "Degree of tax risk assigned by the risk management system."
    enum TaxpayerRiskDegree {
      LOW
      MEDIUM
      HIGH
    }

    "A taxpayer's registration with the State Revenue Committee (tax authority)."
    type TaxpayerRegistration {
      "Code of the State Revenue office the taxpayer is registered with."
      taxOfficeCode: String!
      "Name of that State Revenue office."
      taxOfficeName: String!
      "Date of registration as a taxpayer."
      registeredOn: Date!
      "Category of the taxpayer (individual, entrepreneur, legal entity, branch)."
      category: TaxpayerCategory!
      "Current registration state."
      status: TaxpayerStatus!
      "Tax regime (entrepreneurs and legal entities only)."
      taxRegime: TaxpayerRegime
      "Date of registration as an individual entrepreneur."
      entrepreneurRegisteredOn: Date
      "Degree of tax risk assigned by the risk management system."
      riskDegree: TaxpayerRiskDegree!
      "Former taxpayer registration number (RNN), for taxpayers registered before 2013."
      formerRnn: String
      "Date of removal from the register."
      deregisteredOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Registration as a taxpayer (service 35)."
      taxpayerRegistration: TaxpayerRegistration
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Registration as a taxpayer (service 35)."
      taxpayerRegistration: TaxpayerRegistration
    }
  `,
  mock: { entities: { Person: personTaxpayer, LegalEntity: legalEntityTaxpayer } },
  example: { entity: 'Person', selection: 'taxpayerRegistration { taxOfficeCode taxOfficeName registeredOn category status taxRegime }' },
});
