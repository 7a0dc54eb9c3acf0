import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES, codeEntry, isCode, STAGES, type CodeEntry } from '../src/codes.ts';
import { withCodesTable } from '../src/codes-table.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['gateway/src', 'journal/src', 'accounts/src', 'subgraphs/src', 'schema/src'];
/** The register itself and its table name every code: they are not uses. */
const REGISTER = new Set(['schema/src/codes.ts', 'schema/src/codes-table.ts']);
/**
 * Codes that are no answer of the system: `negiz journal prove` fails with them on the command line (ProofError),
 * never over HTTP.
 */
const NOT_ANSWERS = new Set(['ENTRY_NOT_FOUND', 'NOT_CHECKPOINTED', 'CHECKPOINT_INVALID']);

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const files = SOURCES.flatMap(tsFiles)
  .filter((f) => !REGISTER.has(f))
  .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

const CODE = `'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'`;
/** The places a literal is passed as a code: refusals, subgraph and input errors, `code:` members. */
const CODE_SITES = [
  new RegExp(`Refusal\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\brefuse\\(\\s*${CODE}`, 'g'),
  new RegExp(`subgraphError\\(\\s*${CODE}`, 'g'),
  new RegExp(`inputError\\(\\s*${CODE}`, 'g'),
  new RegExp(`checkedString\\(\\s*'[^']*',\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode\\s*:\\s*${CODE}`, 'g'),
  new RegExp(`${CODE}\\s+satisfies\\s+\\w*Code\\b`, 'g'),
];

function codesAtSites(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { path, text } of files) {
    for (const site of CODE_SITES) {
      for (const match of text.matchAll(site)) {
        const code = match[1]!;
        found.set(code, [...(found.get(code) ?? []), path]);
      }
    }
  }
  return found;
}

/** GitHub's anchors of a Markdown file: its headings' slugs and explicit `<a id>`s. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(
      heading!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"/g)) out.add(id!);
  return out;
}

describe('the register of codes', () => {
  it('docs/api.md holds the table the register generates (npm run docs:codes)', () => {
    const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
    expect(doc).toBe(withCodesTable(doc));
    for (const code of Object.keys(CODES)) expect(doc, code).toContain(`\`${code}\``);
  });

  it('every code passed in the source tree is registered', () => {
    const found = codesAtSites();
    // The scan must see the refusal sites, or it proves nothing.
    expect(found.size).toBeGreaterThan(30);
    for (const code of ['BASIS_NOT_YOURS', 'PERSISTED_QUERY_NOT_FOUND', 'GATEWAY_CONTEXT_REQUIRED', 'REDACTED', 'INVALID_DATE']) {
      expect(found.has(code), `${code} found at its site`).toBe(true);
    }
    const unregistered = [...found].filter(([code]) => !isCode(code) && !NOT_ANSWERS.has(code)).map(([code, where]) => `${code} (${where.join(', ')})`);
    expect(unregistered).toEqual([]);
  });

  it('every registered code is used in the source tree, unless Apollo answers it', () => {
    const dead = Object.entries(CODES as Record<string, CodeEntry>)
      .filter(([code, entry]) => !entry.apollo && !files.some((f) => f.text.includes(`'${code}'`)))
      .map(([code]) => code);
    expect(dead).toEqual([]);
  });

  it('each entry is coherent: its default status among the allowed, known stages, a docs anchor that exists', () => {
    const docs = new Map<string, Set<string>>();
    for (const [code, entry] of Object.entries(CODES as Record<string, CodeEntry>)) {
      if (entry.statuses) {
        expect(entry.statuses[0], code).toBe(entry.status);
        expect(new Set(entry.statuses).size, code).toBe(entry.statuses.length);
      }
      for (const stage of entry.stages) expect(STAGES, code).toContain(stage);
      expect(entry.message.length, code).toBeGreaterThan(10);
      expect(entry.rule, code).not.toBe('');
      const [file, anchor] = entry.docs.split('#');
      if (!docs.has(file!)) docs.set(file!, anchors(readFileSync(join(ROOT, 'docs', file!), 'utf8')));
      expect(docs.get(file!)!.has(anchor!), `${code}: docs/${entry.docs}`).toBe(true);
    }
  });

  it('codeEntry answers the entry of a code and refuses an unregistered one', () => {
    expect(codeEntry('RATE_LIMITED')).toMatchObject({ status: 429, stages: ['clients'] });
    expect(() => codeEntry('NOT_A_CODE' as never)).toThrow(/Unregistered code NOT_A_CODE/);
    expect(isCode('toString')).toBe(false);
  });
});
