import { describe, expect, it } from 'vitest';
import { createWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import { ibanHolder } from './iban.ts';
import service from './index.ts';

const world = createWorld({ seed: 's90-test', persons: 1000, legalEntities: 200 });
const probe = probeService(service, world);
const LOOKUP = 'query($iban: String!) { bankAccount(iban: $iban) { iban bankName balanceKzt holderPerson { iin } holderLegalEntity { bin } } }';

/** ISO 13616: moving the first four characters to the end, the number (letters as 10..35) is 1 mod 97. */
function ibanIsValid(iban: string): boolean {
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return [...digits].reduce((r, d) => (r * 10 + Number(d)) % 97, 0) === 1;
}

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s90 bank accounts', () => {
  it(
    'give persons and legal entities accounts with valid Kazakh IBANs',
    async () => {
      const persons = Array.from({ length: 50 }, (_, i) => world.personAt(i * 7).iin);
      const answers = await probe.entities<{ bankAccounts: Array<{ iban: string; balanceKzt: number; status: string }> }>(
        'Person',
        persons,
        'bankAccounts { iban balanceKzt status }',
      );
      const accounts = answers.flatMap((a) => a.bankAccounts);
      expect(accounts.length).toBeGreaterThan(20);
      for (const a of accounts) {
        expect(a.iban).toMatch(/^KZ\d{18}$/);
        expect(ibanIsValid(a.iban), a.iban).toBe(true);
        if (a.status === 'CLOSED') expect(a.balanceKzt).toBe(0);
      }
    },
    SLOW_MACHINE,
  );

  it(
    'find an account by its IBAN, with its holder, for a person and a legal entity',
    async () => {
      const iin = Array.from({ length: 50 }, (_, i) => world.personAt(i).iin).find((k) => service.mock.entities!.Person!(k, world))!;
      const bin = Array.from({ length: 50 }, (_, i) => world.legalEntityAt(i).bin).find((k) => service.mock.entities!.LegalEntity!(k, world))!;
      const [person] = await probe.entities<{ bankAccounts: Array<{ iban: string }> }>('Person', [iin], 'bankAccounts { iban }');
      const [entity] = await probe.entities<{ bankAccounts: Array<{ iban: string }> }>('LegalEntity', [bin], 'bankAccounts { iban }');
      const iban = person!.bankAccounts.at(-1)!.iban;
      const byIban = (await probe.query(LOOKUP, { iban: iban.replace(/(.{4})/g, '$1 ').toLowerCase() })).bankAccount as {
        iban: string;
        holderPerson: { iin: string } | null;
      };
      expect(byIban.iban).toBe(iban);
      expect(byIban.holderPerson).toEqual({ iin });
      const ofEntity = (await probe.query(LOOKUP, { iban: entity!.bankAccounts[0]!.iban })).bankAccount as { holderLegalEntity: { bin: string } | null };
      expect(ofEntity.holderLegalEntity).toEqual({ bin });
    },
    SLOW_MACHINE,
  );

  it(
    'answer null for an IBAN no bank reports, malformed or with a wrong check',
    async () => {
      expect(ibanHolder('KZ00601' + '0'.repeat(13))).toBeNull();
      for (const iban of ['KZ86125KZT5004100100', 'not an iban', 'KZ436010978863734819']) {
        expect((await probe.query(LOOKUP, { iban })).bankAccount, iban).toBeNull();
      }
    },
    SLOW_MACHINE,
  );
});
