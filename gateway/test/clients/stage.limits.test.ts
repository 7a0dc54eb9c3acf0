import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { limitsOptions } from '../../src/clients/limits/options.ts';
import { fullDossierQuery, SERVICE_FIELDS } from './fixtures/dossier-schema.ts';
import { post, standInGateway, validIin } from './fixtures/server.ts';

const limits = limitsOptions();
let app: FastifyInstance;
let user = 0;
// Each test asks as its own user, so the budgets of one test never spill into another.
const asNewUser = () => ({ authorization: `Bearer analyst-${++user}` });
const iin = validIin;

beforeAll(async () => {
  app = await standInGateway({ limits });
});
afterAll(async () => app.close());

describe('a legitimate dossier passes', () => {
  it('the full dossier of one person (all 93 services), by variable and inline', async () => {
    const byVariable = await post(app, { query: fullDossierQuery(), variables: { iin: iin(1) } }, asNewUser());
    expect(byVariable.body.errors).toBeUndefined();
    expect((byVariable.body.data as { person: { iin: string } }).person.iin).toBe(iin(1));
    const inline = await post(app, { query: fullDossierQuery(false) }, asNewUser());
    expect(inline.body.errors).toBeUndefined();
  });

  it('introspection (GraphiQL loads the schema) is not limited by depth or cost', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const r = await post(app, { query: getIntrospectionQuery() }, asNewUser());
    expect(r.body.errors).toBeUndefined();
  });
});

describe('shape limits', () => {
  it('QUERY_TOO_DEEP', async () => {
    const deep = `{ person(iin: "${iin(1)}") { ${'relatives { '.repeat(9)}iin${' }'.repeat(9)} } }`;
    const r = await post(app, { query: deep }, asNewUser());
    expect(r.code).toBe('QUERY_TOO_DEEP');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/docs\/clients.md#limits/);
  });

  it('TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `n${i}: name`).join(' ');
    const r = await post(app, { query: `{ person(iin: "${iin(1)}") { ${aliases} } }` }, asNewUser());
    expect(r.code).toBe('TOO_MANY_ALIASES');
  });

  it('QUERY_TOO_COSTLY: the full dossier of every relative of a person', async () => {
    const dossier = fullDossierQuery(false);
    const selection = dossier.slice(dossier.indexOf('iin name'), dossier.lastIndexOf('}', dossier.lastIndexOf('}') - 1));
    const r = await post(app, { query: `{ person(iin: "${iin(1)}") { relatives { ${selection} } } }` }, asNewUser());
    expect(r.code).toBe('QUERY_TOO_COSTLY');
  });

  it('QUERY_TOO_COSTLY for a text of more tokens than a parser should read', async () => {
    const r = await post(app, { query: `{ ${'a '.repeat(20_001)}}` }, asNewUser());
    expect(r.code).toBe('QUERY_TOO_COSTLY');
    expect(r.body.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('QUERY_TOO_COSTLY counts fields behind fragments', async () => {
    const fields = Array.from({ length: 93 }, (_, i) => `s${String(i + 1).padStart(2, '0')} { ${SERVICE_FIELDS} }`).join(' ');
    const query = `query { person(iin: "${iin(1)}") { ...All relatives { ...All } } } fragment All on Person { ${fields} }`;
    const r = await post(app, { query }, asNewUser());
    expect(r.code).toBe('QUERY_TOO_COSTLY');
  });
});

describe('subjects per request', () => {
  it('TOO_MANY_SUBJECTS: by aliases, by a list argument, by variables, inside input objects, across a batch', async () => {
    const aliased = Array.from({ length: 4 }, (_, i) => `p${i}: person(iin: "${iin(i)}") { iin }`).join(' ');
    expect((await post(app, { query: `{ ${aliased} }` }, asNewUser())).code).toBe('TOO_MANY_SUBJECTS');

    const list = await post(app, { query: 'query($iins: [IIN!]!) { persons(iins: $iins) { iin } }', variables: { iins: [1, 2, 3, 4].map(iin) } }, asNewUser());
    expect(list.code).toBe('TOO_MANY_SUBJECTS');
    expect(list.body.errors?.[0]?.message).not.toContain(iin(1)); // never personal data in messages

    const input = await post(
      app,
      {
        query: 'query($f: SubjectFilter) { search(filter: $f) { iin } }',
        variables: { f: { iin: iin(1), bins: ['990240000001', '990240000002', '990240000003'] } },
      },
      asNewUser(),
    );
    expect(input.code).toBe('TOO_MANY_SUBJECTS');

    const one = 'query($iin: IIN!) { person(iin: $iin) { iin } }';
    const batch = await post(
      app,
      [1, 2, 3, 4].map((n) => ({ query: one, variables: { iin: iin(n) } })),
      asNewUser(),
    );
    expect(batch.code).toBe('TOO_MANY_SUBJECTS');
  });

  it('the same subject asked twice counts once', async () => {
    const r = await post(app, { query: `{ a: person(iin: "${iin(7)}") { iin } b: person(iin: "${iin(7)}") { name } }` }, asNewUser());
    expect(r.body.errors).toBeUndefined();
  });
});

describe('batches and body size', () => {
  it('BATCH_TOO_LARGE over the batch limit; smaller batches pass', async () => {
    const headers = asNewUser();
    const ok = await post(app, [{ query: '{ ping }' }, { query: '{ ping }' }], headers);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    const big = await post(
      app,
      Array.from({ length: limits.maxBatch + 1 }, () => ({ query: '{ ping }' })),
      headers,
    );
    expect(big.code).toBe('BATCH_TOO_LARGE');
    expect(big.status).toBe(400);
  });

  it('REQUEST_TOO_LARGE over the body limit', async () => {
    const r = await post(app, { query: `{ ping } # ${'x'.repeat(limits.maxBodyBytes)}` }, asNewUser());
    expect(r.status).toBe(413);
    expect(r.code).toBe('REQUEST_TOO_LARGE');
  });
});

describe('per-user rates', () => {
  it('RATE_LIMITED with Retry-After when a user loops over IINs', async () => {
    const headers = asNewUser();
    const query = 'query($iin: IIN!) { person(iin: $iin) { iin name } }';
    for (let n = 0; n < limits.rate.subjects; n++) {
      const r = await post(app, { query, variables: { iin: iin(100 + n) } }, headers);
      expect(r.body.errors, `subject ${n}`).toBeUndefined();
    }
    const again = await post(app, { query, variables: { iin: iin(100) } }, headers);
    expect(again.body.errors).toBeUndefined(); // a subject already asked about costs nothing more
    const refused = await post(app, { query, variables: { iin: iin(999) } }, headers);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(app, { query: '{ ping }' }, asNewUser())).body.errors).toBeUndefined(); // other users unaffected
  });

  it('RATE_LIMITED when a user sends more requests than the window allows', async () => {
    const fast = await standInGateway({ limits: { rate: { requests: 3, requestWindowSeconds: 60, subjects: 60, subjectWindowSeconds: 3600 } } });
    try {
      const headers = asNewUser();
      for (let i = 0; i < 3; i++) expect((await post(fast, { query: '{ ping }' }, headers)).body.errors).toBeUndefined();
      const refused = await post(fast, { query: '{ ping }' }, headers);
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await fast.close();
    }
  });
});
