import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, leafHash, MerkleFrontier, subtreeRoot, verifyConsistency, verifyInclusion } from '../src/merkle.ts';

const leaves = Array.from({ length: 40 }, (_, i) => leafHash(`entry ${i}`));

describe('RFC 9162 Merkle tree', () => {
  it('hashes the empty tree, one leaf and two leaves as the RFC defines', () => {
    expect(subtreeRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // Test vector of RFC 6962/9162 implementations: leaf hash of the empty string.
    expect(leafHash('').toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(subtreeRoot(leaves.slice(0, 1)).equals(leaves[0]!)).toBe(true);
  });

  it('keeps the same root incrementally as by full recomputation', () => {
    const frontier = new MerkleFrontier();
    for (let n = 1; n <= leaves.length; n++) {
      frontier.append(leaves[n - 1]!);
      expect(frontier.root().equals(subtreeRoot(leaves.slice(0, n)))).toBe(true);
    }
  });

  it('verifies every inclusion proof and rejects a wrong leaf or index', () => {
    for (let size = 1; size <= leaves.length; size++) {
      const root = subtreeRoot(leaves, 0, size);
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(leaves, i, size);
        expect(verifyInclusion(leaves[i]!, i, size, proof, root)).toBe(true);
        if (size > 1) expect(verifyInclusion(leaves[(i + 1) % size]!, i, size, proof, root)).toBe(false);
      }
    }
  });

  it('verifies every consistency proof and rejects a forked history', () => {
    const forked = [...leaves];
    forked[3] = leafHash('forged');
    for (let n = 2; n <= leaves.length; n++) {
      const newRoot = subtreeRoot(leaves, 0, n);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves, m, n);
        expect(verifyConsistency(m, n, subtreeRoot(leaves, 0, m), newRoot, proof)).toBe(true);
        if (m > 3 && m < n) expect(verifyConsistency(m, n, subtreeRoot(forked, 0, m), newRoot, proof)).toBe(false);
      }
    }
  });
});
