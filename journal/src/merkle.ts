/**
 * RFC 9162 section 2.1 Merkle tree: leaf hash SHA-256(0x00 || entry), node hash SHA-256(0x01 || left || right),
 * tree heads for any size, inclusion and consistency proofs and their verification (section 2.1.3.2 and 2.1.4.2).
 */
import { createHash, hash } from 'node:crypto';

export type Hash = Buffer;

const LEAF = Buffer.from([0]);
/** 0x01 || left || right, filled in place: one-shot hash() of one buffer costs less than a Hash object (verify). */
const NODE_INPUT = Buffer.alloc(65, 1);

export function leafHash(entry: Uint8Array | string): Hash {
  // "\0" is the single byte 0x00 in UTF-8, so this is SHA-256(0x00 || utf8(entry)).
  if (typeof entry === 'string') return hash('sha256', `\0${entry}`, 'buffer');
  return createHash('sha256').update(LEAF).update(entry).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  if (left.length !== 32 || right.length !== 32) return createHash('sha256').update(NODE_INPUT.subarray(0, 1)).update(left).update(right).digest();
  left.copy(NODE_INPUT, 1);
  right.copy(NODE_INPUT, 33);
  return hash('sha256', NODE_INPUT, 'buffer');
}

export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** Largest power of two strictly smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[lo:hi]) over already-hashed leaves. */
export function subtreeRoot(leaves: readonly Hash[], lo = 0, hi = leaves.length): Hash {
  const n = hi - lo;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[lo]!;
  const k = split(n);
  return nodeHash(subtreeRoot(leaves, lo, lo + k), subtreeRoot(leaves, lo + k, hi));
}

/** PATH(m, D[lo:hi]) of RFC 9162 2.1.3.1. */
export function inclusionProof(leaves: readonly Hash[], index: number, size = leaves.length): Hash[] {
  if (index < 0 || index >= size || size > leaves.length) throw new RangeError('inclusion proof: index outside the tree');
  const path: Hash[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    const n = hi - lo;
    if (n <= 1) return;
    const k = split(n);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(subtreeRoot(leaves, lo + k, hi));
    } else {
      walk(m - k, lo + k, hi);
      path.push(subtreeRoot(leaves, lo, lo + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[0:n]) of RFC 9162 2.1.4.1. */
export function consistencyProof(leaves: readonly Hash[], oldSize: number, newSize = leaves.length): Hash[] {
  if (oldSize < 0 || oldSize > newSize || newSize > leaves.length) throw new RangeError('consistency proof: bad sizes');
  if (oldSize === 0 || oldSize === newSize) return [];
  const proof: Hash[] = [];
  const sub = (m: number, lo: number, hi: number, complete: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!complete) proof.push(subtreeRoot(leaves, lo, hi));
      return;
    }
    const k = split(n);
    if (m <= k) {
      sub(m, lo, lo + k, complete);
      proof.push(subtreeRoot(leaves, lo + k, hi));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(subtreeRoot(leaves, lo, lo + k));
    }
  };
  sub(oldSize, 0, newSize, true);
  return proof;
}

/** RFC 9162 2.1.3.2. */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2. */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  let path = [...proof];
  // If oldSize is a power of two, the old root is the first node of the path.
  if ((oldSize & (oldSize - 1)) === 0) path = [oldRoot, ...path];
  if (path.length === 0) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

/**
 * The right edge of the tree (the roots of its perfect subtrees, largest first): appending costs O(log n) and the
 * root is folded from at most log2(n) hashes, so the writer never recomputes the tree.
 */
export class MerkleFrontier {
  size: number;
  /** Perfect subtree roots, left to right, sizes decreasing powers of two matching the set bits of `size`. */
  nodes: Hash[];
  /** The last leaf appended through this frontier (unknown for one restored from a checkpoint). */
  lastLeaf: Hash | undefined;

  constructor(size = 0, nodes: Hash[] = [], lastLeaf?: Hash) {
    this.size = size;
    this.nodes = nodes;
    this.lastLeaf = lastLeaf;
  }

  static fromLeaves(leaves: readonly Hash[]): MerkleFrontier {
    const frontier = new MerkleFrontier();
    for (const leaf of leaves) frontier.append(leaf);
    return frontier;
  }

  clone(): MerkleFrontier {
    return new MerkleFrontier(this.size, [...this.nodes], this.lastLeaf);
  }

  append(leaf: Hash): void {
    let node = leaf;
    let size = this.size;
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    while (size % 2 === 1) {
      node = nodeHash(this.nodes.pop()!, node);
      size = Math.floor(size / 2);
    }
    this.nodes.push(node);
    this.size += 1;
    this.lastLeaf = leaf;
  }

  root(): Hash {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let root = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 2; i >= 0; i--) root = nodeHash(this.nodes[i]!, root);
    return root;
  }
}
