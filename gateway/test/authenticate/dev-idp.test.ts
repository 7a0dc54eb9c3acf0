import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { devIdentityProvider } from '../../src/authenticate/dev-idp.ts';
import { startHarness, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ devJwks: true });
});
afterAll(() => h?.close());

it('serves its JWKS in development, and its tokens verify against it', async () => {
  const response = await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  expect(response.statusCode).toBe(200);
  const jwks = response.json() as JSONWebKeySet;
  expect(jwks.keys[0]).not.toHaveProperty('d');
  const token = await h.idp.issue({ login: 'x', role: 3, organisation: 'MVD' });
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: h.idp.issuer, audience: h.idp.audience });
  expect(payload).toMatchObject({ sub: 'x', role: 3, org: 'MVD', amr: ['hwk', 'fpt'] });
});

it('keeps its private key in the state folder, readable by the owner only, and reuses it', async () => {
  const first = await devIdentityProvider(join(h.idp.jwksPath, '..', '..'));
  expect(first.jwks).toEqual(h.idp.jwks);
  const privatePath = join(h.idp.jwksPath, '..', 'private.jwk.json');
  expect(existsSync(privatePath)).toBe(true);
  expect(statSync(privatePath).mode & 0o077).toBe(0);
  expect(JSON.parse(readFileSync(h.idp.jwksPath, 'utf8'))).toEqual(h.idp.jwks);
});
