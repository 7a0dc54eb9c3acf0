/**
 * `negiz journal prove <entry-id>`: the RFC 9162 inclusion proof of one entry against the latest signed checkpoint,
 * with everything a third party needs to check it (leaf bytes, audit path, checkpoint JWS, public key).
 */
import type { JWK } from 'jose';
import type { CheckpointKey } from './checkpoint-key.ts';
import { openCheckpoint } from './checkpoint.ts';
import { inclusionProof, leafHash, verifyInclusion } from './merkle.ts';
import type { JournalStore } from './store.ts';

export interface InclusionProofDocument {
  entryId: number;
  leafHash: string;
  /** The sealed leaf bytes (canonical JSON, no personal data). */
  leaf: string;
  treeSize: number;
  rootHash: string;
  auditPath: string[];
  checkpoint: { id: number; signedAt: string; jws: string };
  publicKey: JWK;
  /** Checked here: the signature, the leaf against its stored hash, the path against the signed root. */
  verified: boolean;
}

export class ProofError extends Error {
  override name = 'ProofError';
  readonly code: 'ENTRY_NOT_FOUND' | 'NOT_CHECKPOINTED' | 'CHECKPOINT_INVALID' | 'NOT_WITNESSED';
  constructor(code: ProofError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export async function proveEntry(store: JournalStore, key: CheckpointKey, entryId: number): Promise<InclusionProofDocument> {
  const entry = await store.entry(entryId);
  if (!entry) throw new ProofError('ENTRY_NOT_FOUND', `journal: no entry ${entryId}`);
  const checkpoint = await store.latestCheckpoint();
  if (!checkpoint || checkpoint.treeSize <= entryId) {
    throw new ProofError('NOT_CHECKPOINTED', `journal: entry ${entryId} is not covered by a checkpoint yet (checkpoints come at least every second)`);
  }
  const payload = await openCheckpoint(key, checkpoint.jws);
  if (!payload) throw new ProofError('CHECKPOINT_INVALID', `journal: checkpoint ${checkpoint.id} has an invalid signature`);
  const leaves = await store.leafHashes(store.db, 0, payload.treeSize);
  const path = inclusionProof(leaves, entryId, payload.treeSize);
  const leaf = leafHash(entry.body);
  const root = Buffer.from(payload.rootHash, 'hex');
  return {
    entryId,
    leafHash: leaf.toString('hex'),
    leaf: entry.body,
    treeSize: payload.treeSize,
    rootHash: payload.rootHash,
    auditPath: path.map((h) => h.toString('hex')),
    checkpoint: { id: checkpoint.id, signedAt: checkpoint.signedAt.toISOString(), jws: checkpoint.jws },
    publicKey: key.publicJwk,
    verified: leaf.equals(entry.leafHash) && verifyInclusion(leaf, entryId, payload.treeSize, path, root),
  };
}

/** What a witness runs on a proof document (no database needed). */
export async function checkProofDocument(doc: InclusionProofDocument, key: CheckpointKey): Promise<boolean> {
  const payload = await openCheckpoint(key, doc.checkpoint.jws);
  if (!payload || payload.treeSize !== doc.treeSize || payload.rootHash !== doc.rootHash) return false;
  const leaf = leafHash(doc.leaf);
  return verifyInclusion(
    leaf,
    doc.entryId,
    doc.treeSize,
    doc.auditPath.map((h) => Buffer.from(h, 'hex')),
    Buffer.from(doc.rootHash, 'hex'),
  );
}
