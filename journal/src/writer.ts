/**
 * Group commit: concurrent record() calls wait in a bounded queue; while one transaction is in flight the next
 * batch gathers, then goes in as one multi-row insert. Every promise of a batch resolves after its COMMIT, or the
 * whole batch rejects with JournalUnavailableError: an entry is never acknowledged without being durable, and a
 * full queue refuses at once rather than dropping anything.
 */
import { JournalUnavailableError, type JournalEntryInput, type JournalReceipt } from './contract.ts';
import { prepareEntry, sealEntry, type PreparedEntry } from './encoding.ts';
import { leafHash, MerkleFrontier, type Hash } from './merkle.ts';
import { insertParameters, type InsertParameters, type InsertRow, type JournalStore } from './store.ts';
import type { SqlQuery } from './sql-client.ts';

export interface WriterOptions {
  /** Entries waiting beyond this are refused (backpressure). */
  maxQueue: number;
  /** Entries per transaction. */
  maxBatch: number;
  utcOffsetMinutes: number;
}

interface Pending {
  prepared: PreparedEntry;
  resolve: (receipt: JournalReceipt) => void;
  reject: (error: Error) => void;
}

interface InFlight {
  /** Settles (never rejects) once the batch is committed or refused. */
  done: Promise<void>;
  /** Resolves once the batch holds the append lock (or gave up). */
  locked: Promise<void>;
}

interface Sealed {
  /** Leaf index of the first entry. */
  start: number;
  /** Leaf start - 1 as the batch was sealed to follow it. */
  baseLast: Hash | undefined;
  next: MerkleFrontier;
  rows: Array<InsertRow & { pending: Pending }>;
  params: InsertParameters;
}

/** One committed batch, as a metrics hook sees it. */
export interface CommitObservation {
  entries: number;
  /** From the batch's transaction start to its COMMIT. */
  seconds: number;
}

export interface CommittedState {
  size: number;
  root: Hash;
  frontier: Hash[];
}

export class GroupCommitWriter {
  private readonly store: JournalStore;
  private readonly options: WriterOptions;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private frontier: MerkleFrontier | undefined;
  /** Where the log will end once every batch in flight commits (what the next batch is sealed to follow). */
  private tail: MerkleFrontier | undefined;
  private closed = false;
  /** Batches committed and their sizes, for metrics and benchmarks. */
  readonly stats = { batches: 0, entries: 0, failures: 0, refused: 0 };
  private readonly commitListeners: Array<(commit: CommitObservation) => void> = [];

  constructor(store: JournalStore, options: WriterOptions, initial?: MerkleFrontier) {
    this.store = store;
    this.options = options;
    this.frontier = initial;
  }

  record(entry: JournalEntryInput, note?: Record<string, string | number>): Promise<JournalReceipt> {
    if (this.closed) return Promise.reject(new JournalUnavailableError('journal: closed'));
    if (this.queue.length >= this.options.maxQueue) {
      this.stats.refused++;
      return Promise.reject(new JournalUnavailableError('journal: queue full, entry refused (backpressure)'));
    }
    let prepared: PreparedEntry;
    try {
      prepared = prepareEntry(entry, { utcOffsetMinutes: this.options.utcOffsetMinutes, note });
      // PostgreSQL text cannot hold NUL: one such value would fail the whole batch, so it is refused here.
      if (prepared.before.includes('\\u0000') || prepared.after.includes('\\u0000') || prepared.personalBody.includes('\\u0000')) {
        throw new TypeError('a value contains a NUL character');
      }
    } catch (error) {
      // A malformed entry is the caller's bug: refuse it alone.
      return Promise.reject(new TypeError(`journal: entry not recordable: ${(error as Error).message}`));
    }
    return new Promise<JournalReceipt>((resolve, reject) => {
      this.queue.push({ prepared, resolve, reject });
      this.kick();
    });
  }

  /** Entries waiting for a batch (the queue's depth). */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** Called after every committed batch (metrics: commit latency). */
  onCommit(listener: (commit: CommitObservation) => void): void {
    this.commitListeners.push(listener);
  }

  /** What has been committed by this writer (and any other writer it caught up with). */
  committed(): CommittedState | undefined {
    if (!this.frontier) return undefined;
    return { size: this.frontier.size, root: this.frontier.root(), frontier: [...this.frontier.nodes] };
  }

