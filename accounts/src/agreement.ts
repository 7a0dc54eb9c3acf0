/**
 * The user agreement in force (Appendix 6): its version and the SHA-256 of its text, from schema/agreement/. A
 * user accepts by signing {version, textHash} with their own key; a new version needs a new acceptance.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

export const DEFAULT_AGREEMENT_DIR = new URL('../../schema/agreement/', import.meta.url);

export interface Agreement {
  version: string;
  /** Hex SHA-256 of the text's bytes. */
  textHash: string;
  text: string;
}

const manifest = z.object({ version: z.string().min(1), file: z.string().min(1), textHash: z.string().regex(/^[0-9a-f]{64}$/) });

export function loadAgreement(dir: URL = DEFAULT_AGREEMENT_DIR): Agreement {
  const meta = manifest.parse(parse(readFileSync(new URL('agreement.yaml', dir), 'utf8')));
  const text = readFileSync(new URL(meta.file, dir), 'utf8');
  const textHash = createHash('sha256').update(text).digest('hex');
  // A text edited without a new hash (and so without a new version) would be accepted under an old signature.
  if (textHash !== meta.textHash) throw new Error(`agreement: ${meta.file} does not match the textHash of agreement.yaml (a changed text needs a new version)`);
  return { version: meta.version, textHash, text };
}
