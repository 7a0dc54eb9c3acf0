import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCheckpointJwk, keyFromJwk } from '../src/checkpoint-key.ts';
import { signCheckpointNote } from '../src/checkpoint-note.ts';
import { leafHash } from '../src/merkle.ts';
import { ED25519, keyFromPublicJwk, signerFromJwk, vkeyOf } from '../src/note.ts';
import { buildWitness, type RunningWitness } from '../src/witness-server.ts';

describe('negiz witness over HTTP (embedded store)', () => {
  let running: RunningWitness;
  let url: string;
  let note: string;
  beforeAll(async () => {
    const log = await keyFromJwk(await generateCheckpointJwk());
    const vkey = vkeyOf(keyFromPublicJwk('negiz-journal', ED25519, log.publicJwk));
    running = await buildWitness({ name: 'witness.test', key: JSON.stringify(await generateCheckpointJwk()), logKeys: [vkey], dir: 'memory' });
    url = await running.app.listen({ host: '127.0.0.1', port: 0 });
    note = signCheckpointNote(
      { origin: 'negiz-journal', treeSize: 1, rootHash: leafHash('entry 0') },
      signerFromJwk('negiz-journal', ED25519, log.privateJwk!),
    );
  }, 60_000);
  afterAll(async () => running?.close());

  it('reads the body with or without a Content-Type, answers 409 as text/x.tlog.size and refuses oversized bodies', async () => {
    const bare = await fetch(`${url}/add-checkpoint`, { method: 'POST', body: new TextEncoder().encode(`old 0\n\n${note}`) });
    expect(bare.status).toBe(200);
    expect(await bare.text()).toMatch(/^\u2014 witness\.test [A-Za-z0-9+/=]+\n$/u);
    const stale = await fetch(`${url}/add-checkpoint`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `old 0\n\n${note}` });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await stale.text()).toBe('1\n');
    expect((await fetch(`${url}/add-checkpoint`, { method: 'POST', body: new Uint8Array(70 * 1024) })).status).toBe(413);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
  });
});
