import type { Code } from '../codes.ts';
import { policy as shippedPolicy } from './load.ts';
import type { BasisCode, Policy, RuleRef } from './model.ts';

/** What the registry says about the proceeding, never what the client claims. */
export interface CaseFacts {
  /** Criminal Code articles of the case (e.g. "245", "217-1", "190 ч.2"), from the case register. */
  articles?: readonly string[];
}

export type Access = 'full' | 'truncated' | 'denied';

/** Stable refusal codes a decision can carry (registered codes, also used in GraphQL errors' extensions.code). */
export type DenialCode = Extract<Code, 'FORBIDDEN_BASIS_FOR_ROLE' | 'FORBIDDEN_SERVICE_FOR_BASIS' | 'FORBIDDEN_ARTICLE_FOR_SERVICE'>;

export interface Decision {
  access: Access;
  rule: RuleRef;
  /** `Type.field` coordinates withheld on a truncated service (empty otherwise). */
  withheldFields: readonly string[];
  /** Why access is denied; absent when access is granted. */
  code?: DenialCode;
  /** A human sentence pointing at the rule of the order. */
  reason: string;
}

/** The main article number of an article reference: "245" -> 245, "217-1" -> 217, "190 ч.2" -> 190. */
export function articleNumber(article: string): number | undefined {
  const match = /^\s*(\d{1,4})/.exec(article);
  return match ? Number(match[1]) : undefined;
}

/** Whether any article of the case falls in the operator's configured list (p.2, footnote 2). */
export function articlesQualify(articles: readonly string[] | undefined, p: Policy = shippedPolicy()): boolean {
  if (!articles?.length) return false;
  return articles.some((a) => {
    const n = articleNumber(a);
    return n !== undefined && p.articleRestriction.articles.some((r) => n >= r.from && n <= r.to);
  });
}

/** Appendix 1: may this role use this basis at all? */
export function roleMayUse(role: number, basis: BasisCode, p: Policy = shippedPolicy()): boolean {
  return p.roles.get(role)?.bases.includes(basis) ?? false;
}

/**
 * The order's answer for one role, basis and service: Appendix 1 first (role x basis), then Appendix 2
 * (service x basis), then the article restriction of the tax authority's services.
 */
export function decide(role: number, basis: BasisCode, service: number, caseFacts: CaseFacts = {}, p: Policy = shippedPolicy()): Decision {
  const column = p.basis(basis).column;
  const roleRow = p.roles.get(role);
  if (!roleRow) throw new RangeError(`unknown role ${role}: Appendix 1 has roles 1-${p.roles.size}`);
  const serviceRow = p.services.get(service);
  if (!serviceRow) throw new RangeError(`unknown service ${service}: Appendix 2 has services 1-${p.services.size}`);

  if (!roleRow.bases.includes(basis)) {
    return {
      access: 'denied',
      code: 'FORBIDDEN_BASIS_FOR_ROLE',
      rule: { appendix: 1, row: role, column },
      withheldFields: [],
      reason: `Appendix 1, row ${role} (${roleRow.name.en}), column ${column} (${basis}): this role may not request on this basis`,
    };
  }
  const cell = serviceRow.access[basis];
  const rule: RuleRef = { appendix: 2, row: service, column };
  const where = `Appendix 2, row ${service} (${serviceRow.name.en}), column ${column} (${basis})`;
  switch (cell) {
    case 'full':
      return { access: 'full', rule, withheldFields: [], reason: `${where}: allowed` };
    case 'truncated':
      return {
        access: 'truncated',
        rule: { ...rule, note: 'Appendix 2, footnote 1' },
        withheldFields: serviceRow.withheld ?? [],
        reason: `${where}: allowed in truncated form (footnote 1); withheld: ${(serviceRow.withheld ?? []).join(', ')}`,
      };
    case 'articles': {
      const note = p.articleRestriction.reference;
      if (articlesQualify(caseFacts.articles, p)) {
        return {
          access: 'full',
          rule: { ...rule, note },
          withheldFields: [],
          reason: `${where}: allowed, the case's article is in the configured list (${note})`,
        };
      }
      return {
        access: 'denied',
        code: 'FORBIDDEN_ARTICLE_FOR_SERVICE',
        rule: { ...rule, note },
        withheldFields: [],
        reason: `${where}: only for criminal cases under the configured articles (${note})`,
      };
    }
    default:
      return { access: 'denied', code: 'FORBIDDEN_SERVICE_FOR_BASIS', rule, withheldFields: [], reason: `${where}: not allowed` };
  }
}
