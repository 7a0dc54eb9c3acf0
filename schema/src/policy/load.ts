import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  BASIS_CODES,
  articleRestrictionSchema,
  basisSchema,
  roleSchema,
  serviceSchema,
  type Basis,
  type BasisCode,
  type Policy,
  type Role,
  type Service,
} from './model.ts';

/** The folder holding the reviewable policy data files. */
export const POLICY_DIR = fileURLToPath(new URL('../../policy/', import.meta.url));

/** A policy data file that is not what the order says it must be. The message names file, row and problem. */
export class PolicyDataError extends Error {
  override name = 'PolicyDataError';
}

function readYaml(dir: string, file: string): unknown {
  const path = `${dir}/${file}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyDataError(`${file}: cannot read (${(error as Error).message})`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new PolicyDataError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Validate a list under `key`, reporting the row (its `number`/`code` where present) and the field at fault. */
function rows<T>(file: string, doc: unknown, key: string, schema: z.ZodType<T>): T[] {
  const list = (doc as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) throw new PolicyDataError(`${file}: expected a list under "${key}"`);
  return list.map((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) return result.data;
    const id = (row as { number?: unknown; code?: unknown })?.number ?? (row as { code?: unknown })?.code;
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` field "${issue.path.join('.')}"` : '';
    throw new PolicyDataError(`${file}: row ${index + 1}${id !== undefined ? ` (${String(id)})` : ''}:${where} ${issue.message}`);
  });
}

function unique<T>(file: string, items: readonly T[], key: (item: T) => string | number, what: string): void {
  const seen = new Set<string | number>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new PolicyDataError(`${file}: duplicate ${what} ${String(k)}`);
    seen.add(k);
  }
}

function consecutive(file: string, numbers: readonly number[], what: string): void {
  numbers.forEach((n, i) => {
    if (n !== i + 1) throw new PolicyDataError(`${file}: row ${i + 1}: ${what} number ${n} is out of order (expected ${i + 1})`);
  });
}

/** Load and cross-check the order's data. Throws PolicyDataError naming the file and row on any problem. */
export function loadPolicy(dir: string = POLICY_DIR): Policy {
  const bases = rows('bases.yaml', readYaml(dir, 'bases.yaml'), 'bases', basisSchema);
  const roles = rows('roles.yaml', readYaml(dir, 'roles.yaml'), 'roles', roleSchema);
  const services = rows('services.yaml', readYaml(dir, 'services.yaml'), 'services', serviceSchema);
  const articleDoc = readYaml(dir, 'articles.yaml') as { articleRestriction?: unknown } | null;
  const parsedArticles = articleRestrictionSchema.safeParse(articleDoc?.articleRestriction);
  if (!parsedArticles.success) {
    const issue = parsedArticles.error.issues[0]!;
    throw new PolicyDataError(`articles.yaml: articleRestriction.${issue.path.join('.')}: ${issue.message}`);
  }

  unique('bases.yaml', bases, (b) => b.code, 'basis');
  if (bases.length !== BASIS_CODES.length) throw new PolicyDataError(`bases.yaml: expected ${BASIS_CODES.length} bases, found ${bases.length}`);
  bases.forEach((b, i) => {
    if (b.column !== i + 1) throw new PolicyDataError(`bases.yaml: row ${i + 1} (${b.code}): column ${b.column} out of order`);
    try {
      new RegExp(b.number.pattern);
    } catch {
      throw new PolicyDataError(`bases.yaml: row ${i + 1} (${b.code}): number.pattern is not a valid regular expression`);
    }
    if (!new RegExp(b.number.pattern).test(b.number.example)) {
      throw new PolicyDataError(`bases.yaml: row ${i + 1} (${b.code}): number.example does not match number.pattern`);
    }
  });
  consecutive(
    'roles.yaml',
    roles.map((r) => r.number),
    'role',
  );
  consecutive(
    'services.yaml',
    services.map((s) => s.number),
    'service',
  );
  unique('services.yaml', services, (s) => s.slug, 'slug');
  services.forEach((s, i) => {
    const where = `services.yaml: row ${i + 1} (${s.number})`;
    if (!s.slug.startsWith(`s${String(s.number).padStart(2, '0')}-`)) throw new PolicyDataError(`${where}: slug "${s.slug}" must start with its number`);
    for (const code of BASIS_CODES) if (!(code in s.access)) throw new PolicyDataError(`${where}: access has no value for ${code}`);
    const truncates = Object.values(s.access).includes('truncated');
    if (truncates && !s.withheld?.length) throw new PolicyDataError(`${where}: access is truncated on some basis but no withheld fields are listed`);
    if (!truncates && s.withheld?.length) throw new PolicyDataError(`${where}: withheld fields are listed but no basis is truncated`);
    for (const [code, value] of Object.entries(s.access)) {
      if (value === 'articles' && code !== parsedArticles.data.basis) {
        throw new PolicyDataError(`${where}: "articles" on ${code}, but the article restriction applies to ${parsedArticles.data.basis} only`);
      }
    }
  });

  const byCode = new Map<BasisCode, Basis>(bases.map((b) => [b.code, b]));
  return Object.freeze({
    bases: Object.freeze(bases),
    roles: new Map<number, Role>(roles.map((r) => [r.number, r])),
    services: new Map<number, Service>(services.map((s) => [s.number, s])),
    servicesBySlug: new Map<string, Service>(services.map((s) => [s.slug, s])),
    articleRestriction: parsedArticles.data,
    basis(code: BasisCode): Basis {
      const basis = byCode.get(code);
      if (!basis) throw new PolicyDataError(`unknown basis ${code}`);
      return basis;
    },
  });
}

let cached: Policy | undefined;
/** The policy of the order shipped in this repository, loaded once per process. */
export function policy(): Policy {
  cached ??= loadPolicy();
  return cached;
}
