/**
 * A journal held in memory: for tests and `--journal memory` until the durable journal is configured. It keeps
 * the contract (an entry is "committed" when `record` resolves) and can be told to fail, to prove that the
 * gateway then releases no data.
 */
import { createHash } from 'node:crypto';
import { JournalUnavailableError, type Journal, type JournalEntryInput, type JournalReceipt } from './contract.ts';
import type { AccountChangeInput } from './journal.ts';

export class MemoryJournal implements Journal {
  readonly entries: JournalEntryInput[] = [];
  /** When set, `record` rejects (the journal "is down"). */
  failing = false;

  async record(entry: JournalEntryInput): Promise<JournalReceipt> {
    if (this.failing) throw new JournalUnavailableError('memory journal set to fail');
    this.entries.push(entry);
    const leafHash = createHash('sha256')
      .update(Buffer.from([0]))
      .update(JSON.stringify(entry))
      .digest('hex');
    return { id: String(this.entries.length - 1), leafHash };
  }

  /** Account changes, kept as entries of kind `account` (the durable journal's shape, without the note). */
  recordAccount(change: AccountChangeInput): Promise<JournalReceipt> {
    return this.record({
      requestId: `account-${this.entries.length}`,
      receivedAt: new Date(),
      user: change.actor,
      client: change.client,
      operation: { name: change.action, documentHash: '', kind: 'account' },
      subjects: [{ kind: 'OTHER', value: `account:${change.login}` }],
      servicesCalled: [],
      withheld: [],
      outcome: change.outcome ?? 'RELEASED',
      refusal: change.refusal,
      recordCounts: {},
      durationMs: 0,
      reason: change.reason,
    });
  }

  async close(): Promise<void> {}
}
