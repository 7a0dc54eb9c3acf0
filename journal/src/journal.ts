/**
 * createJournal(config): the journal the gateway records into, plus what the operator's tools need (prove,
 * verify, destroy, grants, checkpoints). One writer (group commit) and one checkpointer per process.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { JournalConfig } from './config.ts';
import { JournalUnavailableError, type Journal, type JournalEntryInput, type JournalReceipt } from './contract.ts';
import { devCheckpointKey, generateCheckpointJwk, keyFromJwk, loadCheckpointKey, type CheckpointKey } from './checkpoint-key.ts';
import { openCheckpoint, signCheckpoint } from './checkpoint.ts';
import { signCheckpointNote } from './checkpoint-note.ts';
import { ED25519, keyFromPublicJwk, parseVkey, signerFromJwk, type NoteKey } from './note.ts';
import { OutboxStore } from './outbox.ts';
import { WitnessSender } from './outbox-sender.ts';
import { buildReceipt, type ReceiptDocument } from './receipt.ts';
import { consistencyProof, MerkleFrontier, subtreeRoot } from './merkle.ts';
import { migrate } from './migrate.ts';
import { proveEntry, type InclusionProofDocument } from './prove.ts';
import { pgliteClient, postgresClient, type SqlClient } from './sql-client.ts';
import { JournalStore, type StoredCheckpoint, type StoredGrant } from './store.ts';
import { verifyJournal, type VerifyReport } from './verify.ts';
import { GroupCommitWriter } from './writer.ts';

export interface JournalActor {
  login: string;
  role: number;
  organisation: string;
}

export interface JournalService extends Journal {
  readonly store: JournalStore;
  readonly key: CheckpointKey;
  readonly writer: GroupCommitWriter;
  /** The checkpoint key as a signed-note verifier key (named by the origin): what witnesses are configured with. */
  readonly noteKey: NoteKey;
  readonly outbox: OutboxStore;
  /** Delivers checkpoints to the configured witnesses. */
  readonly sender: WitnessSender;
  /** A self-contained receipt of an entry: its leaf, its inclusion proof to a witnessed checkpoint, the checkpoint note. */
  receipt(entryId: number): Promise<ReceiptDocument>;
  /** Signs and stores a checkpoint of what is committed, if the log grew since the last one. */
  checkpoint(): Promise<StoredCheckpoint | undefined>;
  prove(entryId: number): Promise<InclusionProofDocument>;
  /** RFC 9162 consistency proof between two tree sizes (for witnesses holding the older checkpoint). */
  consistency(oldSize: number, newSize: number): Promise<{ oldSize: number; newSize: number; oldRoot: string; newRoot: string; proof: string[] }>;
  /** Full verification; with the witnesses' keys (default: the configured ones) their cosignatures are checked too. */
  verify(options?: { witnessKeys?: NoteKey[] }): Promise<VerifyReport>;
  /**
   * Retention of entries whose case is unknown: destroys the personal parts of those received more than `days`
   * days ago (default: the configured retentionUnknownCaseDays); journaled first, like a case's destruction.
   */
  destroyUnknownCases(actor: JournalActor, days?: number): Promise<{ receipt: JournalReceipt; destroyed: number; before: string }>;
  /** Lawful destruction of a case's personal data (p.48); journaled first, then erased. */
  destroyCase(caseNumber: string, actor: JournalActor): Promise<{ receipt: JournalReceipt; destroyed: number }>;
  grant(grant: Omit<StoredGrant, 'id' | 'grantedAt' | 'revokedAt'>): Promise<number>;
  /** Journals a read of the journal (reports, proofs, lookups) before its result is released. */
  recordRead(read: JournalReadInput): Promise<JournalReceipt>;
  /** Journals a change of an account (or a refused attempt at one) before it is answered. */
  recordAccount(change: AccountChangeInput): Promise<JournalReceipt>;
}

export interface AccountChangeInput {
  /** Who made the change: an operator, an HR system, the user (their agreement). */
  actor: JournalActor;
  client: JournalEntryInput['client'];
  /** What was done, e.g. "account.block", "account.hr.TRANSFERRED". */
  action: string;
  /** The account changed; kept in the personal part. */
  login: string;
  /** What changed (statuses, roles, grant kinds, versions: no personal data); sealed. */
  changes: Record<string, string | number>;
  /** Why; kept in the personal part. */
  reason: string;
  /** The document the change rests on (the HR order's number, the Reports letter's reference); sealed. */
  document?: string;
  outcome?: JournalEntryInput['outcome'];
  refusal?: string;
}

export interface JournalReadInput {
  actor: JournalActor;
  client: JournalEntryInput['client'];
  /** What was read, e.g. "reports.organisation", "reports.subject". */
  name: string;
  /** The query's parameters, hashed into operation.documentHash (they may name people). */
  parameters: unknown;
  subjects?: JournalEntryInput['subjects'];
  outcome?: JournalEntryInput['outcome'];
  refusal?: string;
  /** Rows released by the read. */
  rows?: number;
}

