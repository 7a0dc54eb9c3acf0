import { describe, expect, it } from 'vitest';
import { generateCheckpointJwk } from '../src/checkpoint-key.ts';
import { checkpointText, openCheckpointNote, parseCheckpointText, signCheckpointNote } from '../src/checkpoint-note.ts';
import { cosign, cosignatureBy } from '../src/cosignature.ts';
import { COSIGNATURE_V1, ED25519, parseNote, parseSignatureLines, signerFromJwk } from '../src/note.ts';

describe('checkpoints and cosignatures (tlog-checkpoint, tlog-cosignature/v1)', () => {
  it('a witness cosigns a checkpoint note; the cosignature is bound to the checkpoint, the time and the key', async () => {
    const log = signerFromJwk('negiz-journal', ED25519, await generateCheckpointJwk());
    const witness = signerFromJwk('witness.example/w1', COSIGNATURE_V1, await generateCheckpointJwk());
    const root = Buffer.alloc(32, 7);
    const note = signCheckpointNote({ origin: 'negiz-journal', treeSize: 12, rootHash: root }, log);
    expect(note).toMatch(/^negiz-journal\n12\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n\n\u2014 negiz-journal [A-Za-z0-9+/=]+\n$/u);
    const opened = openCheckpointNote(note, log)!;
    expect(opened).toMatchObject({ origin: 'negiz-journal', treeSize: 12 });
    expect(opened.rootHash.equals(root)).toBe(true);

    const c = cosign(opened.text, witness, 1_700_000_000);
    const signatures = parseSignatureLines(c.line);
    expect(Buffer.from(c.line.split(' ')[2]!, 'base64').length).toBe(4 + 8 + 64);
    expect(cosignatureBy(opened.text, signatures, witness)).toMatchObject({ witness: 'witness.example/w1', time: 1_700_000_000 });
    expect(cosignatureBy(checkpointText({ ...opened, treeSize: 13 }), signatures, witness)).toBeUndefined();
    expect(cosignatureBy(opened.text, signatures, log)).toBeUndefined();
    // The cosigned note still carries the log's signature.
    const witnessed = parseNote(note + c.line);
    expect(witnessed.signatures.map((s) => s.name)).toEqual(['negiz-journal', 'witness.example/w1']);
    expect(() => cosign(opened.text, log)).toThrow(/0x04/);
  });

  it('refuses malformed checkpoint texts and notes signed by another key', async () => {
    const log = signerFromJwk('negiz-journal', ED25519, await generateCheckpointJwk());
    const other = signerFromJwk('negiz-journal', ED25519, await generateCheckpointJwk());
    expect(openCheckpointNote(signCheckpointNote({ origin: 'negiz-journal', treeSize: 1, rootHash: Buffer.alloc(32) }, other), log)).toBeUndefined();
    expect(() => parseCheckpointText('o\n01\nAAAA\n')).toThrow(/size/);
    expect(() => parseCheckpointText(`o\n1\n${Buffer.alloc(31).toString('base64')}\n`)).toThrow(/root/);
    expect(() => parseCheckpointText('o\n1\n')).toThrow(/origin, size and root/);
    expect(() => checkpointText({ origin: 'a\nb', treeSize: 1, rootHash: Buffer.alloc(32) })).toThrow(/origin/);
  });
});