  /** Resolves once every queued entry has been committed or rejected. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await this.flushing;
    }
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  /**
   * Two batches in flight: while one commits (its fsync), the next is already sealed, encoded and waiting for the
   * append lock on a second connection, so PostgreSQL never waits for Node between batches. Order is kept by
   * the lock; the waiting batch checks, once it holds the lock, that the log ends where it was sealed to follow.
   */
  private async flushLoop(): Promise<void> {
    const inFlight: Array<Promise<void>> = [];
    let previous: InFlight = { done: Promise.resolve(), locked: Promise.resolve() };
    while (this.queue.length > 0 || inFlight.length > 0) {
      if (this.queue.length > 0 && inFlight.length < 2) {
        const batch = this.queue.splice(0, this.options.maxBatch);
        previous = this.commitBatch(batch, previous);
        inFlight.push(previous.done);
        continue;
      }
      await inFlight.shift();
    }
    this.tail = undefined;
  }

  /** Seals a batch against `base` (leaf indices from base.size), outside the lock. */
  private seal(batch: Pending[], base: MerkleFrontier): Sealed {
    const next = base.clone();
    const rows: Array<InsertRow & { pending: Pending }> = [];
    for (const pending of batch) {
      const encoded = sealEntry(pending.prepared, next.size);
      const hash = leafHash(encoded.body);
      rows.push({ pending, id: next.size, leafHash: hash, encoded });
      next.append(hash);
    }
    return { start: base.size, baseLast: base.lastLeaf, next, rows, params: insertParameters(rows) };
  }

  /**
   * Commits one batch. It asks for the append lock only once the batch before it holds the lock, so batches take
   * it in the order they were formed, and a batch holding the lock never waits for one queued behind it.
   */
  private commitBatch(batch: Pending[], previous: InFlight): InFlight {
    let signalLocked: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => (signalLocked = resolve));
    const done = this.commit(batch, previous, signalLocked).finally(signalLocked);
    return { done, locked };
  }

  private async commit(batch: Pending[], previous: InFlight, signalLocked: () => void): Promise<void> {
    // Sealed in advance when the writer knows where the log will end (the usual case: it is the only writer).
    const base = this.tail ?? this.frontier;
    let sealed: Sealed | undefined = base && base.lastLeaf !== undefined ? this.seal(batch, base) : undefined;
    if (sealed) this.tail = sealed.next;
    else this.tail = undefined;
    const started = performance.now();
    try {
      // The usual case, in one round trip; the transaction below when the batch no longer follows the log. The
      // next batch goes on once this one is in: were it let on at the send, it could take the lock in the
      // transaction below and wait there for this one, which would wait for the lock.
      let appended = false;
      if (sealed) {
        await previous.locked;
        appended = await this.store.appendSealed(sealed.params, sealed.baseLast!);
        if (appended) signalLocked();
      }
      if (!appended)
        await this.store.db.transaction(async (tx) => {
          await previous.locked;
          const { next, lastLeaf } = await this.store.lockForAppend(tx);
          signalLocked();
          const follows = sealed !== undefined && sealed.start === next && lastLeaf !== undefined && sealed.baseLast?.equals(lastLeaf) === true;
          if (!follows) {
            // Another writer appended, or the batch before this one failed: seal again on what is committed.
            await previous.done;
            sealed = this.seal(batch, await this.caughtUp(tx, next));
          }
          await this.store.insertEntries(tx, sealed!.params);
        });
    } catch (error) {
      this.stats.failures++;
      this.tail = undefined;
      const cause = error instanceof Error ? error.message : String(error);
      const failure = new JournalUnavailableError(`journal: commit failed, ${batch.length} entries not recorded (${cause})`);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    const done = sealed!;
    // Two batches may report back in either order: the frontier only moves forward.
    if (!this.frontier || done.next.size > this.frontier.size) this.frontier = done.next;
    this.stats.batches++;
    this.stats.entries += done.rows.length;
    const observation = { entries: done.rows.length, seconds: (performance.now() - started) / 1000 };
    for (const listener of this.commitListeners) listener(observation);
    for (const row of done.rows) row.pending.resolve({ id: String(row.id), leafHash: row.leafHash.toString('hex') });
  }

  /** A copy of the frontier brought up to `size` leaves (other writers, or a first start). */
  private async caughtUp(tx: SqlQuery, size: number): Promise<MerkleFrontier> {
    let frontier = this.frontier?.clone();
    if (!frontier || frontier.size > size) frontier = new MerkleFrontier();
    if (frontier.size < size) {
      for (const hash of await this.store.leafHashes(tx, frontier.size, size)) frontier.append(hash);
    }
    return frontier;
  }
}
