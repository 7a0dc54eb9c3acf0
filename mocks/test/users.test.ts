import { describe, expect, it } from 'vitest';
import { policy } from '@negiz/schema';
import { demoUser, demoUsers } from '../src/users.ts';
import { createWorld, defaultWorld } from '../src/world.ts';

const world = defaultWorld();
const users = demoUsers(world);

describe('demo users', () => {
  it('cover every role of Appendix 1 with an active user', () => {
    for (const role of policy().roles.keys())
      expect(
        users.some((u) => u.role === role && u.status === 'ACTIVE'),
        `role ${role}`,
      ).toBe(true);
  });

  it('have unique Latin logins, organisations, positions and a second factor besides the EDS (but one)', () => {
    expect(new Set(users.map((u) => u.login)).size).toBe(users.length);
    for (const u of users) {
      expect(u.login).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
      expect(u.organisation.length).toBeGreaterThan(10);
      expect(u.position.length).toBeGreaterThan(3);
      expect(u.mfa).toContain('EDS');
      expect(u.roleName).toBe(policy().roles.get(u.role)!.name.en);
    }
    expect(users.filter((u) => u.mfa.length === 1).map((u) => u.login)).toEqual(['investigator.edsonly']);
  });

  it('include accounts in every status the gateway refuses, internal security and a supervisor with Reports', () => {
    expect(demoUser(world, 'investigator.blocked')?.status).toBe('BLOCKED');
    expect(demoUser(world, 'investigator.suspended')?.status).toBe('SUSPENDED');
    expect(demoUser(world, 'investigator.new')?.status).toBe('AGREEMENT_NOT_ACCEPTED');
    expect(demoUser(world, 'internal.security')?.grants).toEqual(['INTERNAL_SECURITY']);
    const supervisor = demoUser(world, 'supervisor.police')!;
    expect(supervisor.grants).toEqual([{ kind: 'REPORTS', letter: expect.stringMatching(/№/) }]);
    expect(users.filter((u) => u.supervisor === 'supervisor.police').map((u) => u.login)).toContain('investigator.police');
  });

  it('are persons of the population, each with their own IIN and name', () => {
    expect(new Set(users.map((u) => u.iin)).size).toBe(users.length);
    for (const u of users) {
      const p = world.person(u.iin)!;
      expect(p.deathDate).toBeUndefined();
      expect(u.fullName.startsWith(`${p.lastName} ${p.firstName}`)).toBe(true);
      expect(u.phone).toBe(p.mobilePhone);
    }
  });

  it('are the same for the same seed', () => {
    expect(demoUsers(createWorld())).toEqual(users);
  });
});

describe('docs/mocks.md', () => {
  it('lists the demo users with the roles and statuses of users.ts', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../docs/mocks.md', import.meta.url), 'utf8');
    const rows = [...text.matchAll(/^\| `([a-z0-9.]+)` \| (\d+) \| ([A-Z_]+) \|/gm)].map((m) => [m[1], Number(m[2]), m[3]]);
    expect(rows).toEqual(users.map((u) => [u.login, u.role, u.status]));
  });
});
