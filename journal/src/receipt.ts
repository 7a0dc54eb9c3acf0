/**
 * Receipts anyone can check offline: `negiz journal receipt <id>` writes the entry's sealed leaf (no personal data,
 * so a receipt survives the destruction of its case's personal parts, p.48), its RFC 9162 inclusion proof, and a
 * witnessed checkpoint (the tlog-checkpoint note with the log's signature and the witnesses' cosignatures).
 * `verifyReceipt` needs only the log's and the witnesses' public keys.
 */
import { checkpointText, openCheckpointNote } from './checkpoint-note.ts';
import { cosignatureBy } from './cosignature.ts';
import { inclusionProof, leafHash, verifyInclusion } from './merkle.ts';
import { parseNote, type NoteKey } from './note.ts';
import type { OutboxStore } from './outbox.ts';
import { ProofError } from './prove.ts';
import type { JournalStore } from './store.ts';

export const RECEIPT_TYPE = 'negiz-journal-receipt/v1';

export interface ReceiptDocument {
  type: typeof RECEIPT_TYPE;
  entryId: number;
  /** The sealed leaf bytes (canonical JSON): what the log committed to. */
  leaf: string;
  leafHash: string;
  treeSize: number;
  /** Base64 hashes of the RFC 9162 audit path from the leaf to the checkpoint's root. */
  inclusionProof: string[];
  /** The checkpoint as a signed note: the log's signature and the witnesses' cosignatures. */
  checkpoint: string;
}

export async function buildReceipt(store: JournalStore, outbox: OutboxStore, entryId: number): Promise<ReceiptDocument> {
  const entry = await store.entry(entryId);
  if (!entry) throw new ProofError('ENTRY_NOT_FOUND', `journal: no entry ${entryId}`);
  const witnessed = await outbox.witnessedCheckpointCovering(entryId);
  const checkpoint = witnessed && (await store.checkpoint(witnessed.checkpointId));
  if (!witnessed || !checkpoint?.note) {
    throw new ProofError('NOT_WITNESSED', `journal: no witness has cosigned a checkpoint covering entry ${entryId} yet (see negiz journal verify)`);
  }
  const leaves = await store.leafHashes(store.db, 0, checkpoint.treeSize);
  const path = inclusionProof(leaves, entryId, checkpoint.treeSize);
  return {
    type: RECEIPT_TYPE,
    entryId,
    leaf: entry.body,
    leafHash: leafHash(entry.body).toString('hex'),
    treeSize: checkpoint.treeSize,
    inclusionProof: path.map((h) => h.toString('base64')),
    checkpoint: checkpoint.note + witnessed.lines.join(''),
  };
}

export interface ReceiptVerdict {
  ok: boolean;
  entryId: number;
  treeSize: number;
  /** Witnesses among the given keys whose cosignature verified. */
  cosignedBy: string[];
  problems: string[];
}

/**
 * Checks a receipt with public keys only: the log's signature on the checkpoint, at least `quorum` valid
 * cosignatures among `witnessKeys` (default: all of them), the leaf's sequence number and hash, and the path to
 * the signed root.
 */
export function verifyReceipt(doc: ReceiptDocument, keys: { logKey: NoteKey; witnessKeys: readonly NoteKey[]; quorum?: number }): ReceiptVerdict {
  const problems: string[] = [];
  const verdict = (cosignedBy: string[]): ReceiptVerdict => ({ ok: problems.length === 0, entryId: doc.entryId, treeSize: doc.treeSize, cosignedBy, problems });
  if (doc?.type !== RECEIPT_TYPE || !Number.isSafeInteger(doc.entryId) || typeof doc.leaf !== 'string' || !Array.isArray(doc.inclusionProof)) {
    problems.push(`not a ${RECEIPT_TYPE} document`);
    return verdict([]);
  }
  let opened;
  try {
    opened = openCheckpointNote(doc.checkpoint, keys.logKey);
  } catch (error) {
    problems.push(`checkpoint unreadable: ${(error as Error).message}`);
    return verdict([]);
  }
  if (!opened) {
    problems.push(`the checkpoint carries no valid signature of the log ${keys.logKey.name}`);
    return verdict([]);
  }
  const { signatures } = parseNote(doc.checkpoint);
  const text = checkpointText(opened);
  const cosignedBy = keys.witnessKeys.filter((k) => cosignatureBy(text, signatures, k)).map((k) => k.name);
  const quorum = keys.quorum ?? keys.witnessKeys.length;
  if (keys.witnessKeys.length === 0) problems.push('no witness key given: a checkpoint signed by the log alone proves nothing against its operator');
  else if (cosignedBy.length < Math.max(1, quorum)) {
    const missing = keys.witnessKeys.map((k) => k.name).filter((n) => !cosignedBy.includes(n));
    problems.push(`${cosignedBy.length} of the required ${Math.max(1, quorum)} witness cosignatures verify (missing: ${missing.join(', ')})`);
  }
  if (opened.treeSize !== doc.treeSize) problems.push(`the receipt says ${doc.treeSize} entries, the checkpoint ${opened.treeSize}`);
  const leaf = leafHash(doc.leaf);
  if (leaf.toString('hex') !== doc.leafHash) problems.push('the leaf does not hash to the receipt leaf hash');
  let seq: unknown;
  try {
    seq = (JSON.parse(doc.leaf) as { seq?: unknown }).seq;
  } catch {
    seq = undefined;
  }
  if (seq !== doc.entryId) problems.push(`the leaf is sealed as entry ${String(seq)}, not ${doc.entryId}`);
  const path = doc.inclusionProof.map((h) => Buffer.from(String(h), 'base64'));
  if (!verifyInclusion(leaf, doc.entryId, opened.treeSize, path, opened.rootHash)) problems.push('the inclusion proof does not lead to the checkpoint root');
  return verdict(cosignedBy);
}
