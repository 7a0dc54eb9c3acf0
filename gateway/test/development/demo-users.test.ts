/** The demo users stand in for the user register in development, and are whom `negiz token` issues tokens to. */
import { describe, expect, it } from 'vitest';
import { defaultWorld, demoUsers } from '@negiz/mocks';
import { amrOf, demoUserRegistry, EGOV_PORTAL_ACCOUNT, tokenUser } from '../../src/development/demo-users.ts';

const world = defaultWorld();

describe('the demo user register', () => {
  it('holds every demo user with their status, role and grant kinds, and the portal account', () => {
    const registry = demoUserRegistry(world);
    for (const user of demoUsers(world)) {
      // The world's AGREEMENT_NOT_ACCEPTED is an active account without the agreement (Appendix 6).
      const agreed = user.status !== 'AGREEMENT_NOT_ACCEPTED';
      expect(registry.user(user.login)).toMatchObject({
        login: user.login,
        status: agreed ? user.status : 'ACTIVE',
        role: user.role,
        agreementAccepted: agreed,
      });
    }
    expect(registry.user(EGOV_PORTAL_ACCOUNT.login)).toMatchObject({ status: 'ACTIVE', role: EGOV_PORTAL_ACCOUNT.role });
    expect(registry.user('nobody.here')).toBeUndefined();
    const supervisor = demoUsers(world).find((u) => u.grants.length > 0)!;
    expect(registry.user(supervisor.login)!.grants!.length).toBe(supervisor.grants.length);
  });
});

describe('tokenUser', () => {
  it('finds a demo user by login, with the factors the token will claim', () => {
    const user = tokenUser('investigator.police', world)!;
    expect(user.login).toBe('investigator.police');
    expect(user.clientId).toBeUndefined();
    expect(amrOf(user)).toEqual(user.mfa.map((f) => ({ EDS: 'hwk', FINGERPRINT: 'fpt', FACE: 'face', SMS: 'sms' })[f]));
  });

  it('issues the portal account to the egov-portal client, and nobody else', () => {
    expect(tokenUser(EGOV_PORTAL_ACCOUNT.login, world)).toMatchObject({ login: 'egov.portal', clientId: 'egov-portal', mfa: ['EDS', 'FINGERPRINT'] });
    expect(tokenUser('nobody.here', world)).toBeUndefined();
  });
});
