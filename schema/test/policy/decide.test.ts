import { describe, expect, it } from 'vitest';
import { articleNumber, articlesQualify, decide, roleMayUse } from '../../src/index.ts';

describe('decide', () => {
  it('grants a tax-authority service only on a criminal case under Chapter 8 (articles 214-249)', () => {
    expect(decide(3, 'CRIMINAL', 38, { articles: ['214'] }).access).toBe('full');
    expect(decide(3, 'CRIMINAL', 38, { articles: ['249 ч.2'] }).access).toBe('full');
    expect(decide(3, 'CRIMINAL', 38, { articles: ['213'] })).toMatchObject({ access: 'denied', code: 'FORBIDDEN_ARTICLE_FOR_SERVICE' });
    expect(decide(3, 'CRIMINAL', 38, { articles: ['250'] }).access).toBe('denied');
    expect(decide(3, 'CRIMINAL', 38, {}).access).toBe('denied');
    expect(decide(3, 'ADMIN_OFFENCE', 38, { articles: ['245'] })).toMatchObject({ access: 'denied', code: 'FORBIDDEN_SERVICE_FOR_BASIS' });
  });

  it('names the rule of the order in a denial', () => {
    const d = decide(16, 'ENFORCEMENT', 90);
    expect(d).toMatchObject({ access: 'denied', code: 'FORBIDDEN_SERVICE_FOR_BASIS', rule: { appendix: 2, row: 90, column: 5 } });
    expect(d.reason).toContain('Appendix 2, row 90');
    expect(decide(20, 'CRIMINAL', 1)).toMatchObject({ code: 'FORBIDDEN_BASIS_FOR_ROLE', rule: { appendix: 1, row: 20, column: 1 } });
  });

  it('lists withheld fields only for a truncated cell', () => {
    expect(decide(2, 'CIVIL', 11).withheldFields).toEqual(['PensionContribution.amount', 'Person.pensionContributionsTotal']);
    expect(decide(2, 'CRIMINAL', 11).withheldFields).toEqual([]);
  });

  it('rejects unknown roles and services rather than guessing', () => {
    expect(() => decide(22, 'CRIMINAL', 1)).toThrow(/unknown role 22/);
    expect(() => decide(1, 'CRIMINAL', 94)).toThrow(/unknown service 94/);
  });

  it('reads article numbers with parts and suffixes', () => {
    expect(articleNumber('217-1')).toBe(217);
    expect(articleNumber(' 190 ч.2')).toBe(190);
    expect(articleNumber('ст.')).toBeUndefined();
    expect(articlesQualify(['100', '230'])).toBe(true);
    expect(roleMayUse(21, 'SEARCH')).toBe(true);
    expect(roleMayUse(21, 'CRIMINAL')).toBe(false);
  });
});
