import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASIS_CODES, decide, policy, policyMatrix } from '../../src/index.ts';
import { readSeedTables } from '../seed-tables.ts';

const seedPath = fileURLToPath(new URL('../fixtures/order-88.seed.txt', import.meta.url));
const seed = readSeedTables(seedPath);
const p = policy();

describe('the order as data', () => {
  it('has the 6 bases, 21 roles and 93 services of the order', () => {
    expect(p.bases).toHaveLength(6);
    expect(p.roles.size).toBe(21);
    expect(p.services.size).toBe(93);
    expect(seed.roles.size).toBe(21);
    expect(seed.services.size).toBe(93);
  });

  it('keeps the committed seed identical to the shared original', () => {
    const shared = fileURLToPath(new URL('../../../../shared/seeds/001_b548f8d8ae847399.txt', import.meta.url));
    if (existsSync(shared)) expect(readFileSync(seedPath, 'utf8')).toBe(readFileSync(shared, 'utf8'));
    expect(readFileSync(seedPath, 'utf8')).toContain('Сервистерге қолжетімділік құқықтары');
  });

  describe('Appendix 1 (role x basis), every cell against the seed', () => {
    for (const [role, cells] of seed.roles) {
      it(`row ${role}`, () => {
        const expected = BASIS_CODES.filter((_, column) => cells[column]);
        expect(p.roles.get(role)?.bases).toEqual(expected);
        expect(p.roles.get(role)?.name.kk).toBe(seed.roleNames.get(role));
      });
    }
  });

  describe('Appendix 2 (service x basis), every cell against the seed', () => {
    for (const [service, cells] of seed.services) {
      it(`row ${service}`, () => {
        const row = p.services.get(service);
        expect(BASIS_CODES.map((code) => row?.access[code])).toEqual(cells);
        expect(row?.name.kk.replace(/\s+/g, ' ')).toBe(seed.serviceNames.get(service));
      });
    }
  });

  it('reproduces both appendices in the matrix JSON', () => {
    const matrix = policyMatrix();
    expect(matrix.bases).toEqual([...BASIS_CODES]);
    for (const [role, cells] of seed.roles) expect(matrix.roles[String(role)]!.bases).toEqual(BASIS_CODES.filter((_, c) => cells[c]));
    for (const [service, cells] of seed.services) expect(BASIS_CODES.map((code) => matrix.services[String(service)]!.access[code])).toEqual(cells);
  });

  it('the services of the tax authority are the article-restricted ones (p.2): 37-40 and 70-74', () => {
    const restricted = [...p.services.values()].filter((s) => Object.values(s.access).includes('articles')).map((s) => s.number);
    expect(restricted).toEqual([37, 38, 39, 40, 70, 71, 72, 73, 74]);
  });

  it('service 11 is the only truncated one and withholds the contribution amounts (footnote 1)', () => {
    const truncated = [...p.services.values()].filter((s) => Object.values(s.access).includes('truncated'));
    expect(truncated.map((s) => s.number)).toEqual([11]);
    expect(truncated[0]!.withheld).toEqual(['PensionContribution.amount', 'Person.pensionContributionsTotal']);
  });
});

describe('decide() over every role, basis and service', () => {
  const chapter8 = { articles: ['245'] };
  const other = { articles: ['188'] };
  for (const [role, roleCells] of seed.roles) {
    it(`role ${role}`, () => {
      BASIS_CODES.forEach((basis, column) => {
        for (const [service, cells] of seed.services) {
          const cell = cells[column]!;
          for (const facts of [chapter8, other]) {
            const decision = decide(role, basis, service, facts);
            const expected = !roleCells[column]
              ? 'denied'
              : cell === 'full'
                ? 'full'
                : cell === 'truncated'
                  ? 'truncated'
                  : cell === 'articles' && facts === chapter8
                    ? 'full'
                    : 'denied';
            expect(decision.access, `role ${role} ${basis} service ${service} ${facts.articles[0]}`).toBe(expected);
            if (!roleCells[column]) expect(decision.rule).toEqual({ appendix: 1, row: role, column: column + 1 });
            else expect(decision.rule).toMatchObject({ appendix: 2, row: service, column: column + 1 });
          }
        }
      });
    });
  }
});
