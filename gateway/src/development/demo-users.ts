/** The demo users of the synthetic world (@negiz/mocks): the user registry and token claims in development. */
import { defaultWorld, demoUser, demoUsers, type DemoUser, type Grant, type MfaFactor, type World } from '@negiz/mocks';
import { MemoryUserRegistry } from '../authenticate/users.ts';

/** RFC 8176 values of the factors a user enrolled: the EDS token is a hardware-kept key. */
const AMR: Record<MfaFactor, string> = { EDS: 'hwk', FINGERPRINT: 'fpt', FACE: 'face', SMS: 'sms' };

export function amrOf(user: Pick<DemoUser, 'mfa'>): string[] {
  return user.mfa.map((f) => AMR[f]);
}

/** The account the e-government portal's service tokens are issued to (client `egov-portal`, /reports/citizen). */
export const EGOV_PORTAL_ACCOUNT = { login: 'egov.portal', role: 20, organisation: 'АО «НИТ», портал электронного правительства egov.kz' } as const;

export function demoUserRegistry(world: World): MemoryUserRegistry {
  return new MemoryUserRegistry([
    ...demoUsers(world).map((u) => ({
      login: u.login,
      // The demo world's AGREEMENT_NOT_ACCEPTED is an active account that has not accepted the agreement.
      status: u.status === 'AGREEMENT_NOT_ACCEPTED' ? ('ACTIVE' as const) : u.status,
      role: u.role,
      grants: u.grants.map(grantKind),
      agreementAccepted: u.status !== 'AGREEMENT_NOT_ACCEPTED',
    })),
    { login: EGOV_PORTAL_ACCOUNT.login, status: 'ACTIVE' as const, role: EGOV_PORTAL_ACCOUNT.role },
  ]);
}

export function grantKind(grant: Grant): string {
  return typeof grant === 'string' ? grant : grant.kind;
}

/** Whom `negiz token --user` issues a token to: a demo user, or the portal's service account (client egov-portal). */
export function tokenUser(
  login: string,
  world: World = defaultWorld(),
): (Pick<DemoUser, 'login' | 'role' | 'organisation' | 'mfa'> & { clientId?: string }) | undefined {
  if (login === EGOV_PORTAL_ACCOUNT.login) return { ...EGOV_PORTAL_ACCOUNT, mfa: ['EDS', 'FINGERPRINT'], clientId: 'egov-portal' };
  return demoUser(world, login);
}
