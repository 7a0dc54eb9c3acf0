import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCheckpointJwk } from '../src/checkpoint-key.ts';
import { checkpointText, signCheckpointNote } from '../src/checkpoint-note.ts';
import { cosignatureBy } from '../src/cosignature.ts';
import { consistencyProof, leafHash, subtreeRoot, type Hash } from '../src/merkle.ts';
import { COSIGNATURE_V1, ED25519, parseSignatureLines, signerFromJwk, type NoteSigner } from '../src/note.ts';
import { postgresClient, type SqlClient } from '../src/sql-client.ts';
import { Witness } from '../src/witness.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

const ORIGIN = 'negiz-journal';
const leaves: Hash[] = Array.from({ length: 16 }, (_, i) => leafHash(`entry ${i}`));
// The operator rewrites entry 3 and signs the new history with the log's own key.
const forged: Hash[] = leaves.map((h, i) => (i === 3 ? leafHash('entry 3, rewritten') : h));

describe('witness (C2SP tlog-witness add-checkpoint) on PostgreSQL', () => {
  let db: TestDatabase;
  let client: SqlClient;
  let witness: Witness;
  let log: NoteSigner;
  let signer: NoteSigner;
  const note = (size: number, tree = leaves, by = log): string =>
    signCheckpointNote({ origin: ORIGIN, treeSize: size, rootHash: subtreeRoot(tree, 0, size) }, by);
  const body = (old: number, proof: Hash[], checkpoint: string): string =>
    `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${checkpoint}`;
  const open = async (): Promise<Witness> => {
    client = postgresClient({ url: db.url, max: 2 });
    return Witness.open(client, { signer, logs: [log] });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    log = signerFromJwk(ORIGIN, ED25519, await generateCheckpointJwk());
    signer = signerFromJwk('witness.prokuror.kz/journal', COSIGNATURE_V1, await generateCheckpointJwk());
    witness = await open();
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await db?.drop();
  });

  it('cosigns the first checkpoint and then only checkpoints consistent with it', async () => {
    const first = await witness.addCheckpoint(body(0, [], note(5)));
    expect(first.status).toBe(200);
    const text = checkpointText({ origin: ORIGIN, treeSize: 5, rootHash: subtreeRoot(leaves, 0, 5) });
    expect(cosignatureBy(text, parseSignatureLines(first.body), signer)).toBeDefined();
    const second = await witness.addCheckpoint(body(5, consistencyProof(leaves, 5, 9), note(9)));
    expect(second.status).toBe(200);
    // A client that does not know the witness's size learns it from the 409.
    const stale = await witness.addCheckpoint(body(5, consistencyProof(leaves, 5, 12), note(12)));
    expect(stale).toEqual({ status: 409, contentType: 'text/x.tlog.size', body: '9\n' });
  });

  it('refuses a rewritten history signed with the log key: 422 for its proof, 409 for another root at its size', async () => {
    const rewritten = await witness.addCheckpoint(body(9, consistencyProof(forged, 9, 12), note(12, forged)));
    expect(rewritten.status).toBe(422);
    const sameSize = await witness.addCheckpoint(body(9, [], note(9, forged)));
    expect(sameSize).toMatchObject({ status: 409, body: '9\n' });
    expect((await witness.history(ORIGIN)).map((c) => c.treeSize)).toEqual([5, 9]);
    const requests = await witness.requests();
    expect(requests.find((r) => r.status === 422)).toMatchObject({ origin: ORIGIN, oldSize: 9, treeSize: 12 });
    expect(requests.every((r) => r.receivedLocal.endsWith('+05:00'))).toBe(true);
  });

  it('after a restart, refuses a smaller tree than the one it cosigned and cosigns the same one again', async () => {
    await client.close();
    witness = await open();
    expect((await witness.latest(ORIGIN))?.treeSize).toBe(9);
    expect(await witness.addCheckpoint(body(0, [], note(5)))).toMatchObject({ status: 409, body: '9\n' });
    expect(await witness.addCheckpoint(body(5, [], note(5)))).toMatchObject({ status: 409, body: '9\n' });
    expect((await witness.addCheckpoint(body(9, [], note(7)))).status).toBe(400);
    expect((await witness.addCheckpoint(body(9, [], note(9)))).status).toBe(200);
    expect((await witness.addCheckpoint(body(9, consistencyProof(leaves, 9, 16), note(16)))).status).toBe(200);
    expect((await witness.history(ORIGIN)).map((c) => c.treeSize)).toEqual([5, 9, 16]);
  });

  it('answers 404 for an unknown origin, 403 without a trusted signature, 400 for malformed requests', async () => {
    const stranger = signerFromJwk('another-log', ED25519, await generateCheckpointJwk());
    expect((await witness.addCheckpoint(body(0, [], signCheckpointNote({ origin: 'another-log', treeSize: 1, rootHash: leaves[0]! }, stranger)))).status).toBe(
      404,
    );
    const impostor = signerFromJwk(ORIGIN, ED25519, await generateCheckpointJwk());
    expect((await witness.addCheckpoint(body(16, [], note(16, leaves, impostor)))).status).toBe(403);
    expect((await witness.addCheckpoint('old 16\n')).status).toBe(400);
    expect((await witness.addCheckpoint(`old x\n\n${note(16)}`)).status).toBe(400);
    expect((await witness.addCheckpoint(`old 16\nnot-base64\n\n${note(16)}`)).status).toBe(400);
    expect((await witness.addCheckpoint(body(0, [leaves[0]!], note(16)))).status).toBe(400);
    expect((await witness.addCheckpoint(`old 16\n\n${ORIGIN}\n16\n`)).status).toBe(400);
    expect((await witness.latest(ORIGIN))?.treeSize).toBe(16);
  });
});
