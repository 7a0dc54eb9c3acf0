import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerJournalCommands } from '../src/cli.ts';
import { createJournal } from '../src/journal.ts';
import { journalConfigFromEnv } from '../src/config.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';

async function negiz(...args: string[]): Promise<{ out: string; code: number | undefined }> {
  const program = new Command('negiz').exitOverride();
  registerJournalCommands(program);
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'negiz', ...args]);
  } finally {
    log.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { out: lines.join('\n'), code };
}

describe('negiz journal (CLI) on postgres', () => {
  let db: TestDatabase;
  let home: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    home = mkdtempSync(join(tmpdir(), 'negiz-cli-'));
    vi.stubEnv('NEGIZ_JOURNAL_URL', db.url);
    vi.stubEnv('NEGIZ_HOME', home);
    vi.stubEnv('NEGIZ_ACTOR', 'auditor');
    const journal = await createJournal(journalConfigFromEnv());
    await Promise.all(Array.from({ length: 12 }, (_, i) => journal.record(sampleEntry({ caseNumber: i < 3 ? 'CASE-CLI' : 'OTHER' }))));
    await journal.close();
  }, 30_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  });

  it('proves, destroys, verifies and looks up subjects, journaling its own reads', async () => {
    const proof = JSON.parse((await negiz('journal', 'prove', '4', '--json')).out) as { verified: boolean; entryId: number };
    expect(proof).toMatchObject({ verified: true, entryId: 4 });
    const destroyed = JSON.parse((await negiz('journal', 'destroy', '--case', 'CASE-CLI', '--json')).out) as { destroyed: number };
    expect(destroyed.destroyed).toBe(3);
    const verify = await negiz('journal', 'verify', '--json');
    expect(verify.code).toBeUndefined();
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, destroyedPersonal: 3 });
    const subject = JSON.parse((await negiz('journal', 'subject', '--iin', '900101300123', '--json')).out) as Array<{ login: string }>;
    expect(subject.length).toBe(9);
    const reads = await negiz('journal', 'report', '--organisation', 'OPERATOR', '--format', 'csv');
    expect(reads.out).toMatch(/auditor/);
  }, 60_000);

  it('rejects bad arguments with a one-line error', async () => {
    await expect(negiz('journal', 'prove', 'x')).rejects.toThrow(/entry id/);
    await expect(negiz('journal', 'subject', '--iin', '123')).rejects.toThrow(/12 digits/);
    await expect(negiz('journal', 'destroy')).rejects.toThrow(/--case/);
  });
});
