import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerMocksCommands } from '../src/cli.ts';
import { createRegistries } from '../src/cases.ts';
import { defaultWorld } from '../src/world.ts';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const program = new Command('negiz').exitOverride().configureOutput({ writeOut: (s) => void out.push(s), writeErr: (s) => void err.push(s) });
  registerMocksCommands(program);
  let code = 0;
  try {
    await program.parseAsync(['node', 'negiz', ...args]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  }
  return { out: out.join('\n'), err: err.join(''), code };
}

afterEach(() => vi.restoreAllMocks());

describe('negiz mocks', () => {
  it('users --json lists login, full name, role 1-21 and organisation', async () => {
    const { out, code } = await run('mocks', 'users', '--json');
    expect(code).toBe(0);
    const users = JSON.parse(out) as Array<{ login: string; fullName: string; role: number; organisation: string }>;
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(Array.from({ length: 21 }, (_, i) => i + 1)));
    expect(users[0]).toMatchObject({ login: 'prosecutor.almaty', role: 1, organisation: 'Прокуратура города Алматы' });
    expect(users[0]!.fullName).toMatch(/^\S+ \S+/);
  });

  it('users prints a readable table without --json', async () => {
    const { out } = await run('mocks', 'users');
    expect(out.split('\n')[0]).toMatch(/^login\s+role\s+status\s+full name\s+organisation$/);
    expect(out).toMatch(/investigator\.police\s+3\s+ACTIVE/);
  });

  it('cases --user --json lists number, basis, status, articles and subjects, own cases and instructed ones', async () => {
    const { out, code } = await run('mocks', 'cases', '--user', 'investigator.police', '--json');
    expect(code).toBe(0);
    const cases = JSON.parse(out) as Array<{ number: string; basis: string; status: string; articles?: string[]; subjects: unknown[]; via: string }>;
    const own = createRegistries(defaultWorld()).casesOfUser('investigator.police');
    expect(cases.filter((c) => c.via === 'ASSIGNED').map((c) => c.number)).toEqual(own.map((c) => c.number));
    expect(cases.some((c) => c.via === 'INSTRUCTION')).toBe(true);
    for (const c of cases) {
      expect(c).toHaveProperty('number');
      expect(['CRIMINAL', 'ADMIN_OFFENCE']).toContain(c.basis);
      expect(['OPEN', 'CLOSED']).toContain(c.status);
      expect(c.subjects.length).toBeGreaterThan(0);
    }
    expect(cases.find((c) => c.basis === 'CRIMINAL')!.articles!.length).toBeGreaterThan(0);
  });

  it('cases prints a table, and says so for a user without bases', async () => {
    expect((await run('mocks', 'cases', '--user', 'bailiff.almaty')).out).toMatch(/ENFORCEMENT\s+\d{2}-\d{4}-\d{6}\s+OPEN/);
    expect((await run('mocks', 'cases', '--user', 'hr.police')).out).toMatch(/no cases/);
  });

  it('refuses an unknown user and a missing --user with a one-line error and a non-zero exit', async () => {
    const unknown = await run('mocks', 'cases', '--user', 'nobody', '--json');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toMatch(/unknown user "nobody"/);
    expect((await run('mocks', 'cases')).code).not.toBe(0);
  });

  it('person shows a synthetic person and refuses a malformed IIN without echoing it', async () => {
    const iin = defaultWorld().personAt(3).iin;
    const { out } = await run('mocks', 'person', iin, '--json');
    expect(JSON.parse(out).person.iin).toBe(iin);
    const bad = await run('mocks', 'person', '123456789012');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/not a valid IIN/);
    expect(bad.err).not.toContain('123456789012');
  });
});
