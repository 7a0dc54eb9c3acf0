/**
 * The console's routes without a browser: the bundle served under a policy that allows only this origin, who the
 * user is and which grants they hold (a refusal, not an empty answer, without a token), the demo login, and a
 * plain answer when the bundle was never built.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Refusal } from '@negiz/schema';
import { consoleBundleIsCurrent, ensureConsoleBundle } from '../../src/console/bundle.ts';
import { consolePlugin } from '../../src/console/plugin.ts';
import { consoleGateway, type ConsoleGateway } from './console-gateway.ts';

let g: ConsoleGateway;
beforeAll(async () => {
  ensureConsoleBundle();
  g = await consoleGateway();
}, 90_000);
afterAll(() => g?.close());

describe('console routes', () => {
  it('serves the built bundle under /console/ with a same-origin-only policy', async () => {
    expect(consoleBundleIsCurrent()).toBe(true);
    expect(ensureConsoleBundle()).toBeUndefined();
    const redirect = await g.h.app.inject({ url: '/console' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/console/');
    const page = await g.h.app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('assets/console.js');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*connect-src 'self'/);
    const script = await g.h.app.inject({ url: '/console/assets/console.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).not.toMatch(/https?:\/\/(?!www\.w3\.org|reactjs\.org|react\.dev)[a-z0-9.-]+\.[a-z]{2,}\/[^"'\s]*\.(js|css|woff2?)/);
  });

  it("answers who the user is with the registry's grants, and refuses without a token", async () => {
    const token = await g.h.idp.issue({ login: 'chief', role: 3, organisation: 'ДП г. Алматы, Следственное управление' });
    const me = await g.h.app.inject({ url: '/console/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toEqual({ login: 'chief', role: 3, organisation: 'ДП г. Алматы, Следственное управление', grants: ['REPORTS'] });
    const anonymous = await g.h.app.inject({ url: '/console/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expect((anonymous.json() as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logs a demo user in and refuses an unknown one', async () => {
    expect((await g.h.app.inject({ url: '/console/api/config' })).json()).toEqual({ devLogin: true });
    const users = (await g.h.app.inject({ url: '/console/api/dev/users' })).json() as Array<{ login: string }>;
    expect(users.map((u) => u.login)).toEqual(['chief', 'usb', 'inv1', 'operator']);
    const login = await g.h.app.inject({ method: 'POST', url: '/console/api/dev/login', payload: { login: 'usb' } });
    const { token } = login.json() as { token: string };
    expect((await g.h.app.inject({ url: '/console/api/me', headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({
      grants: ['INTERNAL_SECURITY'],
    });
    const unknown = await g.h.app.inject({ method: 'POST', url: '/console/api/dev/login', payload: { login: 'nobody' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('says how to build the console when the bundle is missing, offers no demo login in production, and keeps the refusal of the principal', async () => {
    const app = Fastify();
    await app.register(consolePlugin, {
      distDir: mkdtempSync(`${tmpdir()}/negiz-console-`),
      principal: async () => {
        throw new Refusal('ACCOUNT_BLOCKED', 'The account is blocked');
      },
    });
    const page = await app.inject({ url: '/console/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/npm run build -w gateway\/console/);
    expect((await app.inject({ url: '/console/api/config' })).json()).toEqual({ devLogin: false });
    expect((await app.inject({ url: '/console/api/dev/users' })).statusCode).toBe(404);
    const me = await app.inject({ url: '/console/api/me' });
    expect((me.json() as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('ACCOUNT_BLOCKED');
    await app.close();
  });
});
