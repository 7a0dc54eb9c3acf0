/** The authenticate stage: the bearer token verified once per request, then the account's current status. */
import { clientIdOfVerifiedToken } from '../clients/client-identity.ts';
import { headerOf, type RequestContext } from '../pipeline/context.ts';
import type { Authenticator } from './index.ts';

export function authenticateStage(authenticate: Authenticator): (request: RequestContext) => Promise<void> {
  return async (request) => {
    const authorization = headerOf(request, 'authorization');
    request.identity = await authenticate(authorization);
    const client = clientIdOfVerifiedToken(authorization);
    if (client !== undefined) request.clientClaim = client;
  };
}
