/**
 * Which registered client a request comes from: the verified token's `client_id` claim (RFC 8693, RFC 9068) or,
 * failing that, `azp` (OpenID Connect). Read only after the gateway's authenticator has verified the token.
 */
import { decodeJwt } from 'jose';

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** The client claim of a token the authenticator has already verified. */
export function clientIdOfVerifiedToken(authorization: string | undefined): string | undefined {
  const token = bearerToken(authorization);
  if (!token) return undefined;
  try {
    const claims = decodeJwt(token);
    const id = claims['client_id'] ?? claims['azp'];
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
