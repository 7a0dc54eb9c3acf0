/** Who is asking, as proven by a verified token (spec p.2, p.18). */
export interface Identity {
  /** The user's login (the token's `sub`). */
  login: string;
  /** Row of Appendix 1 (1-21). */
  role: number;
  organisation: string;
  /** RFC 8176 authentication methods the identity provider attests. */
  amr: readonly string[];
  /** Token expiry, epoch seconds. */
  expiresAt: number;
}

/**
 * Multi-factor login as the order demands (p.2, p.18): a signature key held in hardware (an EDS token or smart
 * card; a key kept as a file, `swk`, does not count, agreement p.8) plus biometrics or a one-time code.
 */
const SIGNATURE_FACTORS = new Set(['hwk', 'sc']);
const SECOND_FACTORS = new Set(['fpt', 'face', 'otp', 'sms']);

export function provesMultiFactor(amr: readonly string[]): boolean {
  return amr.some((m) => SIGNATURE_FACTORS.has(m)) && amr.some((m) => SECOND_FACTORS.has(m));
}
