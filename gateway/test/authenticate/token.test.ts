import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, jwksFromFile, provesMultiFactor } from '../../src/authenticate/index.ts';
import { Refusal } from '../../src/refusal.ts';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'negiz-gateway';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function sign(key: { kid: string; privateKey: CryptoKey }, claims: Record<string, unknown> = {}, sub = 'inv1') {
  return new SignJWT({ role: 3, org: 'MVD', amr: ['hwk', 'fpt'], ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(sub)
    .setExpirationTime('10m')
    .sign(key.privateKey);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof Refusal ? error.code : `unexpected ${String(error)}`;
  }
}

describe('token verification', () => {
  it('reads login, role, organisation and amr from a good token', async () => {
    const key = await keyPair('k1');
    const dir = mkdtempSync(join(tmpdir(), 'negiz-jwks-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [key.jwk] }));
    const verify = createTokenVerifier({ keys: jwksFromFile(join(dir, 'jwks.json')), issuer: ISSUER, audience: AUDIENCE });
    const identity = await verify(`Bearer ${await sign(key)}`);
    expect(identity).toMatchObject({ login: 'inv1', role: 3, organisation: 'MVD', amr: ['hwk', 'fpt'] });
  });

  it('refuses missing or malformed claims', async () => {
    const key = await keyPair('k1');
    const verify = createTokenVerifier({ keys: async () => (await generateKeyPair('ES256')).publicKey, issuer: ISSUER, audience: AUDIENCE });
    expect(await codeOf(verify(undefined))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify('Basic abc'))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verify(`Bearer ${await sign(key)}`))).toBe('UNAUTHENTICATED');
    const good = createTokenVerifier({ keys: async () => key.jwk as never, issuer: ISSUER, audience: AUDIENCE });
    const { importJWK } = await import('jose');
    const publicKey = await importJWK(key.jwk, 'ES256');
    const verifyGood = createTokenVerifier({ keys: async () => publicKey, issuer: ISSUER, audience: AUDIENCE });
    expect(good).toBeTypeOf('function');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key, { role: 22 })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key, { role: '3' })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key, { org: undefined })}`))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key, { amr: undefined })}`))).toBe('MFA_REQUIRED');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key, { amr: ['hwk', 'pwd'] })}`))).toBe('MFA_REQUIRED');
    expect(await codeOf(verifyGood(`Bearer ${await sign(key)}`))).toBe('OK');
  });

  it('follows a key rotation in the JWKS file', async () => {
    const old = await keyPair('old');
    const next = await keyPair('next');
    const dir = mkdtempSync(join(tmpdir(), 'negiz-jwks-'));
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify({ keys: [old.jwk] }));
    const verify = createTokenVerifier({ keys: jwksFromFile(file), issuer: ISSUER, audience: AUDIENCE });
    expect(await codeOf(verify(`Bearer ${await sign(old)}`))).toBe('OK');
    expect(await codeOf(verify(`Bearer ${await sign(next)}`))).toBe('UNAUTHENTICATED');
    writeFileSync(file, JSON.stringify({ keys: [next.jwk] }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await codeOf(verify(`Bearer ${await sign(next, {}, 'inv2')}`))).toBe('OK');
  });

  it('names the factors the order accepts (RFC 8176 values)', () => {
    expect(provesMultiFactor(['hwk', 'fpt'])).toBe(true);
    expect(provesMultiFactor(['sc', 'otp'])).toBe(true);
    expect(provesMultiFactor(['hwk', 'sms'])).toBe(true);
    expect(provesMultiFactor(['hwk', 'face'])).toBe(true);
    expect(provesMultiFactor(['swk', 'fpt'])).toBe(false);
    expect(provesMultiFactor(['fpt', 'otp'])).toBe(false);
    expect(provesMultiFactor(['mfa'])).toBe(false);
  });
});
