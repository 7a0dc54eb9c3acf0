import { describe, expect, it } from 'vitest';
import { BASIS_CODES, policy } from '@negiz/schema';
import { negiz } from './run-negiz.ts';

describe('negiz policy', () => {
  it('matrix --json prints both appendices in the documented shape', async () => {
    const run = await negiz(['policy', 'matrix', '--json']);
    expect(run.code).toBe(0);
    const matrix = JSON.parse(run.stdout);
    expect(matrix.bases).toEqual([...BASIS_CODES]);
    expect(Object.keys(matrix.roles)).toHaveLength(21);
    expect(Object.keys(matrix.services)).toHaveLength(93);
    expect(matrix.roles['16']).toEqual({ name: 'Bailiff (enforcement officer)', bases: ['ENFORCEMENT'] });
    expect(matrix.services['11']).toEqual({
      slug: 's11-pension-contributions',
      name: 'Pension contributions',
      access: { CRIMINAL: 'full', ADMIN_COURT: 'truncated', ADMIN_OFFENCE: 'truncated', CIVIL: 'truncated', ENFORCEMENT: 'full', SEARCH: 'full' },
    });
    for (const s of policy().services.values()) expect(matrix.services[String(s.number)].access).toEqual(s.access);
  });

  it('explain prints a table with the rule of every service', async () => {
    const run = await negiz(['policy', 'explain', '--role', '2', '--basis', 'CIVIL']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Role 2 \(Judge\) on basis CIVIL/);
    expect(run.stdout).toContain('63 full, 1 truncated, 29 denied');
    expect(run.stdout).toMatch(/11 {2}s11-pension-contributions +truncated +App\.2 r11 c4/);
    expect(run.stdout).toMatch(/90 {2}s90-bank-accounts +DENIED +App\.2 r90 c4/);
  });

  it('explain takes the article into account for the tax-authority services', async () => {
    const withArticle = await negiz(['policy', 'explain', '--role', '3', '--basis', 'CRIMINAL', '--article', '245', '--json']);
    const without = await negiz(['policy', 'explain', '--role', '3', '--basis', 'CRIMINAL', '--json']);
    const access = (out: string, n: number) => JSON.parse(out).decisions.find((d: { service: number }) => d.service === n).access;
    expect(access(withArticle.stdout, 37)).toBe('full');
    expect(access(without.stdout, 37)).toBe('denied');
  });

  it('explain says when the role may not use the basis at all', async () => {
    const run = await negiz(['policy', 'explain', '--role', '16', '--basis', 'CRIMINAL']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Appendix 1, row 16');
    expect(run.stdout).toContain('Bases this role may use: ENFORCEMENT');
  });

  it('fails with a one-line error on bad arguments', async () => {
    for (const args of [
      ['policy', 'explain', '--role', '22', '--basis', 'CRIMINAL'],
      ['policy', 'explain', '--role', '3', '--basis', 'MURDER'],
      ['policy', 'explain', '--role', '3'],
      ['policy', 'nonsense'],
    ]) {
      const run = await negiz(args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('has --help on every command', async () => {
    for (const args of [['--help'], ['policy', '--help'], ['policy', 'matrix', '--help'], ['policy', 'explain', '--help']]) {
      const run = await negiz(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: negiz');
    }
  });
});
