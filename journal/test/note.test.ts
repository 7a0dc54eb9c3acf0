import { describe, expect, it } from 'vitest';
import { COSIGNATURE_V1, ED25519, noteSignedBy, parseNote, parseVkey, signerFromJwk, signNote, vkeyOf } from '../src/note.ts';

// The reference vector of golang.org/x/mod/sumdb/note (Ed25519 is deterministic: the note must match byte for byte).
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// A tlog-cosignature/v1 verifier key of transparency-dev/formats' tests.
const COSIGNER = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';

describe('signed notes (C2SP signed-note)', () => {
  it('reproduces the reference note and verifies it', () => {
    const key = parseVkey(VKEY);
    expect(key).toMatchObject({ name: 'PeterNeumann', type: ED25519 });
    const signer = signerFromJwk('PeterNeumann', ED25519, {
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.publicKey.toString('base64url'),
      d: SEED.toString('base64url'),
    });
    expect(vkeyOf(signer)).toBe(VKEY);
    expect(signNote(TEXT, [signer])).toBe(NOTE);
    const { text, signatures } = parseNote(NOTE);
    expect(text).toBe(TEXT);
    expect(noteSignedBy(text, signatures, key)).toBe(true);
    expect(noteSignedBy(text.replace('cryptography', 'cryptographY'), signatures, key)).toBe(false);
  });

  it('reads cosignature keys (type 0x04) and refuses mangled ones', () => {
    expect(parseVkey(COSIGNER)).toMatchObject({ name: 'remora.n621.de', type: COSIGNATURE_V1 });
    expect(vkeyOf(parseVkey(COSIGNER))).toBe(COSIGNER);
    // Key material whose base64 holds a "+" (transparency-dev/formats' tests).
    expect(vkeyOf(parseVkey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6'))).toBe('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6');
    expect(() => parseVkey(VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/key ID/);
    expect(() => parseVkey('PeterNeumann+c74f20a3')).toThrow(/verifier key/);
    expect(() => parseVkey(`x+00000000+${Buffer.concat([Buffer.from([2]), Buffer.alloc(32)]).toString('base64')}`)).toThrow();
  });

  it('refuses malformed notes', () => {
    expect(() => parseNote(TEXT)).toThrow(SyntaxError);
    expect(() => parseNote(`${TEXT}\n- PeterNeumann abc\n`)).toThrow(/signature line/);
    expect(() => parseNote(`${TEXT}\n`)).toThrow(/no signature/);
    expect(() => signNote('no newline', [])).toThrow(/newline/);
  });
});
