/**
 * tlog-cosignature/v1 (Ed25519): a witness signs "cosignature/v1\ntime <seconds>\n" followed by the checkpoint
 * text; the note signature's payload is the timestamp (u64 big-endian) followed by the 64-byte signature, under
 * a key ID computed with type 0x04.
 */
import { COSIGNATURE_V1, signatureLine, verifyEd25519, type NoteKey, type NoteSignature, type NoteSigner } from './note.ts';

export interface Cosignature {
  witness: string;
  /** Seconds since the epoch, as signed. */
  time: number;
  line: string;
}

const message = (text: string, time: number): Buffer => Buffer.from(`cosignature/v1\ntime ${time}\n${text}`);

export function cosign(text: string, signer: NoteSigner, time = Math.floor(Date.now() / 1000)): Cosignature {
  if (signer.type !== COSIGNATURE_V1) throw new RangeError('cosignature: the witness key must be of type 0x04');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const line = signatureLine(signer.name, signer.keyId, Buffer.concat([stamp, signer.sign(message(text, time))]));
  return { witness: signer.name, time, line };
}

/** The cosignature of `text` by `key` among `signatures`, if one verifies. */
export function cosignatureBy(text: string, signatures: readonly NoteSignature[], key: NoteKey): Cosignature | undefined {
  if (key.type !== COSIGNATURE_V1) return undefined;
  for (const s of signatures) {
    if (s.name !== key.name || !s.keyId.equals(key.keyId) || s.payload.length !== 72) continue;
    const time = s.payload.readBigUInt64BE(0);
    if (time > BigInt(Number.MAX_SAFE_INTEGER)) continue;
    if (verifyEd25519(key.publicKey, message(text, Number(time)), s.payload.subarray(8))) return { witness: key.name, time: Number(time), line: s.line };
  }
  return undefined;
}
