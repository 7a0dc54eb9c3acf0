/**
 * The console's WebCrypto inclusion check agrees with the journal's own (RFC 9162, merkle.ts) on every leaf of
 * trees of 1..20 leaves, accepts a real proof document of the journal, and rejects it tampered.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, merkle, type InclusionProofDocument, type JournalService } from '@negiz/journal';
import { checkInclusion, leafHashOf, rootFromPath } from '../../src/console/inclusion.ts';
import { createTestDatabase, type TestDatabase } from '../databases.ts';

describe('inclusion check in the page', () => {
  it('finds the same root as the journal for every leaf of trees of 1..20 leaves, and none with a wrong path', async () => {
    for (let size = 1; size <= 20; size++) {
      const leaves = Array.from({ length: size }, () => merkle.leafHash(randomBytes(8).toString('hex')));
      const root = merkle.subtreeRoot(leaves).toString('hex');
      for (let index = 0; index < size; index++) {
        const path = merkle.inclusionProof(leaves, index, size).map((h) => h.toString('hex'));
        expect(await rootFromPath(leaves[index]!.toString('hex'), index, size, path)).toBe(root);
        if (path.length) expect(await rootFromPath(leaves[index]!.toString('hex'), index, size, path.slice(1))).not.toBe(root);
      }
    }
    expect(await rootFromPath('00'.repeat(32), 3, 3, [])).toBeUndefined();
  });

  it('hashes a leaf as the journal does (0x00 || bytes)', async () => {
    expect(await leafHashOf('{"a":1}')).toBe(merkle.leafHash('{"a":1}').toString('hex'));
  });

  describe('on a real proof document', () => {
    let journal: JournalService;
    let doc: InclusionProofDocument;
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
      journal = await createJournal({ url: db.url, devKeyPath: 'memory' });
      for (let i = 0; i < 5; i++) {
        await journal.record({
          requestId: `r${i}`,
          receivedAt: new Date(),
          user: { login: 'inv1', role: 3, organisation: 'ORG' },
          client: { kind: 'PORTAL', id: 'portal' },
          operation: { name: 'Person', documentHash: 'ab'.repeat(32), kind: 'query' },
          subjects: [],
          servicesCalled: ['s01-persons'],
          withheld: [],
          outcome: 'RELEASED',
          recordCounts: {},
          durationMs: 1,
        });
      }
      await journal.checkpoint();
      doc = await journal.prove(2);
    }, 60_000);
    afterAll(async () => {
      await journal?.close();
      await db?.drop();
    });

    it('verifies the leaf, the path, the checkpoint root and its Ed25519 signature', async () => {
      expect(await checkInclusion(doc)).toEqual({ leafMatches: true, pathLeadsToRoot: true, signatureValid: true, checkpointNamesRoot: true, verified: true });
    });

    it('rejects a changed leaf, a changed root and a forged signature', async () => {
      expect((await checkInclusion({ ...doc, leaf: doc.leaf.replace('"ORG"', '"ORH"') })).verified).toBe(false);
      expect((await checkInclusion({ ...doc, rootHash: '00'.repeat(32) })).verified).toBe(false);
      const [h, p, s] = doc.checkpoint.jws.split('.');
      const forged = `${h}.${p}.${s!.startsWith('A') ? `B${s!.slice(1)}` : `A${s!.slice(1)}`}`;
      const check = await checkInclusion({ ...doc, checkpoint: { ...doc.checkpoint, jws: forged } });
      expect(check.signatureValid).toBe(false);
      expect(check.verified).toBe(false);
    });
  });
});
