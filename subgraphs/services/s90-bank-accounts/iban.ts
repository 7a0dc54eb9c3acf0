/**
 * IBANs of the mock bank accounts: KZ, two check digits (ISO 13616, mod 97), a 3-digit bank code and 13 account
 * characters. The account characters carry the holder's IIN/BIN (scrambled, so it is not readable at a glance)
 * and a sequence digit, so an account can be found from its IBAN alone, without scanning the population.
 */
const SCRAMBLE = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];

function checkDigits(bban: string): string {
  const rearranged = `${bban}KZ00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

export function iban(bankCode: string, holderKey: string, sequence: number): string {
  const scrambled = [...holderKey]
    .map((d, i) => (Number(d) + SCRAMBLE[i]!) % 10)
    .reverse()
    .join('');
  const bban = `${bankCode}${scrambled}${sequence % 10}`;
  return `KZ${checkDigits(bban)}${bban}`;
}

/** The holder key and sequence an IBAN of ours encodes, or null when it is not well formed or its check fails. */
export function ibanHolder(value: string): { holderKey: string; sequence: number } | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (!/^KZ\d{2}\d{16}$/.test(compact)) return null;
  const bban = compact.slice(4);
  if (checkDigits(bban) !== compact.slice(2, 4)) return null;
  const holderKey = [...bban.slice(3, 15)]
    .reverse()
    .map((d, i) => (Number(d) - SCRAMBLE[i]! + 10) % 10)
    .join('');
  return { holderKey, sequence: Number(bban[15]) };
}