export async function openJournalDatabase(config: JournalConfig): Promise<SqlClient> {
  if (config.url) {
    return postgresClient({ url: config.url, max: config.poolSize, connectTimeoutMs: config.connectTimeoutMs, queryTimeoutMs: config.queryTimeoutMs });
  }
  return pgliteClient({ dataDir: !config.dataDir || config.dataDir === 'memory' ? undefined : config.dataDir });
}

export async function checkpointKeyFor(config: JournalConfig): Promise<CheckpointKey> {
  if (config.signingKey) return loadCheckpointKey(config.signingKey);
  if (!config.devKeyPath || config.devKeyPath === 'memory') return keyFromJwk(await generateCheckpointJwk());
  return devCheckpointKey(config.devKeyPath);
}

export async function createJournal(config: JournalConfig, injected?: { db?: SqlClient; key?: CheckpointKey }): Promise<JournalService> {
  const db = injected?.db ?? (await openJournalDatabase(config));
  const store = new JournalStore(db);
  let latest: StoredCheckpoint | undefined;
  try {
    if (config.migrate !== false) await migrate(db);
    latest = await store.latestCheckpoint();
  } catch (error) {
    if (!injected?.db) await db.close();
    throw new JournalUnavailableError(`journal: cannot open the journal database (${(error as Error).message})`);
  }
  const key = injected?.key ?? (await checkpointKeyFor(config));
  const origin = config.origin ?? 'negiz-journal';
  const noteKey = keyFromPublicJwk(origin, ED25519, key.publicJwk);
  const noteSigner = key.privateJwk ? signerFromJwk(origin, ED25519, key.privateJwk) : undefined;
  const witnesses = (config.witnesses ?? []).map((w) => ({ url: w.url, key: parseVkey(w.key) }));
  const outbox = new OutboxStore(db, config.utcOffsetMinutes ?? 300);
  const sender = new WitnessSender(store, outbox, witnesses, {
    origin,
    retryBaseMs: config.witnessRetryMs,
    retryMaxMs: config.witnessRetryMaxMs,
    timeoutMs: config.witnessTimeoutMs,
  });
  const writer = new GroupCommitWriter(
    store,
    { maxQueue: config.maxQueue ?? 10_000, maxBatch: config.maxBatch ?? 1000, utcOffsetMinutes: config.utcOffsetMinutes ?? 300 },
    await trustedFrontier(key, latest),
  );
  let lastCheckpointSize = latest?.treeSize ?? 0;
  let checkpointing: Promise<StoredCheckpoint | undefined> | undefined;
  const checkpoint = (): Promise<StoredCheckpoint | undefined> => {
    checkpointing ??= (async () => {
      const state = writer.committed();
      if (!state || state.size <= lastCheckpointSize) return undefined;
      const signedAt = new Date();
      const rootHash = state.root.toString('hex');
      const jws = await signCheckpoint(key, { origin, treeSize: state.size, rootHash, timestamp: signedAt.toISOString() });
      const note = noteSigner ? signCheckpointNote({ origin, treeSize: state.size, rootHash: state.root }, noteSigner) : undefined;
      const row = { treeSize: state.size, rootHash: state.root, signedAt, jws, frontier: state.frontier, note };
      const id = await store.insertCheckpoint(row, sender.witnesses);
      lastCheckpointSize = state.size;
      sender.kick();
      return { id, ...row };
    })().finally(() => {
      checkpointing = undefined;
    });
    return checkpointing;
  };
  // Under load a checkpoint every interval; a failure is retried at the next tick (the entries are already durable).
  const timer = setInterval(() => void checkpoint().catch(() => undefined), config.checkpointIntervalMs ?? 1000);
  timer.unref();
  await sender.start().catch(() => undefined);
  // This month's and the next two months' partitions, kept ahead daily (a missing month lands in the default one).
  const prepareMonths = (): Promise<unknown> => store.prepareMonths(new Date(), 3).catch(() => undefined);
  await prepareMonths();
  const monthly = setInterval(() => void prepareMonths(), 24 * 3600_000);
  monthly.unref();
  let closed = false;

  const service: JournalService = {
    store,
    key,
    writer,
    noteKey,
    outbox,
    sender,
    record: (entry) => writer.record(entry),
    receipt: (entryId) => buildReceipt(store, outbox, entryId),
    checkpoint,
    async prove(entryId) {
      if (entryId >= lastCheckpointSize) await checkpoint();
      return proveEntry(store, key, entryId);
    },
    verify: (options) => verifyJournal(store, key, { noteKey, outbox, witnessKeys: options?.witnessKeys ?? witnesses.map((w) => w.key) }),
    async consistency(oldSize, newSize) {
      const leaves = await store.leafHashes(db, 0, newSize);
      if (oldSize < 1 || oldSize > newSize || leaves.length < newSize) throw new RangeError(`journal: sizes must satisfy 1 <= old <= new <= ${leaves.length}`);
      return {
        oldSize,
        newSize,
        oldRoot: subtreeRoot(leaves, 0, oldSize).toString('hex'),
        newRoot: subtreeRoot(leaves, 0, newSize).toString('hex'),
        proof: consistencyProof(leaves, oldSize, newSize).map((h) => h.toString('hex')),
      };
    },
    async destroyCase(caseNumber, actor) {
      const count = await store.countCase(caseNumber);
      const receipt = await writer.record(
        {
          requestId: randomUUID(),
          receivedAt: new Date(),
          user: actor,
          client: { kind: 'CLI', id: 'negiz journal destroy' },
          operation: { name: 'journal.destroy', documentHash: sha256(`destroy:${caseNumber}`), kind: 'destroy' },
          // The case number stays in this entry's personal part: the act of destruction itself is kept.
          subjects: [{ kind: 'OTHER', value: `case:${caseNumber}` }],
          servicesCalled: [],
          withheld: [],
          outcome: 'RELEASED',
          recordCounts: { journal: count },
          durationMs: 0,
        },
        { destroyedEntries: count },
      );
      const destroyed = await store.destroyCase(caseNumber, Number(receipt.id));
      return { receipt, destroyed };
    },
    async destroyUnknownCases(actor, days = config.retentionUnknownCaseDays) {
      if (days === undefined || !Number.isInteger(days) || days < 1) {
        throw new RangeError('journal: no retention period for entries whose case is unknown is set (NEGIZ_JOURNAL_RETENTION_UNKNOWN_CASE_DAYS)');
      }
      const before = new Date(Date.now() - days * 24 * 3600_000);
      const count = await store.countUnknownCase(before);
      const receipt = await writer.record(
        {
          requestId: randomUUID(),
          receivedAt: new Date(),
          user: actor,
          client: { kind: 'CLI', id: 'negiz journal retention' },
          operation: { name: 'journal.retention', documentHash: sha256(`retention:${before.toISOString()}`), kind: 'destroy' },
          subjects: [],
          servicesCalled: [],
          withheld: [],
          outcome: 'RELEASED',
          recordCounts: { journal: count },
          durationMs: 0,
        },
        { destroyedEntries: count, retentionDays: days },
      );
      const destroyed = await store.destroyUnknownCase(before, Number(receipt.id));
      return { receipt, destroyed, before: before.toISOString() };
    },
    grant: (grant) => store.addGrant(grant),
    recordRead(read) {
      return writer.record({
        requestId: randomUUID(),
        receivedAt: new Date(),
        user: read.actor,
        client: read.client,
        operation: { name: read.name, documentHash: sha256(JSON.stringify(read.parameters ?? null)), kind: 'journal-read' },
        subjects: read.subjects ?? [],
        servicesCalled: ['journal'],
        withheld: [],
        outcome: read.outcome ?? 'RELEASED',
        refusal: read.refusal,
        recordCounts: read.rows === undefined ? {} : { journal: read.rows },
        durationMs: 0,
      });
    },
    recordAccount(change) {
      const note: Record<string, string | number> = { ...change.changes, ...(change.document ? { document: change.document } : {}) };
      return writer.record(
        {
          requestId: randomUUID(),
          receivedAt: new Date(),
          user: change.actor,
          client: change.client,
          operation: { name: change.action, documentHash: sha256(canonicalChange(change)), kind: 'account' },
          subjects: [{ kind: 'OTHER', value: `account:${change.login}` }],
          servicesCalled: [],
          withheld: [],
          outcome: change.outcome ?? 'RELEASED',
          refusal: change.refusal,
          recordCounts: {},
          durationMs: 0,
          reason: change.reason,
        },
        note,
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      clearInterval(monthly);
      await writer.close();
      try {
        await checkpoint();
      } finally {
        // Checkpoints not yet delivered stay in the outbox for the next start.
        await sender.close();
        if (!injected?.db) await db.close();
      }
    },
  };
  return service;
}

/** The frontier stored with the latest checkpoint, if its signature and root check out (saves a full reload). */
async function trustedFrontier(key: CheckpointKey, latest: StoredCheckpoint | undefined): Promise<MerkleFrontier | undefined> {
  if (!latest || latest.frontier.length === 0) return undefined;
  const payload = await openCheckpoint(key, latest.jws);
  const frontier = new MerkleFrontier(latest.treeSize, latest.frontier);
  if (!payload || payload.treeSize !== latest.treeSize || payload.rootHash !== frontier.root().toString('hex')) return undefined;
  return frontier;
}

const canonicalChange = (change: AccountChangeInput): string =>
  JSON.stringify({ action: change.action, login: change.login, changes: change.changes, reason: change.reason, document: change.document ?? null });

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
