/**
 * `negiz journal verify`: recompute every leaf from its stored body, rebuild the tree in one pass, check every
 * checkpoint's signature and root, and name the first entry that was modified, deleted, inserted or reordered.
 * Successive checkpoints are consistent when each signed root equals the recomputed root of the same leaf
 * sequence at its size (what an RFC 9162 consistency proof establishes, without O(n) work per checkpoint).
 */
import type { CheckpointKey } from './checkpoint-key.ts';
import { openCheckpoint } from './checkpoint.ts';
import { checkpointText, openCheckpointNote } from './checkpoint-note.ts';
import { cosignatureBy } from './cosignature.ts';
import { parseSignatureLines, type NoteKey } from './note.ts';
import type { OutboxStore, StoredCosignature } from './outbox.ts';
import type { SealedPart } from './encoding.ts';
import { personalCommitment } from './encoding.ts';
import { leafHash, MerkleFrontier } from './merkle.ts';
import { toBuffer, type JournalStore, type StoredCheckpoint } from './store.ts';

export type ProblemKind =
  | 'modified'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'personal-modified'
  | 'personal-deleted'
  | 'checkpoint-signature'
  | 'checkpoint-mismatch'
  | 'checkpoint-beyond-log'
  | 'cosignature-invalid'
  | 'witness-fork';

export interface Problem {
  kind: ProblemKind;
  /** The first entry concerned (leaf index), when one can be named. */
  entryId?: number;
  checkpointId?: number;
  /** The witness concerned (cosignature and fork findings). */
  witness?: string;
  message: string;
}

export interface WitnessStatus {
  witness: string;
  /** The largest tree size this witness cosigned for this log (0: none yet). */
  cosignedSize: number;
  cosignedAt?: string;
  /** Checkpoints still queued for it, and those it refused. */
  pending: number;
  refused: number;
}

export interface VerifyOptions {
  /** The checkpoint key as a note verifier (checks the notes of checkpoints that have one). */
  noteKey?: NoteKey;
  outbox?: OutboxStore;
  /** Witness keys: their cosignatures are checked; unknown witnesses' cosignatures are still compared with the tree. */
  witnessKeys?: readonly NoteKey[];
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  latestCheckpoint?: { id: number; treeSize: number; rootHash: string };
  /** Entries appended after the latest checkpoint (not yet covered by a signature). */
  uncheckpointed: number;
  destroyedPersonal: number;
  /** Per witness: what it cosigned, what is queued, what it refused. */
  witnesses: WitnessStatus[];
  root: string;
  problems: Problem[];
  firstProblem?: Problem;
  elapsedMs: number;
}

const PAGE = 10_000;
/** Which finding names an entry best: a broken sequence, then a changed body, then a changed personal part. */
const KIND_RANK: Record<ProblemKind, number> = {
  deleted: 0,
  inserted: 0,
  reordered: 0,
  modified: 1,
  'personal-modified': 2,
  'personal-deleted': 2,
  'checkpoint-mismatch': 3,
  'checkpoint-beyond-log': 3,
  'checkpoint-signature': 3,
  'cosignature-invalid': 3,
  'witness-fork': -1,
};
const MAX_PROBLEMS = 50;

/** 32 bytes per leaf in one growable buffer: 1,000,000 leaves cost 32 MB, not a million objects. */
class LeafColumn {
  private buffer = Buffer.alloc(32 * 1024);
  length = 0;
  push(hash: Buffer): void {
    if ((this.length + 1) * 32 > this.buffer.length) {
      const grown = Buffer.alloc(this.buffer.length * 2);
      this.buffer.copy(grown);
      this.buffer = grown;
    }
    hash.copy(this.buffer, this.length * 32);
    this.length++;
  }
  at(i: number): Buffer {
    return this.buffer.subarray(i * 32, i * 32 + 32);
  }
}

