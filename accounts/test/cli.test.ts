import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { exportJWK, generateKeyPair } from 'jose';
import { createJournal } from '@negiz/journal';
import { registerUsersCommands } from '../src/cli.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

async function negiz(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command('negiz').exitOverride();
  registerUsersCommands(program);
  const lines: string[] = [];
  const errors: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'negiz', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out: lines.join('\n'), err: errors.join('\n'), code };
}

describe('negiz users (CLI) on postgres', () => {
  let db: TestDatabase;
  let home: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    home = mkdtempSync(join(tmpdir(), 'negiz-users-cli-'));
    vi.stubEnv('NEGIZ_JOURNAL_URL', db.url);
    vi.stubEnv('NEGIZ_ACCOUNTS_URL', db.url);
    vi.stubEnv('NEGIZ_HOME', home);
    vi.stubEnv('NEGIZ_ACTOR', 'operator.cli');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  });

  it('adds, shows, lists, blocks, unblocks, grants and revokes, readable and as JSON, each journaled with its reason', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const keyFile = join(home, 'user.jwk.json');
    writeFileSync(keyFile, JSON.stringify(await exportJWK(publicKey)));
    const added = await negiz(
      'users',
      'add',
      '--login',
      'investigator.cli',
      '--full-name',
      'Тестов Тест',
      '--organisation',
      'ДП г. Алматы',
      '--role',
      '3',
      '--key',
      keyFile,
      '--reason',
      'application No. 15',
    );
    expect(added).toMatchObject({ out: 'registered investigator.cli', code: undefined });
    expect((await negiz('users', 'show', 'investigator.cli')).out).toMatch(/status\s+ACTIVE[\s\S]*agreement\s+not accepted/);
    expect(JSON.parse((await negiz('users', 'show', 'investigator.cli', '--json')).out)).toMatchObject({
      login: 'investigator.cli',
      role: 3,
      status: 'ACTIVE',
    });
    expect((await negiz('users', 'block', 'investigator.cli', '--reason', 'check', '--document', 'ДСБ-1')).out).toMatch(/^block: investigator\.cli\s+BLOCKED/);
    expect((await negiz('users', 'unblock', 'investigator.cli', '--reason', 'check closed')).out).toMatch(/ACTIVE/);
    expect((await negiz('users', 'grant-reports', 'investigator.cli', '--reason', 'head of unit', '--document', 'letter 7-15')).out).toMatch(/REPORTS/);
    await negiz('users', 'grant-internal-security', 'investigator.cli', '--reason', 'internal security');
    await negiz('users', 'grant-operator', 'investigator.cli', '--reason', 'operator staff');
    const listed = JSON.parse((await negiz('users', 'list', '--json')).out) as Array<{ login: string; grants: Array<{ kind: string }> }>;
    expect(listed[0]!.grants.map((g) => g.kind)).toEqual(['REPORTS', 'INTERNAL_SECURITY', 'OPERATOR']);
    expect((await negiz('users', 'revoke-grant', 'investigator.cli', '--kind', 'OPERATOR', '--reason', 'left')).out).toMatch(/revoked OPERATOR/);
    expect((await negiz('users', 'list')).out).toMatch(/investigator\.cli\s+ACTIVE\s+role 3\s+REPORTS,INTERNAL_SECURITY/);

    const journal = await createJournal({ url: db.url, devKeyPath: join(home, 'journal-signing-key.json') });
    try {
      const rows = (await journal.store.db.query<{ body: string }>('select body from journal_entries order by id')).rows.map((r) => JSON.parse(r.body));
      expect(rows.map((r) => r.operation.name)).toEqual([
        'account.add',
        'account.block',
        'account.unblock',
        'account.grant.REPORTS',
        'account.grant.INTERNAL_SECURITY',
        'account.grant.OPERATOR',
        'account.revoke.OPERATOR',
      ]);
      expect(rows.every((r) => r.client.id.startsWith('negiz users'))).toBe(true);
      expect((await journal.verify()).ok).toBe(true);
    } finally {
      await journal.close();
    }
  });

  it('requires a reason, and prints a refusal with its code', async () => {
    await expect(negiz('users', 'block', 'investigator.cli')).rejects.toThrow(/--reason/);
    expect(await negiz('users', 'block', 'nobody.here', '--reason', 'x')).toMatchObject({ code: 1, err: expect.stringContaining('ACCOUNT_NOT_FOUND') });
    expect(await negiz('users', 'show', 'nobody.here')).toMatchObject({ code: 1, err: expect.stringContaining('ACCOUNT_NOT_FOUND') });
    expect(await negiz('users', 'approve-role', 'investigator.cli', '--reason', 'x')).toMatchObject({
      code: 1,
      err: expect.stringContaining('ROLE_NOT_PENDING'),
    });
  });

  it('registers and lists HR systems', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const keyFile = join(home, 'hr.jwk.json');
    writeFileSync(keyFile, JSON.stringify(await exportJWK(publicKey)));
    expect(
      (await negiz('users', 'hr-system', 'add', '--id', 'hr-dp-almaty', '--organisation', 'ДП г. Алматы', '--key', keyFile, '--reason', 'integration')).out,
    ).toBe('registered HR system hr-dp-almaty');
    expect((await negiz('users', 'hr-system', 'list')).out).toMatch(/hr-dp-almaty\s+ДП г\. Алматы/);
    expect(await negiz('users', 'hr-system', 'add', '--id', 'hr-dp-almaty', '--organisation', 'x', '--key', keyFile, '--reason', 'again')).toMatchObject({
      code: 1,
    });
  });
});
