import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayClaims } from '@negiz/schema';
import type { SubgraphHost } from '../src/host.ts';
import { fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const person = world.personAt(0).iin;
const company = world.legalEntityAt(0).bin;

let host: SubgraphHost;
beforeAll(async () => {
  host = await fixtureHost({ cache: { enabled: false } });
});
afterAll(() => host.close());

type Result = { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };

async function entities(slug: string, type: string, key: Record<string, string>, selection: string, claims: Partial<GatewayClaims>): Promise<Result> {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;
  return (await host.services.get(slug)!.graphql(query, { gatewayToken: await token(slug, claims) }, { r: [{ __typename: type, ...key }] })) as Result;
}

describe('the shield re-checks Appendix 2 from the signed context', () => {
  const pension = 'pensionContributions { month amount } pensionContributionsTotal';

  it('serves a truncated service in full on a basis where it is full', async () => {
    const result = await entities('s11-pension-contributions', 'Person', { iin: person }, pension, { basis: { type: 'CRIMINAL', number: '241500031000123' } });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ _entities: [{ pensionContributionsTotal: 60000 }] });
  });

  it('withholds the @truncated fields on a truncated basis, naming the footnote and not the value', async () => {
    const result = await entities('s11-pension-contributions', 'Person', { iin: person }, 'pensionContributions { month } pensionContributionsTotal', {
      basis: { type: 'ADMIN_COURT', number: '7510-2024-01-3/1234' },
    });
    expect(result.data).toEqual({
      _entities: [{ pensionContributions: [{ month: '2024-01' }, { month: '2024-02' }, { month: '2024-03' }], pensionContributionsTotal: null }],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions?.code).toBe('REDACTED');
    expect(result.errors![0]!.message).toMatch(/Appendix 2, row 11 .* column 2 \(ADMIN_COURT\), footnote 1/);
    expect(result.errors![0]!.path).toEqual(['_entities', 0, 'pensionContributionsTotal']);
    expect(JSON.stringify(result)).not.toContain('60000');

    const amounts = await entities('s11-pension-contributions', 'Person', { iin: person }, pension, {
      basis: { type: 'CIVIL', number: '7510-2024-02-2/5678' },
    });
    expect(amounts.errors!.every((e) => e.extensions?.code === 'REDACTED')).toBe(true);
    expect(JSON.stringify(amounts)).not.toMatch(/1000\d|"amount":\d/);
  });

  it('denies a service on a basis where Appendix 2 says none', async () => {
    const result = await entities('s37-counter-audits', 'LegalEntity', { bin: company }, 'counterAudits { actNumber }', {
      basis: { type: 'ADMIN_COURT', number: '7510-2024-01-3/1234' },
    });
    expect(result.data).toEqual({ _entities: [null] });
    expect(result.errors![0]!.extensions?.code).toBe('FORBIDDEN_SERVICE_FOR_BASIS');
    expect(result.errors![0]!.message).toMatch(/Appendix 2, row 37 .* column 2 \(ADMIN_COURT\): not allowed/);
    expect(result.errors![0]!.message).not.toContain('Not Authorised');
  });

  it('opens a tax-authority service only when the case articles qualify', async () => {
    const criminal = { basis: { type: 'CRIMINAL' as const, number: '241500031000123' } };
    const refused = await entities('s37-counter-audits', 'LegalEntity', { bin: company }, 'counterAudits { actNumber }', {
      ...criminal,
      articlesQualify: false,
    });
    expect(refused.errors![0]!.extensions?.code).toBe('FORBIDDEN_ARTICLE_FOR_SERVICE');
    const served = await entities('s37-counter-audits', 'LegalEntity', { bin: company }, 'counterAudits { actNumber }', { ...criminal, articlesQualify: true });
    expect(served.errors).toBeUndefined();
    expect(served.data).toEqual({ _entities: [{ counterAudits: [{ actNumber: `CA-${company.slice(-4)}` }] }] });
  });

  it('re-checks Appendix 1: a role may not use a basis it is not entitled to', async () => {
    // Role 16 (bailiffs) has only ENFORCEMENT.
    const result = await entities('s05-vehicles', 'Person', { iin: person }, 'vehicles { plate }', {
      role: 16,
      basis: { type: 'CRIMINAL', number: '241500031000123' },
    });
    expect(result.errors![0]!.extensions?.code).toBe('FORBIDDEN_BASIS_FOR_ROLE');
  });

  it('guards root lookups too', async () => {
    const vin = world.vehiclesOf({ iin: person })[0]!.vin;
    const query = `{ vehicle(vin: "${vin}") { plate } }`;
    const served = (await host.services.get('s05-vehicles')!.graphql(query, { gatewayToken: await token('s05-vehicles') })) as Result;
    expect(served.data).toEqual({ vehicle: { plate: world.vehicle(vin)!.plate } });
    const refused = (await host.services.get('s05-vehicles')!.graphql(query, { gatewayToken: await token('s05-vehicles', { role: 20 }) })) as Result;
    expect(refused.data).toEqual({ vehicle: null });
    expect(refused.errors![0]!.extensions?.code).toBe('FORBIDDEN_BASIS_FOR_ROLE');
  });
});
