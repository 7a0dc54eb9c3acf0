/**
 * C2SP signed notes (c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank line, then signature lines
 * `— <key name> base64(key ID || signature)`. Ed25519 only, through node:crypto. The key ID is the first 4 bytes of
 * SHA-256(name || 0x0A || type || public key): type 0x01 for a plain Ed25519 note signature, 0x04 for a
 * tlog-cosignature/v1 (see cosignature.ts). A verifier key ("vkey") is `<name>+<hex key ID>+base64(type || key)`.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014';
/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface NoteKey {
  name: string;
  /** 0x01 (note signature) or 0x04 (cosignature/v1). */
  type: number;
  publicKey: Buffer;
  keyId: Buffer;
}

export interface NoteSigner extends NoteKey {
  sign(message: Buffer): Buffer;
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** What follows the key ID: the Ed25519 signature (type 0x01) or timestamp || signature (0x04). */
  payload: Buffer;
  line: string;
}

export function keyIdOf(name: string, type: number, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([type]), publicKey]))
    .digest()
    .subarray(0, 4);
}

export function validKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

function noteKey(name: string, type: number, publicKey: Buffer): NoteKey {
  if (!validKeyName(name)) throw new RangeError(`signed note: a key name must be non-empty, without spaces or "+" (${JSON.stringify(name)})`);
  if (publicKey.length !== 32) throw new RangeError('signed note: an Ed25519 public key has 32 bytes');
  return { name, type, publicKey, keyId: keyIdOf(name, type, publicKey) };
}

/** A signer from a private Ed25519 JWK (the journal's and the witness's key files). */
export function signerFromJwk(name: string, type: number, jwk: { kty?: string; crv?: string; x?: string; d?: string }): NoteSigner {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x || !jwk.d) throw new RangeError('signed note: an Ed25519 private JWK is required');
  const privateKey: KeyObject = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
  return { ...noteKey(name, type, Buffer.from(jwk.x, 'base64url')), sign: (message) => sign(null, message, privateKey) };
}

export function keyFromPublicJwk(name: string, type: number, jwk: { x?: string }): NoteKey {
  if (!jwk.x) throw new RangeError('signed note: the JWK has no public key');
  return noteKey(name, type, Buffer.from(jwk.x, 'base64url'));
}

export function vkeyOf(key: NoteKey): string {
  return `${key.name}+${key.keyId.toString('hex')}+${Buffer.concat([Buffer.from([key.type]), key.publicKey]).toString('base64')}`;
}

export function parseVkey(vkey: string): NoteKey {
  // The base64 key material may itself hold "+": only the first two separate the fields.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey.trim());
  if (!match) throw new RangeError('signed note: a verifier key reads <name>+<8 hex>+<base64>');
  const parts = [match[1]!, match[2]!, match[3]!];
  const material = Buffer.from(parts[2]!, 'base64');
  const key = noteKey(parts[0]!, material[0]!, material.subarray(1));
  if (key.type !== ED25519 && key.type !== COSIGNATURE_V1) throw new RangeError(`signed note: unsupported key type 0x${key.type.toString(16)}`);
  if (!key.keyId.equals(Buffer.from(parts[1]!, 'hex'))) throw new RangeError(`signed note: the key ID of ${key.name} does not match its key`);
  return key;
}

export function verifyEd25519(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' }), signature);
  } catch {
    return false;
  }
}

export function signatureLine(name: string, keyId: Buffer, payload: Buffer): string {
  return `${DASH} ${name} ${Buffer.concat([keyId, payload]).toString('base64')}\n`;
}

/** The note text (ending in "\n") signed with each signer's plain Ed25519 note signature. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!text.endsWith('\n')) throw new RangeError('signed note: the text must end with a newline');
  const lines = signers.map((s) => signatureLine(s.name, s.keyId, s.sign(Buffer.from(text))));
  return `${text}\n${lines.join('')}`;
}

export function parseSignatureLines(block: string): NoteSignature[] {
  const signatures: NoteSignature[] = [];
  for (const line of block.split('\n')) {
    if (line === '') continue;
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!match) throw new SyntaxError('signed note: malformed signature line');
    const raw = Buffer.from(match[2]!, 'base64');
    if (raw.length < 5) throw new SyntaxError('signed note: signature too short');
    signatures.push({ name: match[1]!, keyId: raw.subarray(0, 4), payload: raw.subarray(4), line: `${line}\n` });
  }
  return signatures;
}

/** Splits a signed note into its text (with its final newline) and its signature lines. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const at = note.lastIndexOf('\n\n');
  if (at < 0 || !note.endsWith('\n')) throw new SyntaxError('signed note: no blank line before the signatures');
  const text = note.slice(0, at + 1);
  const signatures = parseSignatureLines(note.slice(at + 2));
  if (signatures.length === 0) throw new SyntaxError('signed note: no signature');
  return { text, signatures };
}

/** Whether `signatures` hold a valid plain note signature of `text` by `key`. */
export function noteSignedBy(text: string, signatures: readonly NoteSignature[], key: NoteKey): boolean {
  return signatures.some(
    (s) => s.name === key.name && s.keyId.equals(key.keyId) && key.type === ED25519 && verifyEd25519(key.publicKey, Buffer.from(text), s.payload),
  );
}
