/**
 * Who reads the journal: the gateway's own authenticate stage (a verified, multi-factor token of an active
 * account), with the journal grants the user registry holds. CITIZEN_PORTAL is never a user's grant: it is added
 * only when the token was issued to a client registered as the e-government portal (schema/clients.yaml).
 */
import type { FastifyRequest } from 'fastify';
import type { JournalPrincipal } from '@negiz/journal';
import { Refusal } from '@negiz/schema';
import type { Authenticator, UserRegistry } from '../authenticate/index.ts';
import { clientIdOfVerifiedToken } from '../clients/client-identity.ts';
import type { ClientRegistry } from '../clients/operations/registry.ts';

export interface ReportsPrincipalOptions {
  authenticate: Authenticator;
  users: UserRegistry;
  clients: Pick<ClientRegistry, 'get'>;
}

export function reportsPrincipal(options: ReportsPrincipalOptions): (request: FastifyRequest) => Promise<JournalPrincipal> {
  return async (request) => {
    const authorization = request.headers.authorization;
    const identity = await options.authenticate(authorization);
    const clientId = clientIdOfVerifiedToken(authorization);
    const client = clientId === undefined ? undefined : options.clients.get(clientId);
    if (clientId !== undefined && !client) {
      throw new Refusal('CLIENT_NOT_REGISTERED', 'This client is not registered with the gateway (schema/clients.yaml)');
    }
    if (client?.kind === 'CITIZEN_PORTAL')
      return { login: identity.login, role: identity.role, organisation: identity.organisation, grants: ['CITIZEN_PORTAL'] };
    const record = await options.users.user(identity.login);
    const grants = (record?.grants ?? []).filter((g) => g !== 'CITIZEN_PORTAL');
    return { login: identity.login, role: identity.role, organisation: identity.organisation, grants };
  };
}
