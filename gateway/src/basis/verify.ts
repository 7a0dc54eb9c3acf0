/**
 * Verification of the basis (p.1, p.5, p.20, p.22): the role may use it (Appendix 1), the case exists, is open
 * and is in this user's hands, or an instruction on it is addressed to this user. Unknown and someone else's
 * case get the same answer, so nobody can probe which cases exist; CASE_CLOSED is said only of one's own case.
 * The registry being unreachable refuses the request (fail closed).
 */
import { articlesQualify, policy, roleMayUse, type Policy } from '@negiz/schema';
import type { Identity } from '../authenticate/identity.ts';
import { Refusal } from '../refusal.ts';
import { verdictCache } from '../verdict-cache.ts';
import type { BasisClaim } from './claim.ts';
import type { CaseRegistry } from './registry.ts';

export interface VerifiedBasis extends BasisClaim {
  /** Articles of the case, from the registry only (never from the client). */
  articles: readonly string[];
  /** Whether the case's articles open the article-restricted services (p.2, footnote 2). */
  articlesQualify: boolean;
}

export type BasisVerifier = (identity: Identity, claim: BasisClaim | undefined) => Promise<VerifiedBasis>;

export interface BasisVerifierOptions {
  registry: CaseRegistry;
  /**
   * The oldest a remembered positive verification may be (ms), counted from when the registry was asked.
   * Default 10 s: a closed or reassigned case, an executed instruction stops working within it. 0: the registry
   * is asked on every request. Refusals are never remembered.
   */
  cacheMs?: number;
  policy?: Policy;
  /** The cache's clock in ms (tests); default monotonic. */
  clock?: () => number;
}

const notYours = (): Refusal =>
  new Refusal(
    'BASIS_NOT_YOURS',
    'The proceeding is not in your hands (order No. 21 p.5, p.22): no open case with this number is assigned to you, and no instruction on it is addressed to you',
  );

export function createBasisVerifier(options: BasisVerifierOptions): BasisVerifier {
  const p = options.policy ?? policy();
  const verified = verdictCache<VerifiedBasis>(options.cacheMs ?? 10_000, { max: 50_000, name: 'basis', ...(options.clock ? { clock: options.clock } : {}) });

  async function consult(identity: Identity, claim: BasisClaim): Promise<VerifiedBasis> {
    const found = await options.registry.findCase(claim.type, claim.number);
    let entitled = found?.assignees.includes(identity.login) ?? false;
    if (found && claim.instruction) {
      // A named instruction must be real, on this case, addressed to the user and not yet executed (p.22),
      // even on the user's own case.
      const instruction = await options.registry.findInstruction(claim.instruction);
      // Only a status the registry reports as OPEN entitles: EXECUTED and any status this gateway does not know
      // refuse (fail closed).
      entitled = instruction?.caseNumber === claim.number && instruction.addressee === identity.login && instruction.status === 'OPEN';
    }
    if (!found || !entitled) throw notYours();
    if (found.status !== 'OPEN') {
      throw new Refusal('CASE_CLOSED', `Your ${claim.type} case is closed (order No. 21 p.1, p.5): requests need an open proceeding`);
    }
    const articles = found.articles ?? [];
    return { ...claim, articles, articlesQualify: claim.type === 'CRIMINAL' && articlesQualify(articles, p) };
  }

  return async (identity, claim) => {
    if (!claim) {
      throw new Refusal(
        'BASIS_REQUIRED',
        'Every data request needs its legal basis (order No. 21 p.1, p.20): send extensions.basis {type, number, instruction?} or the x-basis-type / x-basis-number headers',
      );
    }
    if (!roleMayUse(identity.role, claim.type, p)) {
      const column = p.basis(claim.type).column;
      throw new Refusal(
        'FORBIDDEN_BASIS_FOR_ROLE',
        `Appendix 1, row ${identity.role} (${p.roles.get(identity.role)?.name.en ?? 'unknown role'}), column ${column} (${claim.type}): this role may not request on this basis`,
        { rule: { appendix: 1, row: identity.role, column } },
      );
    }
    const key = `${identity.login}\u0000${claim.type}\u0000${claim.number}\u0000${claim.instruction ?? ''}`;
    const hit = verified.get(key);
    if (hit) return claim.reason === hit.reason ? hit : { ...hit, reason: claim.reason };
    const askedAt = verified.now();
    let result: VerifiedBasis;
    try {
      result = await consult(identity, claim);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal('BASIS_UNVERIFIABLE', 'The case registry cannot be reached, so the basis cannot be verified (order No. 21 p.5): try again later');
    }
    verified.set(key, result, { reachedAt: askedAt });
    return result;
  };
}
