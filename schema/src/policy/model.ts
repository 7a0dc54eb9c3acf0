import { z } from 'zod';

/** The six legal bases, the columns of Appendices 1 and 2 in the order's column order. */
export const BASIS_CODES = ['CRIMINAL', 'ADMIN_COURT', 'ADMIN_OFFENCE', 'CIVIL', 'ENFORCEMENT', 'SEARCH'] as const;
export const basisCode = z.enum(BASIS_CODES);
export type BasisCode = z.infer<typeof basisCode>;

/** A cell of Appendix 2. */
export const ACCESS_VALUES = ['full', 'truncated', 'articles', 'none'] as const;
export const accessValue = z.enum(ACCESS_VALUES);
export type AccessValue = z.infer<typeof accessValue>;

export const ENTITY_TYPES = ['Person', 'LegalEntity', 'Vehicle', 'Weapon'] as const;

const names = z.object({ en: z.string().min(1), kk: z.string().min(1), ru: z.string().min(1).optional() }).strict();
const typeField = z.string().regex(/^[A-Z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/, 'must be "Type.field"');

export const basisSchema = z
  .object({
    code: basisCode,
    column: z.number().int().min(1).max(6),
    name: names,
    register: z.string().min(1),
    number: z.object({ pattern: z.string().min(1), example: z.string().min(1), description: z.string().min(1) }).strict(),
    instruction: z.enum(['allowed', 'forbidden']),
  })
  .strict();

export const roleSchema = z
  .object({
    number: z.number().int().min(1),
    name: names,
    bases: z.array(basisCode),
    notes: z.partialRecord(basisCode, z.string()).optional(),
  })
  .strict();

export const serviceSchema = z
  .object({
    number: z.number().int().min(1),
    slug: z.string().regex(/^s\d{2}-[a-z0-9-]+$/, 'must look like "s05-vehicles"'),
    name: names,
    attaches: z.array(z.enum(ENTITY_TYPES)).min(1),
    access: z.partialRecord(basisCode, accessValue),
    withheld: z.array(typeField).optional(),
  })
  .strict();

export const articleRangeSchema = z
  .object({ chapter: z.number().int().positive(), from: z.number().int().positive(), to: z.number().int().positive(), title: z.string() })
  .strict()
  .refine((r) => r.from <= r.to, 'from must not exceed to');

export const articleRestrictionSchema = z.object({ reference: z.string().min(1), basis: basisCode, articles: z.array(articleRangeSchema).min(1) }).strict();

export type Basis = z.infer<typeof basisSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ArticleRestriction = z.infer<typeof articleRestrictionSchema>;

/** The whole order as loaded and validated: the single source every other package reads. */
export interface Policy {
  readonly bases: readonly Basis[];
  readonly roles: ReadonlyMap<number, Role>;
  readonly services: ReadonlyMap<number, Service>;
  readonly servicesBySlug: ReadonlyMap<string, Service>;
  readonly articleRestriction: ArticleRestriction;
  basis(code: BasisCode): Basis;
}

/** A pointer into the order: which appendix, row and column a decision rests on. */
export interface RuleRef {
  appendix: 1 | 2;
  row: number;
  column: number;
  /** A footnote or point of the order when the cell alone does not say it (articles, truncation). */
  note?: string;
}
