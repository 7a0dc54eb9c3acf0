import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { generateCheckpointJwk } from '../src/checkpoint-key.ts';
import { registerJournalCommands } from '../src/cli.ts';
import { createJournal, type JournalService } from '../src/journal.ts';
import { COSIGNATURE_V1, parseVkey, signerFromJwk, vkeyOf } from '../src/note.ts';
import { ProofError } from '../src/prove.ts';
import { verifyReceipt, type ReceiptDocument } from '../src/receipt.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';
import { logKey, testWitness, until, type TestWitness } from './witnesses.ts';

describe('receipts anyone can check offline', () => {
  let db: TestDatabase;
  let witness: TestWitness;
  let journal: JournalService;
  let logVkey: string;
  let logPrivateJwk: string;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'negiz-receipt-'));
    const log = await logKey();
    logVkey = log.vkey;
    logPrivateJwk = JSON.stringify(log.key.privateJwk);
    witness = await testWitness('witness.prokuror.kz/journal', [log.vkey]);
    await witness.start();
    journal = await createJournal(
      { url: db.url, checkpointIntervalMs: 3_600_000, witnesses: [{ url: witness.url, key: witness.vkey }], witnessRetryMs: 40 },
      { key: log.key },
    );
  }, 60_000);
  afterAll(async () => {
    await journal?.close();
    await witness?.drop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a receipt verifies with the public keys only, and still does after its case was destroyed', async () => {
    await Promise.all(Array.from({ length: 9 }, (_, i) => journal.record(sampleEntry({ caseNumber: i % 3 === 0 ? 'CASE-RECEIPT' : 'OTHER' }))));
    await expect(journal.receipt(3)).rejects.toMatchObject({ code: 'NOT_WITNESSED' });
    await journal.checkpoint();
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state === 'cosigned'));

    const receipt = JSON.parse(JSON.stringify(await journal.receipt(3))) as ReceiptDocument;
    expect(receipt).toMatchObject({ type: 'negiz-journal-receipt/v1', entryId: 3, treeSize: 9 });
    expect(receipt.leaf).not.toMatch(/900101300123|investigator|CASE-RECEIPT/);
    const keys = { logKey: parseVkey(logVkey), witnessKeys: [parseVkey(witness.vkey)] };
    expect(verifyReceipt(receipt, keys)).toEqual({ ok: true, entryId: 3, treeSize: 9, cosignedBy: [witness.name], problems: [] });

    // Destruction of the case's personal parts (p.48) touches no leaf: the same receipt, and a new one, verify.
    const { destroyed } = await journal.destroyCase('CASE-RECEIPT', { login: 'archivist', role: 0, organisation: 'OPERATOR' });
    expect(destroyed).toBe(3);
    expect(verifyReceipt(receipt, keys).ok).toBe(true);
    await journal.checkpoint();
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state === 'cosigned'));
    const after = await journal.receipt(3);
    expect(after.treeSize).toBe(10);
    expect(after.leaf).toBe(receipt.leaf);
    expect(verifyReceipt(after, keys).ok).toBe(true);
  }, 60_000);

  it('refuses a receipt whose leaf, path or signatures were changed, or that no trusted witness cosigned', async () => {
    const receipt = await journal.receipt(4);
    const keys = { logKey: parseVkey(logVkey), witnessKeys: [parseVkey(witness.vkey)] };
    const otherWitness = vkeyOf(signerFromJwk('witness.other', COSIGNATURE_V1, await generateCheckpointJwk()));
    const problems = (doc: ReceiptDocument, k: Parameters<typeof verifyReceipt>[1] = keys) => verifyReceipt(doc, k).problems.join('; ');
    expect(problems({ ...receipt, leaf: receipt.leaf.replace('"outcome":"RELEASED"', '"outcome":"REFUSED"') })).toMatch(/leaf does not hash.*inclusion proof/);
    expect(problems({ ...receipt, entryId: 5 })).toMatch(/sealed as entry 4, not 5/);
    expect(problems({ ...receipt, inclusionProof: receipt.inclusionProof.slice(1) })).toMatch(/inclusion proof/);
    expect(problems(receipt, { ...keys, witnessKeys: [] })).toMatch(/no witness key given/);
    expect(problems(receipt, { ...keys, witnessKeys: [...keys.witnessKeys, parseVkey(otherWitness)] })).toMatch(
      /1 of the required 2 .*missing: witness\.other/,
    );
    expect(verifyReceipt(receipt, { ...keys, witnessKeys: [...keys.witnessKeys, parseVkey(otherWitness)], quorum: 1 }).ok).toBe(true);
    expect(problems(receipt, { ...keys, logKey: parseVkey((await logKey()).vkey) })).toMatch(/no valid signature of the log/);
    expect(problems({ ...receipt, checkpoint: receipt.checkpoint.replace(/\n\n/, '\n') })).toMatch(/checkpoint unreadable/);
    expect(problems({ ...receipt, type: 'x' } as unknown as ReceiptDocument)).toMatch(/not a negiz-journal-receipt/);
    await expect(journal.receipt(999)).rejects.toBeInstanceOf(ProofError);
  });

  it('negiz journal receipt writes it, negiz journal verify-receipt checks it offline', async () => {
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
    const file = join(dir, 'r.json');
    vi.stubEnv('NEGIZ_JOURNAL_URL', db.url);
    vi.stubEnv('NEGIZ_JOURNAL_KEY', logPrivateJwk);
    vi.stubEnv('NEGIZ_ACTOR', 'auditor');
    try {
      writeFileSync(file, await run('journal', 'receipt', '2'));
      expect(await run('journal', 'key', '--note')).toBe(logVkey);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await run('journal', 'verify-receipt', file, '--log-key', logVkey, '--witness-key', witness.vkey)).toBe(
      `receipt verified: entry 2 is in the log of 10 entries cosigned by ${witness.name}`,
    );
    expect(process.exitCode).toBeUndefined();
    expect(await run('journal', 'verify-receipt', file, '--log-key', logVkey)).toMatch(/^receipt NOT verified:\n {2}no witness key given/);
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
  });
});
