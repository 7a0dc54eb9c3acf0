/**
 * The door, from outside: every spelling of the GraphQL path runs every stage (a court's free query text is
 * refused whatever the URL), and GET and POST are served through the same stages with the same answers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildManifest, canonicalBody, operationId } from '../../src/clients/operations/manifest.ts';
import { buildClientRegistry } from '../../src/clients/operations/registry.ts';
import { canonicalPath, rewriteGraphqlUrl } from '../../src/pipeline/door.ts';
import { clientToken } from '../clients/fixtures/tokens.ts';
import { IIN, startHarness, type Harness } from '../harness.ts';

const CIVIL = { type: 'CIVIL', number: '7510-2024-02-2/1234' };
const registered = canonicalBody('query CivilName($iin: IIN!) { person(iin: $iin) { lastName } }');
const manifest = buildManifest({
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [{ id: operationId(registered), name: 'CivilName', type: 'query', body: registered }],
});
const clients = buildClientRegistry(
  { clients: [{ id: 'court-civil', kind: 'COURT', name: 'Civil courts case system', operations: [{ id: operationId(registered), name: 'CivilName' }] }] },
  manifest,
);

/** Spellings of /graphql that one HTTP stack or another may route to it. */
const SPELLINGS = [
  '/graphql',
  '/%67raphql',
  '/%67%72%61%70%68%71%6c',
  '/graphql/',
  '/graphql//',
  '/graphql.',
  '/graphql./',
  '/graphql%2e',
  '/graphql%2F',
  '/GRAPHQL',
  '/GraphQL',
  '//graphql',
  '///graphql',
  '/./graphql',
  '/x/../graphql',
  '/graphql%23x',
  '/graphql%20',
];

let h: Harness;
let court: string;
let judge: string;
beforeAll(async () => {
  h = await startHarness({ users: [{ login: 'judge1', status: 'ACTIVE', role: 2 }], clients: { manifest, clients } });
  h.cases.cases.set(`CIVIL:${CIVIL.number}`, { type: 'CIVIL', number: CIVIL.number, status: 'OPEN', assignees: ['judge1'] });
  court = `Bearer ${await clientToken(h.idp, { login: 'judge1', role: 2, clientId: 'court-civil' })}`;
  judge = `Bearer ${await h.token({ login: 'judge1', role: 2, organisation: 'COURTS' })}`;
});
afterAll(() => h?.close());
beforeEach(() => {
  h.calls.length = 0;
  h.journal.entries.length = 0;
});

describe('every spelling of the GraphQL path passes every stage', () => {
  it('the canonical form of each spelling is /graphql; other paths stay as they are', () => {
    for (const spelling of SPELLINGS) expect(canonicalPath(spelling), spelling).toBe('/graphql');
    expect(rewriteGraphqlUrl('/GRAPHQL/?query=x')).toBe('/graphql?query=x');
    expect(rewriteGraphqlUrl('/graphiql/assets/App.JS')).toBe('/graphiql/assets/App.JS');
    expect(rewriteGraphqlUrl('/graphqlx')).toBe('/graphqlx');
    expect(rewriteGraphqlUrl('/reports?x=1')).toBe('/reports?x=1');
  });

  it("a court's free query text is PERSISTED_QUERY_REQUIRED on every spelling, by POST and by GET, and no service is asked", async () => {
    const body = { query: registered, variables: { iin: IIN }, extensions: { basis: CIVIL } };
    for (const path of SPELLINGS) {
      const post = await h.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/json', authorization: court },
        payload: JSON.stringify(body),
      });
      expect(post.statusCode, `POST ${path}`).toBe(400);
      expect(post.json().errors[0].extensions.code, `POST ${path}`).toBe('PERSISTED_QUERY_REQUIRED');
      expect(post.json().data, `POST ${path}`).toBeUndefined();
      const search = `?query=${encodeURIComponent(registered)}&variables=${encodeURIComponent(JSON.stringify(body.variables))}&extensions=${encodeURIComponent(JSON.stringify(body.extensions))}`;
      const get = await h.app.inject({ method: 'GET', url: `${path}${search}`, headers: { authorization: court } });
      expect(get.statusCode, `GET ${path}`).toBe(400);
      expect(get.json().errors[0].extensions.code, `GET ${path}`).toBe('PERSISTED_QUERY_REQUIRED');
    }
    expect(h.calls).toHaveLength(0);
    expect(h.journal.entries).toHaveLength(0);
  });

  it('the same court through its registered operation is answered, on a spelling as on the path itself', async () => {
    for (const path of ['/graphql', '/%67raphql/']) {
      const r = await h.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/json', authorization: court },
        payload: JSON.stringify({ variables: { iin: IIN }, extensions: { basis: CIVIL, persistedQuery: { version: 1, sha256Hash: operationId(registered) } } }),
      });
      expect(r.statusCode, path).toBe(200);
      expect(r.json().data).toEqual({ person: { lastName: 'Last012' } });
    }
  });
});

