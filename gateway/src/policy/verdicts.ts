/**
 * Appendix 2 for one outcome of the basis stage: each service's decision for a role, a basis and whether the
 * case's articles qualify. There are at most 21 x 6 x 2 such outcomes, each computed once.
 */
import { decide, policy, type BasisCode, type Decision, type Policy } from '@negiz/schema';

export interface Outcome {
  role: number;
  basis: BasisCode;
  articlesQualify: boolean;
}

export type Verdicts = (service: number) => Decision;

export function outcomeKey(o: Outcome): string {
  return `${o.role}:${o.basis}:${o.articlesQualify ? 1 : 0}`;
}

export function verdictsFor(p: Policy = policy()): (outcome: Outcome) => Verdicts {
  // decide() reads the case's articles; a qualifying (or no) article stands for the outcome.
  const first = p.articleRestriction.articles[0]!;
  const byOutcome = new Map<string, Verdicts>();
  return (outcome) => {
    const key = outcomeKey(outcome);
    let verdicts = byOutcome.get(key);
    if (!verdicts) {
      const decisions = new Map<number, Decision>();
      const articles = outcome.articlesQualify ? [String(first.from)] : [];
      verdicts = (service) => {
        let d = decisions.get(service);
        if (!d) decisions.set(service, (d = decide(outcome.role, outcome.basis, service, { articles }, p)));
        return d;
      };
      byOutcome.set(key, verdicts);
    }
    return verdicts;
  };
}
