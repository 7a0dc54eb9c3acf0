/**
 * The clients' stage on the real gateway (test harness: fixture services, dev identity provider, memory
 * registries and journal): court systems through persisted operations, portals with APQ, client registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, canonicalBody, operationId, type ManifestFile } from '../../src/clients/operations/manifest.ts';
import { buildClientRegistry } from '../../src/clients/operations/registry.ts';
import { apqCache } from '../../src/clients/operations/apq-cache.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';
import { clientToken } from './fixtures/tokens.ts';

const CIVIL = { type: 'CIVIL', number: '7510-2024-02-2/1234' };
const pensions = canonicalBody('query CivilPensions($iin: IIN!) { person(iin: $iin) { lastName pensionContributions { period agent amount } } }');
const identity = canonicalBody('query DefendantIdentity($iin: IIN!) { person(iin: $iin) { lastName firstName birthDate } }');
const manifestFile: ManifestFile = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [
    { id: operationId(pensions), name: 'CivilPensions', type: 'query', body: pensions },
    { id: operationId(identity), name: 'DefendantIdentity', type: 'query', body: identity },
  ],
};
const manifest = buildManifest(manifestFile);
const clients = buildClientRegistry(
  {
    clients: [
      { id: 'court-civil', kind: 'COURT', name: 'Civil courts case system', operations: [{ id: operationId(pensions), name: 'CivilPensions' }] },
      { id: 'portal-mvd', kind: 'PORTAL', name: 'Police investigators portal' },
      { id: 'negiz-graphiql', kind: 'GRAPHIQL', name: 'GraphiQL' },
      { id: 'egov-portal', kind: 'CITIZEN_PORTAL', name: 'E-government portal' },
    ],
  },
  manifest,
);
const persisted = (id: string, more: Record<string, unknown> = {}) => ({ persistedQuery: { version: 1, sha256Hash: id }, ...more });

let h: Harness;
let court: string;
let judge: string;
/** What the journal holds of the last request: its client, registered operation and subjects. */
const journaled = () => {
  const entry = h.journal.entries.at(-1);
  return entry && { client: entry.client, persistedId: entry.operation.persistedId, name: entry.operation.name, subjects: entry.subjects };
};
beforeAll(async () => {
  h = await startHarness({ users: [{ login: 'judge1', status: 'ACTIVE', role: 2 }], clients: { manifest, clients, apq: apqCache() } });
  h.cases.cases.set(`CIVIL:${CIVIL.number}`, { type: 'CIVIL', number: CIVIL.number, status: 'OPEN', assignees: ['judge1'] });
  court = `Bearer ${await clientToken(h.idp, { login: 'judge1', role: 2, clientId: 'court-civil' })}`;
  judge = `Bearer ${await h.token({ login: 'judge1', role: 2, organisation: 'COURTS' })}`;
});
afterAll(() => h?.close());

