import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_DIST } from '../../../src/clients/graphiql/plugin.ts';
import type { Harness } from '../../harness.ts';
import { DEMO_CASE, graphiqlGateway } from '../fixtures/graphiql-gateway.ts';
import { ensureGraphiqlBundle } from '../fixtures/bundle.ts';

let h: Harness;
beforeAll(async () => {
  ensureGraphiqlBundle(); // builds the bundle when missing or stale (about 5 s)
  h = await graphiqlGateway();
}, 60_000);
afterAll(() => h?.close());

const get = async (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

describe('GraphiQL at /graphiql', () => {
  it('serves the page and its bundled assets from this origin, with a policy that forbids any other host', async () => {
    const page = await get('/graphiql');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/graphiql/assets/app.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    for (const asset of ['app.js', 'app.css', 'editor.worker.js', 'graphql.worker.js', 'json.worker.js']) {
      expect((await get(`/graphiql/assets/${asset}`)).statusCode, asset).toBe(200);
    }
  });

  it('says how to build the bundle when it is missing', async () => {
    const { graphiqlPlugin } = await import('../../../src/clients/graphiql/plugin.ts');
    const Fastify = (await import('fastify')).default;
    const app = Fastify();
    await app.register(graphiqlPlugin, {
      distDir: mkdtempSync(join(tmpdir(), 'negiz-graphiql-empty-')),
      authenticate: async () => ({ login: 'x', role: 2, organisation: 'x' }),
      casesOf: async () => [],
      fieldServices: () => ({}),
    });
    const r = await app.inject({ method: 'GET', url: '/graphiql' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build -w gateway/graphiql');
    await app.close();
  });

  it('tells the page whether the development login is on, and the bases', async () => {
    const config = (await get('/graphiql/api/config')).json();
    expect(config.devLogin).toBe(true);
    expect(config.bases.map((b: { code: string }) => b.code)).toEqual(['CRIMINAL', 'ADMIN_COURT', 'ADMIN_OFFENCE', 'CIVIL', 'ENFORCEMENT', 'SEARCH']);
  });

  it('maps each field to its state service, for the documentation', async () => {
    const map = (await get('/graphiql/api/field-services')).json();
    expect(map['Person.lastName'].services[0]).toMatchObject({ number: 1, slug: 's01-individuals' });
    expect(map['PensionContribution.amount']).toMatchObject({ truncated: true, services: [{ number: 11 }] });
    expect(map['Person.iin']).toBeUndefined(); // an entity key belongs to no one service
  });

  it('logs a demo user in, then lists only their own cases on the bases their role may use', async () => {
    const users = (await get('/graphiql/api/dev/users')).json();
    expect(users.map((u: { login: string }) => u.login)).toContain('judge1');
    const login = await h.app.inject({ method: 'POST', url: '/graphiql/api/dev/login', payload: { login: 'judge1' } });
    const { token } = login.json();
    const mine = (await get('/graphiql/api/cases', { authorization: `Bearer ${token}` })).json();
    expect(mine.user).toMatchObject({ login: 'judge1', role: 2 });
    expect(mine.bases).toEqual(['CRIMINAL', 'ADMIN_COURT', 'CIVIL', 'ENFORCEMENT']);
    expect(mine.cases.map((c: { number: string }) => c.number)).toEqual([DEMO_CASE.number, '7510-2024-02-2/9999']);
  });

  it('refuses the cases without a valid token, and an unknown demo user', async () => {
    const r = await get('/graphiql/api/cases');
    expect(r.statusCode).toBe(401);
    expect(r.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await h.app.inject({ method: 'POST', url: '/graphiql/api/dev/login', payload: { login: 'nobody' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('has no login route when the development login is off', async () => {
    const { graphiqlPlugin } = await import('../../../src/clients/graphiql/plugin.ts');
    const Fastify = (await import('fastify')).default;
    const app = Fastify();
    await app.register(graphiqlPlugin, {
      distDir: GRAPHIQL_DIST,
      authenticate: async () => ({ login: 'x', role: 2, organisation: 'x' }),
      casesOf: async () => [],
      fieldServices: () => ({}),
    });
    expect((await app.inject({ method: 'POST', url: '/graphiql/api/dev/login', payload: { login: 'judge1' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/graphiql/api/config' })).json().devLogin).toBe(false);
    await app.close();
  });
});
