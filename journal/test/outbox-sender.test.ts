import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, type JournalService } from '../src/journal.ts';
import { createTestDatabase, sampleEntry, type TestDatabase } from './databases.ts';
import { logKey, testWitness, until, type TestWitness } from './witnesses.ts';

// Seed 004 p.9: undelivered messages wait in a queue while the link is down and are sent once it is back.
describe('delivery of checkpoints to a witness that is down for a while', () => {
  let db: TestDatabase;
  let witness: TestWitness;
  let journal: JournalService;
  beforeAll(async () => {
    db = await createTestDatabase();
    const log = await logKey();
    witness = await testWitness('witness.prokuror.kz/journal', [log.vkey]);
    // Learn a free port and the witness's key, then take the witness down before the journal starts.
    await witness.start();
    await witness.stop();
    journal = await createJournal(
      {
        url: db.url,
        checkpointIntervalMs: 3_600_000,
        witnesses: [{ url: witness.url, key: witness.vkey }],
        witnessRetryMs: 40,
        witnessRetryMaxMs: 160,
        witnessTimeoutMs: 1000,
      },
      { key: log.key },
    );
  }, 60_000);
  afterAll(async () => {
    await journal?.close();
    await witness?.drop();
    await db?.drop();
  });

  it('queues every checkpoint while the witness is down and delivers each exactly once when it returns', async () => {
    const sizes: number[] = [];
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 3 + round }, () => journal.record(sampleEntry())));
      sizes.push((await journal.checkpoint())!.treeSize);
    }
    await until(async () => (await journal.outbox.exchanges()).filter((e) => e.direction === 'unreachable').length >= 3);
    const queued = await journal.outbox.outbox();
    expect(queued.map((r) => [r.treeSize, r.state])).toEqual(sizes.map((s) => [s, 'pending']));
    expect(journal.sender.failures()[witness.name]).toBeGreaterThan(0);

    await witness.start();
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state === 'cosigned'));
    expect((await witness.running!.witness.history('negiz-journal')).map((c) => c.treeSize)).toEqual(sizes);
    // None duplicated: the witness answered 200 once per checkpoint, the journal stored one cosignature each.
    const requests = await witness.running!.witness.requests();
    expect(requests.filter((r) => r.status === 200).map((r) => r.treeSize)).toEqual(sizes);
    expect((await journal.outbox.cosignatures()).map((c) => c.treeSize)).toEqual(sizes);

    // Every send and every answer is registered, in UTC and in local time.
    const exchanges = await journal.outbox.exchanges();
    const answered = exchanges.filter((e) => e.direction === 'answered');
    expect(answered.map((e) => e.status)).toEqual(sizes.map(() => 200));
    expect(exchanges.filter((e) => e.direction === 'sent').length).toBe(exchanges.filter((e) => e.direction !== 'sent').length);
    for (const e of exchanges) {
      expect(e.atLocal).toMatch(/\+05:00$/);
      expect(Date.parse(e.atLocal)).toBe(e.atUtc.getTime());
    }
    expect(answered.map((e) => e.oldSize)).toEqual([0, ...sizes.slice(0, -1)]);

    const report = await journal.verify();
    expect(report.ok).toBe(true);
    expect(report.witnesses).toEqual([expect.objectContaining({ witness: witness.name, cosignedSize: sizes.at(-1), pending: 0, refused: 0 })]);
  }, 60_000);

  it('a restarted journal resumes from the cosignatures it stored, without resending what was cosigned', async () => {
    const key = journal.key;
    await journal.close();
    journal = await createJournal(
      { url: db.url, checkpointIntervalMs: 3_600_000, witnesses: [{ url: witness.url, key: witness.vkey }], witnessRetryMs: 40, witnessRetryMaxMs: 160 },
      { key },
    );
    await journal.record(sampleEntry());
    const size = (await journal.checkpoint())!.treeSize;
    await until(async () => (await journal.outbox.outbox()).every((r) => r.state === 'cosigned'));
    expect((await witness.running!.witness.history('negiz-journal')).at(-1)?.treeSize).toBe(size);
    expect((await journal.verify()).witnesses[0]).toMatchObject({ cosignedSize: size });
    // The new process knew the witness's size from the stored cosignatures: no 409 was needed.
    expect((await witness.running!.witness.requests()).filter((r) => r.status !== 200)).toEqual([]);
  }, 60_000);

  it('after a crash between the cosignature and its storage, a 409 leads to the same checkpoint cosigned again, not a second one', async () => {
    const other = await createTestDatabase();
    const log = await logKey();
    const second = await testWitness('witness.second', [log.vkey]);
    await second.start();
    try {
      const first = await createJournal({ url: other.url, checkpointIntervalMs: 3_600_000 }, { key: log.key });
      await Promise.all(Array.from({ length: 4 }, () => first.record(sampleEntry())));
      const checkpoint = (await first.checkpoint())!;
      await first.close();
      // The witness cosigned it, but the answer never reached the journal.
      const answer = await fetch(`${second.url}/add-checkpoint`, { method: 'POST', body: `old 0\n\n${checkpoint.note}` });
      expect(answer.status).toBe(200);
      const journal2 = await createJournal(
        { url: other.url, checkpointIntervalMs: 3_600_000, witnesses: [{ url: second.url, key: second.vkey }], witnessRetryMs: 40 },
        { key: log.key },
      );
      try {
        await until(async () => (await journal2.outbox.outbox()).every((r) => r.state === 'cosigned'));
        const answers = (await journal2.outbox.exchanges()).filter((e) => e.direction === 'answered');
        expect(answers.map((e) => [e.oldSize, e.status, e.body?.trim()])).toEqual([
          [0, 409, String(checkpoint.treeSize)],
          [checkpoint.treeSize, 200, expect.stringMatching(/^\u2014 witness\.second /u)],
        ]);
        expect((await second.running!.witness.history('negiz-journal')).map((c) => c.treeSize)).toEqual([checkpoint.treeSize]);
        expect((await journal2.verify()).witnesses).toEqual([expect.objectContaining({ witness: 'witness.second', cosignedSize: checkpoint.treeSize })]);
      } finally {
        await journal2.close();
      }
    } finally {
      await second.drop();
      await other.drop();
    }
  }, 60_000);
});
