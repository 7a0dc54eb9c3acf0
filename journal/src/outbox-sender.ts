/**
 * Delivers each checkpoint to each configured witness (C2SP tlog-witness add-checkpoint), from the durable outbox:
 * in tree-size order, one sender per witness across processes (a lease), retried with exponential backoff while
 * the witness cannot be reached, every send and every answer registered. A checkpoint leaves the outbox only when
 * the witness cosigned it (the cosignature is checked and stored), refused it for good (422: inconsistent; 409 at
 * the same size: another root), or already holds a larger tree.
 */
import { randomUUID } from 'node:crypto';
import { checkpointText } from './checkpoint-note.ts';
import { cosignatureBy } from './cosignature.ts';
import { consistencyProof } from './merkle.ts';
import { parseSignatureLines, type NoteKey } from './note.ts';
import type { OutboxRow, OutboxStore } from './outbox.ts';
import type { JournalStore } from './store.ts';

export interface WitnessTarget {
  /** The witness's verifier key (type 0x04); its name identifies the witness. */
  key: NoteKey;
  /** The submission prefix; requests go to <url>/add-checkpoint. */
  url: string;
}

export interface SenderOptions {
  origin: string;
  /** First retry delay after a failed delivery; doubles up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** One request's time limit. */
  timeoutMs?: number;
  /** How long a sender's lease lasts (renewed after each delivery); also the polling interval. */
  leaseMs?: number;
}

interface WitnessState {
  target: WitnessTarget;
  failures: number;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  /** The witness's tree size as its last answer told (0 until known). */
  known: number | undefined;
}

type Outcome = 'next' | 'retry';

export class WitnessSender {
  private readonly store: JournalStore;
  private readonly outbox: OutboxStore;
  private readonly options: Required<SenderOptions>;
  private readonly holder = randomUUID();
  private readonly states: Map<string, WitnessState>;
  private closed = false;
  /** Set by close(): no new rounds are scheduled, the last one runs to its end. */
  private closing = false;

  constructor(store: JournalStore, outbox: OutboxStore, witnesses: readonly WitnessTarget[], options: SenderOptions) {
    this.store = store;
    this.outbox = outbox;
    this.options = {
      origin: options.origin,
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 5000,
      leaseMs: options.leaseMs ?? 30_000,
    };
    this.states = new Map(
      witnesses.map((target) => [target.key.name, { target, failures: 0, timer: undefined, running: undefined, again: false, known: undefined }]),
    );
  }

  get witnesses(): string[] {
    return [...this.states.keys()];
  }

  /** Queues the latest checkpoint for witnesses never sent anything, then starts delivering. */
  async start(): Promise<void> {
    for (const name of this.states.keys()) await this.outbox.enqueueLatestIfNew(name);
    this.kick();
  }

  /** A new checkpoint was queued: deliver now to every witness that is not backing off. */
  kick(): void {
    for (const state of this.states.values()) if (state.failures === 0) this.run(state);
  }

  /** Consecutive failed deliveries per witness (0 when it is reachable). */
  failures(): Record<string, number> {
    return Object.fromEntries([...this.states].map(([name, s]) => [name, s.failures]));
  }

