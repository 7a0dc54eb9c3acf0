import { Command, InvalidArgumentError } from 'commander';
import { BASIS_CODES, decide, policy, policyMatrix, type BasisCode } from '@negiz/schema';

function roleNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || !policy().roles.has(n)) throw new InvalidArgumentError(`expected a role number 1-${policy().roles.size}`);
  return n;
}

function basisCode(value: string): BasisCode {
  const code = value.toUpperCase();
  if (!(BASIS_CODES as readonly string[]).includes(code)) throw new InvalidArgumentError(`expected one of ${BASIS_CODES.join(', ')}`);
  return code as BasisCode;
}

function articleRef(value: string): string {
  if (!/^\d{1,4}([-.]\d+)?/.test(value)) throw new InvalidArgumentError('expected a Criminal Code article number, e.g. 245 or 217-1');
  return value;
}

const ACCESS_LABEL = { full: 'full', truncated: 'truncated', denied: 'DENIED' } as const;

/** A readable table of what one role sees on one basis, service by service (the order's two appendices applied). */
export function explain(role: number, basis: BasisCode, article?: string): string {
  const p = policy();
  const roleRow = p.roles.get(role)!;
  const lines = [`Role ${role} (${roleRow.name.en}) on basis ${basis} (${p.basis(basis).name.en})${article ? `, article ${article}` : ''}`];
  if (!roleRow.bases.includes(basis)) {
    lines.push(decide(role, basis, 1).reason);
    lines.push(`Bases this role may use: ${roleRow.bases.join(', ') || 'none'}`);
    return lines.join('\n');
  }
  const rows = [...p.services.values()].map((s) => {
    const d = decide(role, basis, s.number, { articles: article ? [article] : [] });
    const rule = `App.${d.rule.appendix} r${d.rule.row} c${d.rule.column}${d.rule.note ? ` (${d.rule.note})` : ''}`;
    const detail = d.withheldFields.length
      ? `withheld: ${d.withheldFields.join(', ')}`
      : d.code === 'FORBIDDEN_ARTICLE_FOR_SERVICE'
        ? 'Chapter 8 articles only'
        : '';
    return [String(s.number).padStart(2), s.slug.padEnd(34), ACCESS_LABEL[d.access].padEnd(9), rule, detail].filter(Boolean).join('  ');
  });
  const counts = { full: 0, truncated: 0, denied: 0 };
  for (const s of p.services.values()) counts[decide(role, basis, s.number, { articles: article ? [article] : [] }).access] += 1;
  lines.push(
    `${counts.full} full, ${counts.truncated} truncated, ${counts.denied} denied`,
    '',
    ' #  service                             access     rule',
    ...rows,
  );
  return lines.join('\n');
}

export function registerPolicyCommands(program: Command): void {
  const cmd = program.command('policy').description('the policy of the order: Appendix 1 (role x basis) and Appendix 2 (service x basis)');
  cmd
    .command('matrix')
    .description('print both appendices: bases, roles with their bases, services with their access per basis')
    .option('--json', 'machine-readable JSON (the only format)', true)
    .action(() => {
      console.log(JSON.stringify(policyMatrix(), null, 2));
    });
  cmd
    .command('explain')
    .description('what a role may see on a basis, service by service, with the rule of the order')
    .requiredOption('--role <n>', 'role number of Appendix 1 (1-21)', roleNumber)
    .requiredOption('--basis <BASIS>', `legal basis: ${BASIS_CODES.join(', ')}`, basisCode)
    .option('--article <n>', 'Criminal Code article of the case (for the article-restricted tax services)', articleRef)
    .option('--json', 'the decisions as JSON')
    .action((opts: { role: number; basis: BasisCode; article?: string; json?: boolean }) => {
      if (opts.json) {
        const decisions = [...policy().services.values()].map((s) => ({
          service: s.number,
          slug: s.slug,
          ...decide(opts.role, opts.basis, s.number, { articles: opts.article ? [opts.article] : [] }),
        }));
        console.log(JSON.stringify({ role: opts.role, basis: opts.basis, article: opts.article ?? null, decisions }, null, 2));
      } else {
        console.log(explain(opts.role, opts.basis, opts.article));
      }
    });
}
