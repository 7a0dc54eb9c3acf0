import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { signCheckpoint } from '../src/checkpoint.ts';
import { signCheckpointNote } from '../src/checkpoint-note.ts';
import type { CheckpointKey } from '../src/checkpoint-key.ts';
import { registerJournalCommands } from '../src/cli.ts';
import { createJournal, type JournalService } from '../src/journal.ts';
import { leafHash, MerkleFrontier } from '../src/merkle.ts';
import { ED25519, signerFromJwk } from '../src/note.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';
import { logKey, ORIGIN, testWitness, until, type TestWitness } from './witnesses.ts';

// The operator holds the checkpoint key: it can rewrite an entry, recompute every hash and sign the new history.
// Only the witness, which cosigned the old root, can contradict it.
describe('verify against a witness: a history rewritten and re-signed by the operator is a fork', () => {
  let db: TestDatabase;
  let witness: TestWitness;
  let key: CheckpointKey;
  let journal: JournalService;
  const config = () => ({
    url: db.url,
    checkpointIntervalMs: 3_600_000,
    witnesses: [{ url: witness.url, key: witness.vkey }],
    witnessRetryMs: 40,
    witnessRetryMaxMs: 160,
  });
  beforeAll(async () => {
    db = await createTestDatabase();
    const log = await logKey();
    key = log.key;
    witness = await testWitness('witness.prokuror.kz/journal', [log.vkey]);
    await witness.start();
    journal = await createJournal(config(), { key });
  }, 60_000);
  afterAll(async () => {
    await journal?.close();
    await witness?.drop();
    await db?.drop();
  });

  it('the witness refuses the rewritten checkpoint and verify names the fork', async () => {
    await Promise.all(Array.from({ length: 10 }, () => journal.record(sampleEntry())));
    await journal.checkpoint();
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state === 'cosigned'));
    expect((await journal.verify()).ok).toBe(true);
    await journal.close();

    // The rewrite, with full database access and the signing key: entry 3 now says REFUSED.
    const admin = db.admin();
    await admin.connect();
    await admin.query('set session_replication_role = replica');
    const { rows } = await admin.query<{ body: string }>('select body from journal_entries where id = 3');
    const body = rows[0]!.body.replace('"outcome":"RELEASED"', '"outcome":"REFUSED"');
    await admin.query(`update journal_entries set body = $1, leaf_hash = $2, outcome = 'REFUSED' where id = 3`, [body, leafHash(body)]);
    const leaves = (await admin.query<{ leaf_hash: Buffer }>('select leaf_hash from journal_entries order by id')).rows.map((r) => r.leaf_hash);
    const frontier = MerkleFrontier.fromLeaves(leaves);
    const root = frontier.root();
    const signedAt = new Date();
    await admin.query('delete from journal_checkpoints');
    await admin.query(`insert into journal_checkpoints (tree_size, root_hash, signed_at, jws, frontier, note) values ($1, $2, $3, $4, $5, $6)`, [
      10,
      root,
      signedAt,
      await signCheckpoint(key, { origin: ORIGIN, treeSize: 10, rootHash: root.toString('hex'), timestamp: signedAt.toISOString() }),
      frontier.nodes.map((h) => h.toString('hex')).join(','),
      signCheckpointNote({ origin: ORIGIN, treeSize: 10, rootHash: root }, signerFromJwk(ORIGIN, ED25519, key.privateJwk!)),
    ]);
    await admin.end();

    // The log carries on: its next checkpoint reaches the witness, which cannot link it to what it cosigned.
    journal = await createJournal(config(), { key });
    await Promise.all(Array.from({ length: 2 }, () => journal.record(sampleEntry())));
    await journal.checkpoint();
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state !== 'pending'));
    const refused = (await journal.outbox.outbox()).find((r) => r.treeSize === 12);
    expect(refused).toMatchObject({ state: 'refused', reason: expect.stringMatching(/^422/) });
    expect((await witness.running!.witness.latest(ORIGIN))?.treeSize).toBe(10);

    const report = await journal.verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({ kind: 'witness-fork', witness: witness.name });
    const forks = report.problems.filter((p) => p.kind === 'witness-fork');
    expect(forks.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fork: witness witness\.prokuror\.kz\/journal cosigned root [0-9a-f]{64} at size 10, but this log's root at that size is/),
        expect.stringMatching(/^fork: witness witness\.prokuror\.kz\/journal refused checkpoint \d+ \(size 12\): 422/),
      ]),
    );
    // Everything the operator re-signed is self-consistent: only the witness sees the rewrite.
    expect(report.problems.filter((p) => p.kind !== 'witness-fork')).toEqual([]);
    expect(report.witnesses).toEqual([expect.objectContaining({ witness: witness.name, cosignedSize: 10, refused: 1 })]);
    await journal.close();

    // `negiz journal verify` says so and exits 2.
    vi.stubEnv('NEGIZ_JOURNAL_URL', db.url);
    vi.stubEnv('NEGIZ_JOURNAL_KEY', JSON.stringify(key.privateJwk));
    vi.stubEnv('NEGIZ_JOURNAL_WITNESSES', JSON.stringify([{ url: witness.url, key: witness.vkey }]));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const program = new Command('negiz').exitOverride();
    registerJournalCommands(program);
    try {
      await program.parseAsync(['node', 'negiz', 'journal', 'verify']);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
    expect(lines.join('\n')).toMatch(/^journal NOT verified: fork: witness witness\.prokuror\.kz\/journal /);
    expect(lines.join('\n')).toMatch(/witness witness\.prokuror\.kz\/journal: cosigned up to size 10 .*, 0 queued, 1 refused/);
    journal = await createJournal(config(), { key });
  }, 60_000);
});
