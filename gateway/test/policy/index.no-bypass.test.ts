/**
 * No bypass of Appendix 2: aliases, fragments, inline fragments on unions, @include/@skip, variables, batches,
 * GET, federation internals, introspection, and the caches keyed by query text, interleaved.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

const B = {
  CRIMINAL: { type: 'CRIMINAL', number: '241500031000123' },
  CRIMINAL_TAX: { type: 'CRIMINAL', number: '241500031000200' },
  ADMIN_COURT: { type: 'ADMIN_COURT', number: '7510-2024-01-3/1234' },
  ADMIN_OFFENCE: { type: 'ADMIN_OFFENCE', number: '245510000123' },
  CIVIL: { type: 'CIVIL', number: '7510-2024-02-2/5678' },
} as const;

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness({ users: [{ login: 'pros', status: 'ACTIVE', role: 1 }] });
  for (const basis of Object.values(B)) {
    h.cases.cases.set(`${basis.type}:${basis.number}`, {
      type: basis.type,
      number: basis.number,
      status: 'OPEN',
      assignees: ['pros'],
      articles: basis === B.CRIMINAL_TAX ? ['245 ч.2'] : ['190'],
    });
  }
  token = await h.token({ login: 'pros', role: 1, organisation: 'GP' });
});
afterAll(() => h?.close());
beforeEach(() => {
  h.calls.length = 0;
});

type Basis = (typeof B)[keyof typeof B];
const ask = (query: string, basis: Basis, variables?: Record<string, unknown>) =>
  post(h, { query, ...(variables ? { variables } : {}), extensions: { basis } }, { authorization: `Bearer ${token}` });
const codes = (r: Awaited<ReturnType<typeof post>>) => (r.body.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);

describe('field-level rules', () => {
  it('withholds truncated fields with one REDACTED error per path (footnote 1)', async () => {
    const r = await ask(`{ person(iin: "${IIN}") { pensionContributions { period amount } pensionContributionsTotal } }`, B.ADMIN_COURT);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({
      person: {
        pensionContributions: [
          { period: '2026-01', amount: null },
          { period: '2026-02', amount: null },
        ],
        pensionContributionsTotal: null,
      },
    });
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        ['person.pensionContributionsTotal', 'REDACTED'],
        ['person.pensionContributions.0.amount', 'REDACTED'],
        ['person.pensionContributions.1.amount', 'REDACTED'],
      ]),
    );
    expect(r.body.errors).toHaveLength(3);
    expect(r.body.errors![0]!.extensions!.rule).toEqual({ appendix: 2, row: 11, column: 2, note: 'Appendix 2, footnote 1' });
    // The source was asked without the amounts.
    const s11 = h.calls.filter((c) => c.service === 's11-pension-contributions');
    expect(s11).toHaveLength(1);
    expect(s11[0]!.query).not.toMatch(/amount|Total/);
  });

  it('removes a denied service so its source is never asked (FORBIDDEN_SERVICE_FOR_BASIS)', async () => {
    const r = await ask(`{ person(iin: "${IIN}") { lastName stateEmployeeRecord { position } } }`, B.ADMIN_OFFENCE);
    expect(r.body.data).toEqual({ person: { lastName: 'Last012', stateEmployeeRecord: null } });
    expect(codes(r)).toEqual([['person.stateEmployeeRecord', 'FORBIDDEN_SERVICE_FOR_BASIS']]);
    expect(r.body.errors![0]!.extensions).toMatchObject({ rule: { appendix: 2, row: 26, column: 3 }, service: 's26-state-employee-request' });
    expect(h.calls.map((c) => c.service)).toEqual(['s01-individuals']);
  });

  it('opens an article-restricted service only for a qualifying criminal case', async () => {
    const q = `{ person(iin: "${IIN}") { counterAudits { auditNumber } } }`;
    const plain = await ask(q, B.CRIMINAL);
    expect(codes(plain)).toEqual([['person.counterAudits', 'FORBIDDEN_ARTICLE_FOR_SERVICE']]);
    const tax = await ask(q, B.CRIMINAL_TAX);
    expect(tax.body).toEqual({
      data: { person: { counterAudits: [{ auditNumber: 'CA-1' }] } },
      extensions: { journal: expect.objectContaining({ id: expect.any(String) }) },
    });
  });

  it('keeps a selection set valid when all its fields are removed, without leaking the probe', async () => {
    const r = await ask(`{ person(iin: "${IIN}") { stateEmployeeRecord { position } } }`, B.ADMIN_OFFENCE);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ person: { stateEmployeeRecord: null } });
    expect(JSON.stringify(r.body)).not.toContain('__negiz');
  });
});

describe('no bypass', () => {
  it('aliases: the error names the alias, the data is withheld', async () => {
    const r = await ask(`{ p: person(iin: "${IIN}") { job: stateEmployeeRecord { where: agency } money: pensionContributionsTotal } }`, B.ADMIN_OFFENCE);
    expect(r.body.data).toEqual({ p: { job: null, money: null } });
    expect(codes(r).sort()).toEqual([
      ['p.job', 'FORBIDDEN_SERVICE_FOR_BASIS'],
      ['p.money', 'REDACTED'],
    ]);
  });

  it('named fragments, used in two places', async () => {
    const r = await ask(
      `query Q { a: person(iin: "${IIN}") { ...Secret } b: person(iin: "${IIN}") { lastName ...Secret } }
       fragment Secret on Person { stateEmployeeRecord { position } pensionContributions { amount } }`,
      B.ADMIN_OFFENCE,
    );
    expect(r.body.data).toEqual({
      a: { stateEmployeeRecord: null, pensionContributions: [{ amount: null }, { amount: null }] },
      b: { lastName: 'Last012', stateEmployeeRecord: null, pensionContributions: [{ amount: null }, { amount: null }] },
    });
    expect(r.body.errors).toHaveLength(6);
    expect(h.calls.some((c) => c.service === 's26-state-employee-request')).toBe(false);
  });

  it('inline fragments on a union member: only objects of that type get the error, no probe leaks', async () => {
    const r = await ask(
      `{ person(iin: "${IIN}") { transport { __typename ... on Vehicle { plate stolenReport { reportedOn } } ... on Trailer { trailerPlate } } } }`,
      B.CIVIL,
    );
    expect(r.body.data).toEqual({
      person: {
        transport: [
          { __typename: 'Vehicle', plate: '123ABC02', stolenReport: null },
          { __typename: 'Trailer', trailerPlate: '77TR02' },
        ],
      },
    });
    expect(codes(r)).toEqual([['person.transport.0.stolenReport', 'FORBIDDEN_SERVICE_FOR_BASIS']]);
    expect(h.calls.some((c) => c.service === 's23-criminal-vehicles')).toBe(false);
  });

  it('inline fragments without a type condition and on the same type', async () => {
    const r = await ask(`{ person(iin: "${IIN}") { ... { stateEmployeeRecord { position } } ... on Person { lastName } } }`, B.ADMIN_OFFENCE);
    expect(r.body.data).toEqual({ person: { stateEmployeeRecord: null, lastName: 'Last012' } });
  });

  it('@include/@skip with variables: an excluded field has no error, an included one is withheld', async () => {
    const q = `query Q($show: Boolean!, $iin: IIN!) { person(iin: $iin) { lastName stateEmployeeRecord @include(if: $show) { position } } }`;
    const hidden = await ask(q, B.ADMIN_OFFENCE, { show: false, iin: IIN });
    expect(hidden.body).toEqual({ data: { person: { lastName: 'Last012' } }, extensions: { journal: expect.objectContaining({ id: expect.any(String) }) } });
    const shown = await ask(q, B.ADMIN_OFFENCE, { show: true, iin: IIN });
    expect(shown.body.data).toEqual({ person: { lastName: 'Last012', stateEmployeeRecord: null } });
    expect(codes(shown)).toEqual([['person.stateEmployeeRecord', 'FORBIDDEN_SERVICE_FOR_BASIS']]);
    const skipped = await ask(`query Q($s: Boolean = true) { person(iin: "${IIN}") { stateEmployeeRecord @skip(if: $s) { position } } }`, B.ADMIN_OFFENCE);
    expect(skipped.body).toEqual({ data: { person: {} }, extensions: { journal: expect.objectContaining({ id: expect.any(String) }) } });
  });

  it('a variable used only by a removed field does not invalidate the operation', async () => {
    const q = `query Q($vin: String!, $iin: IIN!) { person(iin: $iin) { lastName } vehicle(vin: $vin) { stolenReport { reportedOn } } }`;
    const r = await ask(q, B.CIVIL, { vin: 'VIN1', iin: IIN });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ person: { lastName: 'Last012' }, vehicle: { stolenReport: null } });
  });

  it('batched requests: each operation gets the outcome of its own basis', async () => {
    const q = `{ person(iin: "${IIN}") { pensionContributionsTotal stateEmployeeRecord { position } } }`;
    const response = await h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify([
        { query: q, extensions: { basis: B.CRIMINAL } },
        { query: q, extensions: { basis: B.ADMIN_OFFENCE } },
        { query: q, extensions: { basis: B.ADMIN_COURT } },
      ]),
    });
    const [criminal, offence, court] = response.json() as Array<{ data: unknown; errors?: unknown[] }>;
    expect(criminal).toEqual({
      data: { person: { pensionContributionsTotal: 51000, stateEmployeeRecord: { position: 'Chief specialist' } } },
      extensions: { journal: expect.objectContaining({ id: expect.any(String) }) },
    });
    expect(offence!.data).toEqual({ person: { pensionContributionsTotal: null, stateEmployeeRecord: null } });
    expect(court!.data).toEqual({ person: { pensionContributionsTotal: null, stateEmployeeRecord: null } });
    // The signed context of each subgraph call names the basis of its own operation.
    const s26 = h.calls.filter((c) => c.service === 's26-state-employee-request');
    expect(s26).toHaveLength(1);
    expect(JSON.parse(Buffer.from(s26[0]!.headers['x-negiz-context']!.split('.')[1]!, 'base64url').toString()).basis.type).toBe('CRIMINAL');
  });

  it('GET requests are pruned like POST', async () => {
    const params = new URLSearchParams({
      query: `{ person(iin: "${IIN}") { stateEmployeeRecord { position } } }`,
      extensions: JSON.stringify({ basis: B.ADMIN_OFFENCE }),
    });
    const response = await h.app.inject({ method: 'GET', url: `/graphql?${params}`, headers: { authorization: `Bearer ${token}` } });
    expect(response.json()).toMatchObject({ data: { person: { stateEmployeeRecord: null } } });
  });

  it('refuses _entities and _service at the gateway', async () => {
    for (const q of [`{ _service { sdl } }`, `{ _entities(representations: [{ __typename: "Person", iin: "${IIN}" }]) { ... on Person { lastName } } }`]) {
      const r = await ask(q, B.CRIMINAL);
      expect(r.status).toBe(403);
      expect(r.body.errors![0]!.extensions!.code).toBe('FORBIDDEN_OPERATION');
    }
    expect(h.calls).toHaveLength(0);
  });

  it('refuses incremental delivery, which would release data before the journal records it', async () => {
    const r = await ask(`{ person(iin: "${IIN}") { lastName ... @defer { stateEmployeeRecord { position } } } }`, B.CRIMINAL);
    expect(r.status).toBe(403);
    expect(r.body.errors![0]!.extensions!.code).toBe('FORBIDDEN_OPERATION');
  });

  it('introspection needs no basis and shows none of the federation internals or policy markers', async () => {
    const r = await post(
      h,
      { query: `{ __schema { queryType { fields { name } } directives { name } types { name } } p: __type(name: "PensionContribution") { fields { name } } }` },
      { authorization: `Bearer ${token}` },
    );
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body);
    for (const hidden of ['_entities', '_service', 'join__', 'truncated', 'link__', 'inprocess://']) expect(text).not.toContain(hidden);
    expect(h.calls).toHaveLength(0);
    // Introspection still needs a user.
    expect((await post(h, { query: `{ __schema { queryType { name } } }` })).status).toBe(401);
  });

  it('caches: the same text under different bases, interleaved and concurrent, gets each its own outcome', async () => {
    const q = `{ person(iin: "${IIN}") { lastName pensionContributionsTotal stateEmployeeRecord { position } counterAudits { auditNumber } } }`;
    const expected = {
      CRIMINAL: { lastName: 'Last012', pensionContributionsTotal: 51000, stateEmployeeRecord: { position: 'Chief specialist' }, counterAudits: null },
      CRIMINAL_TAX: {
        lastName: 'Last012',
        pensionContributionsTotal: 51000,
        stateEmployeeRecord: { position: 'Chief specialist' },
        counterAudits: [{ auditNumber: 'CA-1' }],
      },
      ADMIN_COURT: { lastName: 'Last012', pensionContributionsTotal: null, stateEmployeeRecord: null, counterAudits: null },
      ADMIN_OFFENCE: { lastName: 'Last012', pensionContributionsTotal: null, stateEmployeeRecord: null, counterAudits: null },
      CIVIL: { lastName: 'Last012', pensionContributionsTotal: null, stateEmployeeRecord: { position: 'Chief specialist' }, counterAudits: null },
    } as const;
    const order = ['CRIMINAL', 'ADMIN_COURT', 'CRIMINAL_TAX', 'CRIMINAL', 'CIVIL', 'ADMIN_OFFENCE', 'CRIMINAL_TAX', 'ADMIN_COURT', 'CRIMINAL'] as const;
    for (const name of order) expect((await ask(q, B[name])).body.data, name).toEqual({ person: expected[name] });
    const concurrent = await Promise.all([...order, ...order].map(async (name) => [name, (await ask(q, B[name])).body.data] as const));
    for (const [name, data] of concurrent) expect(data, name).toEqual({ person: expected[name] });
  });

  it('never modifies a cached document: a different role after a pruned request sees the full answer', async () => {
    const q = `{ person(iin: "${IIN}") { pensionContributions { amount } } }`;
    expect((await ask(q, B.ADMIN_COURT)).body.data).toEqual({ person: { pensionContributions: [{ amount: null }, { amount: null }] } });
    h.users.set({ login: 'inv', status: 'ACTIVE', role: 3 });
    h.cases.cases.set('CRIMINAL:241500031000300', { type: 'CRIMINAL', number: '241500031000300', status: 'OPEN', assignees: ['inv'] });
    const other = await h.token({ login: 'inv', role: 3 });
    const r = await post(h, { query: q, extensions: { basis: { type: 'CRIMINAL', number: '241500031000300' } } }, { authorization: `Bearer ${other}` });
    expect(r.body).toEqual({
      data: { person: { pensionContributions: [{ amount: 25000 }, { amount: 26000 }] } },
      extensions: { journal: expect.objectContaining({ id: expect.any(String) }) },
    });
  });
});
