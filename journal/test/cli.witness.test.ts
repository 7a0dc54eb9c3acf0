import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerJournalCommands } from '../src/cli.ts';
import { COSIGNATURE_V1, parseVkey } from '../src/note.ts';

describe('negiz witness key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'negiz-witness-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]): Promise<string> => {
    const program = new Command('negiz').exitOverride();
    registerJournalCommands(program);
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      await program.parseAsync(['node', 'negiz', ...args]);
    } finally {
      log.mockRestore();
    }
    return lines.join('\n');
  };

  it('creates the key once (mode 0600) and prints the same cosignature verifier key every time', async () => {
    const file = join(dir, 'witness-key.json');
    const vkey = await run('witness', 'key', '--name', 'witness.prokuror.kz/journal', '--key', file);
    expect(parseVkey(vkey)).toMatchObject({ name: 'witness.prokuror.kz/journal', type: COSIGNATURE_V1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await run('witness', 'key', '--name', 'witness.prokuror.kz/journal', '--key', file)).toBe(vkey);
  });
});
