import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { serviceCoordinates } from '../../src/catalogue.ts';
import { mockSource } from '../../src/source/mock.ts';
import { employmentContracts } from '../s14-labour-market/index.ts';
import pensions from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(pensions, mockSource(pensions, world));

type Row = { period: string; paidOn: string; kind: string; amount: number; payerBin: string };
const QUERY =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { iin pensionContributionsTotal pensionContributions { period paidOn kind amount payerBin } } } }';
const persons = Array.from({ length: 150 }, (_, i) => world.personAt(i));

async function contributions() {
  const result = await graphql({ schema, source: QUERY, variableValues: { r: persons.map((p) => ({ __typename: 'Person', iin: p.iin })) }, contextValue: {} });
  expect(result.errors).toBeUndefined();
  return (result.data?._entities as Array<{ iin: string; pensionContributionsTotal: number | null; pensionContributions: Row[] }>).filter(
    (e) => e.pensionContributions.length,
  );
}

describe('s11 pension contributions', () => {
  it('marks exactly the amount and the total @truncated (Appendix 2, footnote 1)', () => {
    expect(serviceCoordinates(pensions).truncated.sort()).toEqual(['PensionContribution.amount', 'Person.pensionContributionsTotal']);
  });

  it('comes from the employers and salaries of the labour market register (service 14)', async () => {
    const people = await contributions();
    expect(people.length).toBeGreaterThan(persons.length * 0.2);
    for (const person of people) {
      const contracts = employmentContracts(person.iin, world);
      for (const row of person.pensionContributions) {
        const contract = contracts.find(
          (c) => c.employerBin === row.payerBin && c.startedOn.slice(0, 7) <= row.period.slice(0, 7) && (c.endedOn === null || c.endedOn >= row.period),
        );
        expect(contract, `${row.period} paid by an employer without a contract`).toBeDefined();
        if (row.kind === 'MANDATORY') expect(row.amount).toBeCloseTo(contract!.monthlySalaryKzt * 0.1, 2);
        expect(row.paidOn > row.period && row.paidOn <= '2026-11-01').toBe(true);
      }
    }
  });

  it('totals the contributions listed, newest first', async () => {
    for (const person of await contributions()) {
      const sum = person.pensionContributions.reduce((s, r) => s + r.amount, 0);
      expect(person.pensionContributionsTotal).toBeCloseTo(sum, 2);
      const periods = person.pensionContributions.map((r) => r.period);
      expect(periods).toEqual([...periods].sort().reverse());
    }
  });
});
