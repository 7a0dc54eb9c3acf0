import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { addDays, recordSpan, sortedDates } from '../_shared/record-dates.ts';

const CLAIMS = [
  {
    kind: 'BANK_LOAN',
    claimants: ['Halyk Bank JSC', 'Kaspi Bank JSC', 'Bank CenterCredit JSC', 'ForteBank JSC', 'Home Credit Bank JSC'],
    min: 100,
    max: 15_000,
  },
  { kind: 'MICROCREDIT', claimants: ['KMF microfinance organisation LLP', 'Shinhan Finance MFO LLP', 'Solva MFO LLP'], min: 30, max: 800 },
  { kind: 'UTILITIES', claimants: ['Astana-ERC LLP', 'Almaty Energo Sbyt LLP', 'Almaty Su LLP', 'KazTransGas Aimak JSC'], min: 10, max: 600 },
  { kind: 'TAX', claimants: ['State Revenue Department'], min: 5, max: 1_500 },
  { kind: 'ALIMONY', claimants: ['Recipient of alimony (natural person)'], min: 100, max: 3_000 },
  { kind: 'DAMAGES', claimants: ['Eurasia Insurance Company JSC', 'Natural person (victim)', 'Nomad Insurance JSC'], min: 100, max: 10_000 },
] as const;

function claims(iin: string, world: World) {
  const person = world.person(iin);
  const span = person && recordSpan(person, 18);
  if (!person || !span) return null;
  const r = world.rng('s22', iin);
  if (!r.chance(0.11)) return null;
  const rows = sortedDates(r, r.int(1, 3), span.from, span.to)
    .reverse()
    .map((registeredOn) => {
      const claim = r.chance(0.5) ? CLAIMS[0] : r.pick(CLAIMS);
      const closedOn = addDays(registeredOn, r.int(30, 900));
      // Most claims are settled one way or another within a few years; a few stay open.
      const closed = closedOn <= span.to && r.chance(0.9);
      return {
        registrationNumber: `T-${registeredOn.slice(0, 4)}-${r.digits(8)}`,
        kind: claim.kind,
        claimant: r.pick(claim.claimants),
        amountKzt: r.int(claim.min, claim.max) * 1000,
        basisDocument:
          claim.kind === 'BANK_LOAN' || claim.kind === 'MICROCREDIT'
            ? `Loan agreement No. ${r.digits(8)} of ${addDays(registeredOn, -r.int(200, 1500))}`
            : claim.kind === 'TAX'
              ? `Notice of tax arrears No. ${r.digits(10)}`
              : `Statement of claim of ${registeredOn}`,
        registeredOn,
        status: closed ? r.pick(['SATISFIED', 'SATISFIED', 'WITHDRAWN', 'TRANSFERRED_TO_ENFORCEMENT'] as const) : 'ACTIVE',
        closedOn: closed ? closedOn : null,
      };
    });
  return { registeredClaims: rows };
}

export default defineService({
  number: 22,
  typeDefs: /* GraphQL */ `
    "What a claim registered against the person is about."
    enum RegisteredClaimKind {
      BANK_LOAN
      MICROCREDIT
      UTILITIES
      TAX
      ALIMONY
      "Compensation of damage (including insurers' recourse claims)."
      DAMAGES
    }

    "State of a registered claim."
    enum RegisteredClaimStatus {
      ACTIVE
      "Satisfied by the debtor."
      SATISFIED
      "Withdrawn by the claimant."
      WITHDRAWN
      "Passed to enforcement proceedings."
      TRANSFERRED_TO_ENFORCEMENT
    }

    "A claim (demand) registered against the person by a creditor or state body (service 22, the claims database)."
    type RegisteredClaim {
      "Registration number."
      registrationNumber: String!
      "What the claim is about."
      kind: RegisteredClaimKind!
      "Creditor or body that filed it."
      claimant: String!
      "Amount claimed, KZT."
      amountKzt: Float!
      "Document the claim rests on."
      basisDocument: String!
      "Date registered."
      registeredOn: Date!
      "State."
      status: RegisteredClaimStatus!
      "Date closed."
      closedOn: Date
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Claims registered against the person, newest first (service 22)."
      registeredClaims: [RegisteredClaim!]!
    }
  `,
  mock: { entities: { Person: claims } },
  example: { entity: 'Person', selection: 'registeredClaims { kind claimant amountKzt registeredOn status }' },
});
