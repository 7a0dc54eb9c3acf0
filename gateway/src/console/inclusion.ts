/**
 * RFC 9162 inclusion check with WebCrypto, for the browser (the console verifies each receipt in the page) and
 * Node alike: the leaf bytes hash to the receipt's leaf hash, the audit path leads to the checkpoint's root, and
 * the checkpoint's JWS (EdDSA, Ed25519) is signed by the journal's key and names that root and tree size.
 */

/** What /reports/proof answers (the journal's InclusionProofDocument), as the page receives it. */
export interface ProofDocument {
  entryId: number;
  leafHash: string;
  leaf: string;
  treeSize: number;
  rootHash: string;
  auditPath: string[];
  checkpoint: { id: number; signedAt: string; jws: string };
  publicKey: { kty?: string; crv?: string; x?: string };
}

export interface InclusionCheck {
  leafMatches: boolean;
  pathLeadsToRoot: boolean;
  /** undefined when this browser's WebCrypto has no Ed25519. */
  signatureValid: boolean | undefined;
  checkpointNamesRoot: boolean;
  verified: boolean;
}

const hex = (bytes: ArrayBuffer | Uint8Array): string => [...new Uint8Array(bytes as ArrayBuffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
type Bytes = Uint8Array<ArrayBuffer>;
const fromHex = (text: string): Bytes => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));
const fromBase64Url = (text: string): Bytes => {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};

async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}

export async function leafHashOf(leaf: string): Promise<string> {
  return hex(await sha256(new Uint8Array([0]), new TextEncoder().encode(leaf)));
}

/** RFC 9162 2.1.3.2: the root the audit path leads to from the leaf hash, or undefined if the path is malformed. */
export async function rootFromPath(leafHash: string, index: number, size: number, path: readonly string[]): Promise<string | undefined> {
  if (index < 0 || index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = fromHex(leafHash);
  const one = new Uint8Array([1]);
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(one, fromHex(p), r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await sha256(one, r, fromHex(p));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? hex(r) : undefined;
}

async function checkSignature(jws: string, publicKey: ProofDocument['publicKey']): Promise<boolean | undefined> {
  const [header, payload, signature] = jws.split('.');
  if (!header || !payload || !signature) return false;
  const key = await crypto.subtle
    .importKey('jwk', { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x }, { name: 'Ed25519' }, false, ['verify'])
    .catch(() => undefined);
  if (!key) return undefined;
  return crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64Url(signature), new TextEncoder().encode(`${header}.${payload}`));
}

export async function checkInclusion(doc: ProofDocument): Promise<InclusionCheck> {
  const leafMatches = (await leafHashOf(doc.leaf)) === doc.leafHash;
  const root = await rootFromPath(doc.leafHash, doc.entryId, doc.treeSize, doc.auditPath);
  const pathLeadsToRoot = root !== undefined && root === doc.rootHash;
  const signatureValid = await checkSignature(doc.checkpoint.jws, doc.publicKey);
  let checkpointNamesRoot = false;
  try {
    const payload = JSON.parse(new TextDecoder().decode(fromBase64Url(doc.checkpoint.jws.split('.')[1] ?? ''))) as { treeSize?: unknown; rootHash?: unknown };
    checkpointNamesRoot = payload.treeSize === doc.treeSize && payload.rootHash === doc.rootHash;
  } catch {
    checkpointNamesRoot = false;
  }
  return {
    leafMatches,
    pathLeadsToRoot,
    signatureValid,
    checkpointNamesRoot,
    verified: leafMatches && pathLeadsToRoot && checkpointNamesRoot && signatureValid !== false,
  };
}