export async function verifyJournal(store: JournalStore, key: CheckpointKey, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const problems: Problem[] = [];
  const report = (p: Problem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const checkpoints = await store.checkpoints();
  // Signed payloads, checked up front; the roots are compared when the rebuild reaches each size.
  const signed = new Map<number, { cp: StoredCheckpoint; root: string; size: number }>();
  for (const cp of checkpoints) {
    const payload = await openCheckpoint(key, cp.jws);
    if (!payload) {
      report({ kind: 'checkpoint-signature', checkpointId: cp.id, message: `checkpoint ${cp.id}: signature invalid` });
      continue;
    }
    if (payload.treeSize !== cp.treeSize || payload.rootHash !== cp.rootHash.toString('hex')) {
      report({ kind: 'checkpoint-mismatch', checkpointId: cp.id, message: `checkpoint ${cp.id}: stored size/root differ from the signed payload` });
    }
    if (cp.note !== undefined && options.noteKey && !noteMatches(cp, options.noteKey)) {
      report({ kind: 'checkpoint-signature', checkpointId: cp.id, message: `checkpoint ${cp.id}: its signed note is invalid or names another size/root` });
    }
    signed.set(cp.id, { cp, root: payload.rootHash, size: payload.treeSize });
  }
  const witnessed = options.outbox ? await witnessFindings(options.outbox, options, report) : { cosigned: new Map<number, StoredCosignature[]>(), status: [] };
  // Several gateway processes may sign checkpoints of the same log slightly out of order, so sizes are not
  // required to grow with the row id: each signed root must equal the recomputed root at its size, which makes
  // every pair of checkpoints consistent (both are prefixes of the one recomputed leaf sequence).
  const ordered = [...signed.values()];
  const bySize = new Map<number, Array<{ cp: StoredCheckpoint; root: string }>>();
  for (const s of ordered) bySize.set(s.size, [...(bySize.get(s.size) ?? []), s]);
  let lastCheckedSize = 0;
  const checkRootsAt = (frontier: MerkleFrontier): void => {
    const due = bySize.get(frontier.size);
    if (!due && !witnessed.cosigned.has(frontier.size)) return;
    const root = frontier.root().toString('hex');
    for (const s of due ?? []) {
      if (s.root !== root) {
        report({
          kind: 'checkpoint-mismatch',
          checkpointId: s.cp.id,
          entryId: lastCheckedSize,
          message: `checkpoint ${s.cp.id} (size ${frontier.size}): signed root differs from the recomputed tree; an entry in [${lastCheckedSize}, ${frontier.size}) was altered`,
        });
      }
    }
    for (const c of witnessed.cosigned.get(frontier.size) ?? []) {
      if (!c.rootHash.equals(frontier.root())) {
        report({
          kind: 'witness-fork',
          witness: c.witness,
          checkpointId: c.checkpointId,
          entryId: lastCheckedSize,
          message: `fork: witness ${c.witness} cosigned root ${c.rootHash.toString('hex')} at size ${c.treeSize}, but this log's root at that size is ${root}: the history it saw was rewritten (an entry in [${lastCheckedSize}, ${frontier.size}) differs)`,
        });
      }
    }
    lastCheckedSize = frontier.size;
  };

  const frontier = new MerkleFrontier();
  const leaves = new LeafColumn();
  let expected = 0;
  let sequenceBroken = false;
  let destroyed = 0;
  checkRootsAt(frontier);
  // The next page is fetched while this one is hashed: the database and the CPU work side by side.
  let pending = store.entriesWithPersonal(0, PAGE);
  for (;;) {
    const page = await pending;
    if (page.length === 0) break;
    const last = page[page.length - 1]!.id;
    pending = store.entriesWithPersonal(last + 1, PAGE);
    for (let j = 0; j < page.length; j++) {
      const row = page[j]!;
      const hash = leafHash(row.body);
      const salt = row.salt === null ? null : toBuffer(row.salt);
      const commitment = salt === null || row.personal_body === null ? undefined : personalCommitment(salt, row.personal_body);
      // Fast path: the body says seq = id and commits to the stored personal part (read off the canonical text);
      // anything else is settled by parsing the body, as before.
      let sealed: Pick<SealedPart, 'seq' | 'personal'> | undefined;
      if (sealsAs(row.body, row.id, commitment)) {
        sealed = { seq: row.id, personal: commitment ?? '' };
      } else {
        try {
          sealed = JSON.parse(row.body) as SealedPart;
        } catch {
          sealed = undefined;
        }
      }
      if (!sequenceBroken) {
        if (row.id !== expected) {
          sequenceBroken = true;
          report({ kind: 'deleted', entryId: expected, message: `entry ${expected} deleted: the log jumps from ${expected - 1} to ${row.id}` });
        } else if (!sealed || sealed.seq !== row.id) {
          sequenceBroken = true;
          report(classifySequence(row.id, sealed?.seq, hash, page, j, leaves));
        }
      }
      if (hash.toString('hex') !== row.leaf) {
        report({ kind: 'modified', entryId: row.id, message: `entry ${row.id} modified: its body no longer matches its leaf hash` });
      }
      if (row.personal_missing) {
        report({ kind: 'personal-deleted', entryId: row.id, message: `entry ${row.id}: personal part deleted outside a lawful destruction` });
      } else if (commitment === undefined) {
        if (row.destruction_entry === null) {
          report({ kind: 'personal-deleted', entryId: row.id, message: `entry ${row.id}: personal part erased without a destruction entry` });
        } else destroyed++;
      } else if (sealed && commitment !== sealed.personal) {
        report({ kind: 'personal-modified', entryId: row.id, message: `entry ${row.id}: personal part modified (commitment differs)` });
      }
      leaves.push(hash);
      frontier.append(hash);
      expected = row.id + 1;
      checkRootsAt(frontier);
    }
  }
  for (const s of ordered) {
    if (s.size > frontier.size) {
      report({
        kind: 'checkpoint-beyond-log',
        checkpointId: s.cp.id,
        entryId: frontier.size,
        message: `checkpoint ${s.cp.id} covers ${s.size} entries but the log has ${frontier.size}: entries from ${frontier.size} deleted`,
      });
    }
  }
  for (const [size, list] of witnessed.cosigned) {
    if (size <= frontier.size) continue;
    for (const c of list) {
      report({
        kind: 'witness-fork',
        witness: c.witness,
        checkpointId: c.checkpointId,
        entryId: frontier.size,
        message: `fork: witness ${c.witness} cosigned a tree of ${size} entries but this log has ${frontier.size}: entries from ${frontier.size} deleted`,
      });
    }
  }
  const latest = ordered.reduce<(typeof ordered)[number] | undefined>((best, s) => (!best || s.size >= best.size ? s : best), undefined);
  // Entry-level findings name the entry; checkpoint findings only bound a range, so they come after.
  const group = (p: Problem): number => (KIND_RANK[p.kind] < 0 ? -1 : KIND_RANK[p.kind] < 3 ? 0 : 1);
  const sorted = [...problems].sort(
    (a, b) => group(a) - group(b) || (a.entryId ?? Number.MAX_SAFE_INTEGER) - (b.entryId ?? Number.MAX_SAFE_INTEGER) || KIND_RANK[a.kind] - KIND_RANK[b.kind],
  );
  return {
    ok: problems.length === 0,
    entries: frontier.size,
    checkpoints: checkpoints.length,
    latestCheckpoint: latest ? { id: latest.cp.id, treeSize: latest.size, rootHash: latest.root } : undefined,
    uncheckpointed: Math.max(0, frontier.size - (latest?.size ?? 0)),
    destroyedPersonal: destroyed,
    witnesses: witnessed.status,
    root: frontier.root().toString('hex'),
    problems: sorted,
    firstProblem: sorted[0],
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Whether the canonical body carries top-level `"seq":id` and, when given, `"personal":"<commitment>"`. The seq
 * member sits right before `"servicesCalled":[` (keys are sorted and nothing after it is a servicesCalled array),
 * so the last such key anchors it; a 64-hex commitment cannot appear anywhere else by accident. When this says
 * no, the caller parses the body, so a false "no" only costs time.
 */
function sealsAs(body: string, id: number, commitment: string | undefined): boolean {
  const at = body.lastIndexOf(',"servicesCalled":[');
  if (at < 0) return false;
  const seq = `,"seq":${id}`;
  if (!body.startsWith(seq, at - seq.length)) return false;
  return commitment === undefined || body.includes(`"personal":"${commitment}"`);
}

/** The row at `id` carries sequence number `seq` (or an unreadable body): say what happened at `id`. */
function classifySequence(
  id: number,
  seq: number | undefined,
  hash: Buffer,
  page: ReadonlyArray<{ id: number; body: string }>,
  j: number,
  leaves: LeafColumn,
): Problem {
  if (seq === undefined) return { kind: 'modified', entryId: id, message: `entry ${id} modified: its body is not a journal entry` };
  if (seq > id) {
    const laterHoldsIt = page.slice(j + 1).some((row) => sealedSeq(row.body) === id);
    return laterHoldsIt
      ? { kind: 'reordered', entryId: id, message: `entries reordered: position ${id} holds the entry sealed as ${seq}` }
      : { kind: 'deleted', entryId: id, message: `entry ${id} deleted: position ${id} holds the entry sealed as ${seq}` };
  }
  // seq < id: an earlier sequence number again. Either this row duplicates an entry already seen, or rows were
  // shifted to make room for an entry inserted at position seq.
  if (seq < leaves.length && leaves.at(seq).equals(hash)) {
    return { kind: 'inserted', entryId: id, message: `entry inserted at ${id}: it repeats the entry sealed as ${seq}` };
  }
  return { kind: 'inserted', entryId: seq, message: `entry inserted at ${seq}: the entry sealed as ${seq} now sits at ${id}` };
}

function sealedSeq(body: string): number | undefined {
  try {
    return (JSON.parse(body) as SealedPart).seq;
  } catch {
    return undefined;
  }
}

function noteMatches(cp: StoredCheckpoint, noteKey: NoteKey): boolean {
  try {
    const opened = openCheckpointNote(cp.note!, noteKey);
    return !!opened && opened.treeSize === cp.treeSize && opened.rootHash.equals(cp.rootHash);
  } catch {
    return false;
  }
}

/**
 * The witnesses' side: each stored cosignature is checked against its witness's key (when known) and queued for
 * comparison with the recomputed tree at its size; a refusal for inconsistency is a fork in itself.
 */
async function witnessFindings(
  outbox: OutboxStore,
  options: VerifyOptions,
  report: (p: Problem) => void,
): Promise<{ cosigned: Map<number, StoredCosignature[]>; status: WitnessStatus[] }> {
  const keys = new Map((options.witnessKeys ?? []).map((k) => [k.name, k]));
  const cosigned = new Map<number, StoredCosignature[]>();
  const status = new Map<string, WitnessStatus>();
  const of = (witness: string): WitnessStatus => {
    let s = status.get(witness);
    if (!s) status.set(witness, (s = { witness, cosignedSize: 0, pending: 0, refused: 0 }));
    return s;
  };
  for (const name of keys.keys()) of(name);
  for (const c of await outbox.cosignatures()) {
    const key = keys.get(c.witness);
    if (key && options.noteKey) {
      const text = checkpointText({ origin: options.noteKey.name, treeSize: c.treeSize, rootHash: c.rootHash });
      let valid = false;
      try {
        valid = !!cosignatureBy(text, parseSignatureLines(c.line), key);
      } catch {
        valid = false;
      }
      if (!valid) {
        report({
          kind: 'cosignature-invalid',
          witness: c.witness,
          checkpointId: c.checkpointId,
          message: `checkpoint ${c.checkpointId}: the stored cosignature of ${c.witness} does not verify`,
        });
        continue;
      }
    }
    cosigned.set(c.treeSize, [...(cosigned.get(c.treeSize) ?? []), c]);
    const s = of(c.witness);
    if (c.treeSize >= s.cosignedSize) {
      s.cosignedSize = c.treeSize;
      s.cosignedAt = c.cosignedAt.toISOString();
    }
  }
  for (const row of await outbox.outbox()) {
    const s = of(row.witness);
    if (row.state === 'pending') s.pending++;
    if (row.state === 'refused') {
      s.refused++;
      if (row.reason?.startsWith('422') || row.reason?.startsWith('409')) {
        report({
          kind: 'witness-fork',
          witness: row.witness,
          checkpointId: row.checkpointId,
          message: `fork: witness ${row.witness} refused checkpoint ${row.checkpointId} (size ${row.treeSize}): ${row.reason}`,
        });
      }
    }
  }
  return { cosigned, status: [...status.values()].sort((a, b) => a.witness.localeCompare(b.witness)) };
}
