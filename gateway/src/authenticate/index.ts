/** The authenticate stage: a verified token, then the account's current status. */
import type { Identity } from './identity.ts';
import type { TokenVerifier } from './token.ts';
import { checkAccount, type CheckAccountOptions, type UserRegistry } from './users.ts';

export type { Identity } from './identity.ts';
export { provesMultiFactor } from './identity.ts';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from './token.ts';
export {
  MemoryUserRegistry,
  cachedUserRegistry,
  checkAccount,
  type CachedUserRegistry,
  type CheckAccountOptions,
  type UserRegistry,
  type UserRecord,
  type UserStatus,
} from './users.ts';
export { registerUserRegistry } from './register-users.ts';
export { jwksFrom, jwksFromFile, jwksFromObject, jwksFromUrl } from './key-source.ts';

export type Authenticator = (authorization: string | undefined) => Promise<Identity>;

export function createAuthenticator(verify: TokenVerifier, users: UserRegistry, options: CheckAccountOptions = {}): Authenticator {
  return async (authorization) => {
    const identity = await verify(authorization);
    await checkAccount(users, identity, options);
    return identity;
  };
}
