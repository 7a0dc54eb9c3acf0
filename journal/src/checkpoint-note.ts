/**
 * Checkpoints in the C2SP tlog-checkpoint format: a signed note whose text is the origin line, the tree size in
 * decimal and the base64 root hash, each ending in a newline. The log signs it with its Ed25519 key under the
 * origin as key name; witnesses add their cosignatures (cosignature.ts) to the same note.
 */
import type { Hash } from './merkle.ts';
import { noteSignedBy, parseNote, signNote, type NoteKey, type NoteSignature, type NoteSigner } from './note.ts';

export interface CheckpointBody {
  origin: string;
  treeSize: number;
  rootHash: Hash;
}

export function checkpointText(body: CheckpointBody): string {
  if (!body.origin || body.origin.includes('\n')) throw new RangeError('checkpoint: the origin is one non-empty line');
  return `${body.origin}\n${body.treeSize}\n${body.rootHash.toString('base64')}\n`;
}

export function parseCheckpointText(text: string): CheckpointBody {
  const lines = text.split('\n');
  // origin, size, root, then optional extension lines; the text ends with a newline (a last empty element).
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new SyntaxError('checkpoint: expected origin, size and root lines');
  const [origin, size, root] = lines as [string, string, string];
  if (!origin) throw new SyntaxError('checkpoint: empty origin');
  if (!/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) throw new SyntaxError('checkpoint: bad tree size');
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) throw new SyntaxError('checkpoint: bad root hash');
  return { origin, treeSize: Number(size), rootHash };
}

export function signCheckpointNote(body: CheckpointBody, signer: NoteSigner): string {
  return signNote(checkpointText(body), [signer]);
}

export interface OpenedCheckpoint extends CheckpointBody {
  text: string;
  signatures: NoteSignature[];
}

/** Parses a checkpoint note and checks it carries the log's signature; throws SyntaxError on malformed input. */
export function openCheckpointNote(note: string, logKey: NoteKey): OpenedCheckpoint | undefined {
  const { text, signatures } = parseNote(note);
  const body = parseCheckpointText(text);
  if (body.origin !== logKey.name || !noteSignedBy(text, signatures, logKey)) return undefined;
  return { ...body, text, signatures };
}
