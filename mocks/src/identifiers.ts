/** Completing generated IINs and BINs: the national algorithm itself is the domain's (@negiz/schema). */
import { checkDigit } from '@negiz/schema';

/** Appends the check digit, or returns undefined when these 11 digits are not issuable. */
export function withCheckDigit(first11: string): string | undefined {
  const check = checkDigit(first11);
  return check === undefined ? undefined : first11 + String(check);
}
