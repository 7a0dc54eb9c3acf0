/**
 * Signed checkpoints: a compact JWS (EdDSA) over the canonical JSON of
 * { typ: "negiz-journal-checkpoint", v: 1, origin, treeSize, rootHash (hex), timestamp (ISO UTC) }.
 * Anyone with the public key can check a checkpoint and, with consistency proofs, that the log only grew.
 */
import { CompactSign, compactVerify } from 'jose';
import { canonicalJson } from './canonical.ts';
import type { CheckpointKey } from './checkpoint-key.ts';

export interface CheckpointPayload {
  typ: 'negiz-journal-checkpoint';
  v: 1;
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
}

export async function signCheckpoint(key: CheckpointKey, payload: Omit<CheckpointPayload, 'typ' | 'v'>): Promise<string> {
  if (!key.privateKey) throw new Error('journal: the checkpoint key has no private part; cannot sign');
  const full: CheckpointPayload = { typ: 'negiz-journal-checkpoint', v: 1, ...payload };
  return new CompactSign(new TextEncoder().encode(canonicalJson(full)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'negiz-checkpoint+jws' })
    .sign(key.privateKey);
}

/** Returns the payload when the signature is valid, undefined otherwise. */
export async function openCheckpoint(key: CheckpointKey, jws: string): Promise<CheckpointPayload | undefined> {
  try {
    const { payload } = await compactVerify(jws, key.publicKey, { algorithms: ['EdDSA'] });
    const parsed = JSON.parse(new TextDecoder().decode(payload)) as CheckpointPayload;
    return parsed.typ === 'negiz-journal-checkpoint' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
