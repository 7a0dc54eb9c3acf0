/** The demo users of the synthetic world (@negiz/mocks): the user registry and token claims in development. */
import { demoUsers, type DemoUser, type MfaFactor, type World } from '@negiz/mocks';
import { MemoryUserRegistry } from './users.ts';

/** RFC 8176 values of the factors a user enrolled: the EDS token is a hardware-kept key. */
const AMR: Record<MfaFactor, string> = { EDS: 'hwk', FINGERPRINT: 'fpt', FACE: 'face', SMS: 'sms' };

export function amrOf(user: Pick<DemoUser, 'mfa'>): string[] {
  return user.mfa.map((f) => AMR[f]);
}

export function demoUserRegistry(world: World): MemoryUserRegistry {
  return new MemoryUserRegistry(demoUsers(world).map((u) => ({ login: u.login, status: u.status, role: u.role })));
}