  /** Resolves once every witness's current delivery round is over (tests, close). */
  async idle(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.running));
  }

  /**
   * Stops the timers, then gives every reachable witness one last round (bounded by the request timeout per
   * checkpoint), so that a short-lived process (`negiz journal ...`) delivers the checkpoint it signed on closing.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const state of this.states.values()) clearTimeout(state.timer);
    await this.idle();
    const reachable = [...this.states.values()].filter((s) => s.failures === 0);
    await Promise.all(reachable.map((s) => this.deliver(s).catch(() => undefined)));
    this.closed = true;
    for (const state of this.states.values()) clearTimeout(state.timer);
  }

  private run(state: WitnessState): void {
    if (this.closing) return;
    if (state.running) {
      state.again = true;
      return;
    }
    clearTimeout(state.timer);
    state.timer = undefined;
    state.running = (async () => {
      do {
        state.again = false;
        await this.deliver(state);
      } while (state.again && state.failures === 0 && !this.closing);
    })()
      .catch(() => this.failed(state))
      .finally(() => {
        state.running = undefined;
        if (!state.timer) this.schedule(state, state.failures === 0 ? this.options.leaseMs : this.backoff(state));
      });
  }

  private schedule(state: WitnessState, ms: number): void {
    if (this.closing) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.run(state);
    }, ms);
    state.timer.unref();
  }

  private backoff(state: WitnessState): number {
    const { retryBaseMs, retryMaxMs } = this.options;
    return Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, state.failures - 1));
  }

  private failed(state: WitnessState): void {
    state.failures++;
    this.schedule(state, this.backoff(state));
  }

  private async deliver(state: WitnessState): Promise<void> {
    const name = state.target.key.name;
    if (!(await this.outbox.lease(name, this.holder, this.options.leaseMs))) return;
    try {
      for (;;) {
        if (this.closed) return;
        const row = await this.outbox.nextPending(name);
        if (!row) break;
        if ((await this.send(state, row)) === 'retry') {
          this.failed(state);
          return;
        }
        state.failures = 0;
        await this.outbox.lease(name, this.holder, this.options.leaseMs);
      }
      state.failures = 0;
    } finally {
      await this.outbox.release(name, this.holder).catch(() => undefined);
    }
  }

  private async send(state: WitnessState, row: OutboxRow): Promise<Outcome> {
    const { key, url } = state.target;
    const checkpoint = await this.store.checkpoint(row.checkpointId);
    if (!checkpoint?.note) {
      await this.outbox.settle(row, 'refused', 'the checkpoint has no signed note (signed before notes existed)');
      return 'next';
    }
    let old = state.known ?? (await this.outbox.cosignedSize(key.name));
    // At most two corrections of the old size (a 409 names the witness's size) before backing off.
    for (let round = 0; round < 3; round++) {
      if (old > row.treeSize) {
        await this.outbox.settle(row, 'superseded', `the witness already holds a tree of ${old} entries`);
        return 'next';
      }
      const proof = old > 0 && old < row.treeSize ? consistencyProof(await this.store.leafHashes(this.store.db, 0, row.treeSize), old, row.treeSize) : [];
      const body = `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${checkpoint.note}`;
      await this.outbox.register({ outboxId: row.id, witness: key.name, direction: 'sent', oldSize: old, treeSize: row.treeSize, body });
      let status: number;
      let answer: string;
      try {
        const response = await fetch(`${url.replace(/\/$/, '')}/add-checkpoint`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        status = response.status;
        answer = await response.text();
      } catch (error) {
        await this.outbox.register({
          outboxId: row.id,
          witness: key.name,
          direction: 'unreachable',
          oldSize: old,
          treeSize: row.treeSize,
          body: describe(error),
        });
        return 'retry';
      }
      await this.outbox.register({ outboxId: row.id, witness: key.name, direction: 'answered', oldSize: old, treeSize: row.treeSize, status, body: answer });
      if (status === 200) {
        const text = checkpointText({ origin: this.options.origin, treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash });
        let cosignature;
        try {
          cosignature = cosignatureBy(text, parseSignatureLines(answer), key);
        } catch {
          cosignature = undefined;
        }
        // A 200 without a valid cosignature by the configured key stays queued: the configuration may be wrong.
        if (!cosignature) return 'retry';
        await this.outbox.cosigned(row, {
          treeSize: row.treeSize,
          rootHash: checkpoint.rootHash,
          cosignedAt: new Date(cosignature.time * 1000),
          line: cosignature.line,
        });
        state.known = row.treeSize;
        return 'next';
      }
      if (status === 409) {
        const size = /^(0|[1-9]\d*)\n?$/.exec(answer)?.[1];
        if (size === undefined) return 'retry';
        if (Number(size) === old) {
          // The witness holds this very size with another root: it saw another history.
          await this.outbox.settle(row, 'refused', `409: the witness cosigned another root at size ${old}`);
          return 'next';
        }
        old = Number(size);
        state.known = old;
        continue;
      }
      if (status === 422) {
        await this.outbox.settle(row, 'refused', `422: not consistent with the tree of ${old} entries the witness cosigned`);
        return 'next';
      }
      if (status === 400) {
        await this.outbox.settle(row, 'refused', `400: ${answer.trim().slice(0, 200)}`);
        return 'next';
      }
      // 403/404 (the witness does not know our key yet), 5xx, 429: keep it queued.
      return 'retry';
    }
    return 'retry';
  }
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  return [e.name, e.cause?.code, e.message].filter(Boolean).join(': ').slice(0, 300);
}