describe('GET and POST go through the same stages', () => {
  const query = 'query Name($iin: IIN!) { person(iin: $iin) { lastName vehicles { plate } } }';
  const get = (parameters: Record<string, unknown>, authorization = judge) =>
    h.app.inject({
      method: 'GET',
      url: `/graphql?${Object.entries(parameters)
        .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
        .join('&')}`,
      headers: { authorization },
    });
  const post = (body: Record<string, unknown>, authorization = judge) =>
    h.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization }, payload: JSON.stringify(body) });

  it('the same answer and the same journal entry', async () => {
    const operation = { query, operationName: 'Name', variables: { iin: IIN }, extensions: { basis: CIVIL } };
    const byPost = await post(operation);
    const byGet = await get(operation);
    expect(byPost.statusCode).toBe(200);
    expect(byGet.statusCode).toBe(200);
    const strip = (body: { extensions?: unknown }) => ({ ...body, extensions: undefined });
    expect(strip(byGet.json())).toEqual(strip(byPost.json()));
    expect(byPost.json().data.person.lastName).toBe('Last012');
    const [a, b] = h.journal.entries;
    const comparable = (e: typeof a) => ({
      user: e!.user,
      client: e!.client,
      basis: e!.basis,
      operation: e!.operation,
      subjects: e!.subjects,
      servicesCalled: [...e!.servicesCalled].sort(),
      outcome: e!.outcome,
    });
    expect(h.journal.entries).toHaveLength(2);
    expect(comparable(b)).toEqual(comparable(a));
  });

  it('the same refusals, stage by stage', async () => {
    const cases: Array<[string, Record<string, unknown>, string | undefined, string]> = [
      ['no token', { query, variables: { iin: IIN }, extensions: { basis: CIVIL } }, '', 'UNAUTHENTICATED'],
      ['malformed IIN', { query, variables: { iin: '850301300013' }, extensions: { basis: CIVIL } }, undefined, 'INVALID_IIN'],
      ['no basis', { query, variables: { iin: IIN } }, undefined, 'BASIS_REQUIRED'],
      ['not a query', { query: '{ person(iin: ', extensions: { basis: CIVIL } }, undefined, 'GRAPHQL_PARSE_FAILED'],
      ['federation internals', { query: '{ _service { sdl } }', extensions: { basis: CIVIL } }, undefined, 'FORBIDDEN_OPERATION'],
    ];
    for (const [what, operation, authorization, code] of cases) {
      const byPost = await post(operation, authorization ?? judge);
      const byGet = await get(operation, authorization ?? judge);
      expect(byPost.json().errors[0].extensions.code, `POST ${what}`).toBe(code);
      expect(byGet.json().errors[0].extensions.code, `GET ${what}`).toBe(code);
      expect(byGet.statusCode, what).toBe(byPost.statusCode);
    }
    expect(h.calls).toHaveLength(0);
  });

  it('GET parameters that are not JSON are a BAD_REQUEST, never a 500', async () => {
    const r = await h.app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7Bnot-json`,
      headers: { authorization: judge },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