describe('court systems', () => {
  it('execute a registered operation by id, with variables and basis, through the whole pipeline', async () => {
    const r = await post(h, { variables: { iin: IIN }, extensions: persisted(operationId(pensions), { basis: CIVIL }) }, { authorization: court });
    expect(r.status).toBe(200);
    const person = (r.body.data as { person: { lastName: string; pensionContributions: Array<{ amount: number | null }> } }).person;
    expect(person.lastName).toBe('Last012');
    // Pension contributions are truncated on a civil basis (Appendix 2, row 11, footnote 1): the amounts are withheld.
    expect(person.pensionContributions[0]!.amount).toBeNull();
    expect(r.body.errors?.some((e) => e.extensions?.['code'] === 'REDACTED')).toBe(true);
    expect(h.journal.entries.at(-1)?.basis?.number).toBe(CIVIL.number);
    // What the journal gets from the clients' stage: the client, the registered operation, the subject.
    expect(journaled()).toEqual({
      client: { kind: 'COURT', id: 'court-civil' },
      persistedId: operationId(pensions),
      name: 'CivilPensions',
      subjects: [{ kind: 'IIN', value: IIN }],
    });
  });

  it('may not send query text: PERSISTED_QUERY_REQUIRED, even with the text of its own operation', async () => {
    for (const body of [
      { query: pensions, variables: { iin: IIN }, extensions: { basis: CIVIL } },
      { query: pensions, extensions: persisted(operationId(pensions), { basis: CIVIL }) },
    ]) {
      const r = await post(h, body, { authorization: court });
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_REQUIRED');
      expect(r.body.data).toBeUndefined();
    }
  });

  it('an unknown id: PERSISTED_QUERY_NOT_FOUND; a registered operation of another client: PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const unknown = await post(h, { extensions: persisted('a'.repeat(64), { basis: CIVIL }) }, { authorization: court });
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_FOUND');
    const other = await post(h, { variables: { iin: IIN }, extensions: persisted(operationId(identity), { basis: CIVIL }) }, { authorization: court });
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('a token of an unregistered client is refused', async () => {
    const stranger = `Bearer ${await clientToken(h.idp, { login: 'judge1', role: 2, clientId: 'someone' })}`;
    const r = await post(h, { query: '{ __typename }' }, { authorization: stranger });
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('CLIENT_NOT_REGISTERED');
  });
});

describe('portals and GraphiQL', () => {
  it('a token without a client claim is a portal, or GraphiQL when the page names itself; never a court by header', async () => {
    const ask = async (headers: Record<string, string>) => {
      await post(h, { query: identity, variables: { iin: IIN }, extensions: { basis: CIVIL } }, { authorization: judge, ...headers });
      return journaled()?.client;
    };
    expect(await ask({})).toEqual({ kind: 'PORTAL', id: 'portal' });
    expect(await ask({ 'x-negiz-client': 'negiz-graphiql' })).toEqual({ kind: 'GRAPHIQL', id: 'negiz-graphiql' });
    expect(await ask({ 'x-negiz-client': 'court-civil' })).toEqual({ kind: 'PORTAL', id: 'portal' });
  });

  it('send query text, or a registered id', async () => {
    const text = await post(h, { query: identity, variables: { iin: IIN }, extensions: { basis: CIVIL } }, { authorization: judge });
    expect(text.body.errors).toBeUndefined();
    const byId = await post(h, { variables: { iin: IIN }, extensions: persisted(operationId(identity), { basis: CIVIL }) }, { authorization: judge });
    expect(byId.body.data).toEqual(text.body.data);
  });

  it('use automatic persisted queries: unknown hash, then text with hash, then the hash alone', async () => {
    const query = `query Apq($iin: IIN!) { person(iin: $iin) { firstName } }`;
    const hash = operationId(query);
    const first = await post(h, { variables: { iin: IIN }, extensions: persisted(hash, { basis: CIVIL }) }, { authorization: judge });
    expect(first.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const register = await post(h, { query, variables: { iin: IIN }, extensions: persisted(hash, { basis: CIVIL }) }, { authorization: judge });
    expect(register.body.data).toEqual({ person: { firstName: 'Aida' } });
    const again = await post(h, { variables: { iin: IIN }, extensions: persisted(hash, { basis: CIVIL }) }, { authorization: judge });
    expect(again.body.data).toEqual({ person: { firstName: 'Aida' } });
    const mismatch = await post(h, { query: '{ __typename }', extensions: persisted(hash) }, { authorization: judge });
    expect(mismatch.body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('APQ works over GET too', async () => {
    const query = `query ApqGet($iin: IIN!) { person(iin: $iin) { lastName } }`;
    const hash = operationId(query);
    await post(h, { query, variables: { iin: IIN }, extensions: persisted(hash, { basis: CIVIL }) }, { authorization: judge });
    const url = `/graphql?variables=${encodeURIComponent(JSON.stringify({ iin: IIN }))}&extensions=${encodeURIComponent(JSON.stringify(persisted(hash, { basis: CIVIL })))}`;
    const r = await h.app.inject({ method: 'GET', url, headers: { authorization: judge, 'apollo-require-preflight': 'true' } });
    expect(r.json()).toEqual({ data: { person: { lastName: 'Last012' } }, extensions: { journal: expect.objectContaining({ id: expect.any(String) }) } });
  });

  it("the e-government portal's token opens no /graphql (it reads only /reports/citizen), nor by header", async () => {
    const portal = `Bearer ${await clientToken(h.idp, { login: 'judge1', role: 2, clientId: 'egov-portal' })}`;
    const r = await post(h, { query: `{ person(iin: "${IIN}") { lastName } }`, extensions: { basis: CIVIL } }, { authorization: portal });
    expect(r.status).toBe(403);
    expect(r.body.errors![0]!.extensions!['code']).toBe('CLIENT_NOT_ALLOWED');
    const byHeader = await post(
      h,
      { query: `{ person(iin: "${IIN}") { lastName } }`, extensions: { basis: CIVIL } },
      { authorization: judge, 'x-negiz-client': 'egov-portal' },
    );
    expect(byHeader.status).toBe(200);
    expect(journaled()?.client).toEqual({ kind: 'PORTAL', id: 'portal' });
  });

  it('many subjects in one request are refused before any service is called', async () => {
    h.calls.length = 0;
    const iins = ['850301300012', '850301300022', '900101300016', '900101300027'];
    const query = `{ ${iins.map((iin, i) => `p${i}: person(iin: "${iin}") { lastName }`).join(' ')} }`;
    const r = await post(h, { query, extensions: { basis: CIVIL } }, { authorization: judge });
    expect(r.body.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_SUBJECTS');
    expect(h.calls).toHaveLength(0);
  });
});
