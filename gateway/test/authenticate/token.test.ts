import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, jwksFromFile, provesMultiFactor } from '../../src/authenticate/index.ts';
import { Refusal } from '../../src/refusal.ts';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'negiz-gateway';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/** A token as the identity provider issues it: issued now, valid ten minutes; `claims` override or add (`iat: undefined` drops it). */
function sign(key: { kid: string; privateKey: CryptoKey }, claims: Record<string, unknown> = {}, sub = 'inv1') {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 3, org: 'MVD', amr: ['hwk', 'fpt'], iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(sub)
    .sign(key.privateKey);
}

async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A verifier trusting `key` while `trusted.yes` holds (the identity provider withdrawing the key, seen from here). */
async function revocableVerifier(key: { jwk: JWK }, options: { cacheMs?: number; now?: () => number; clockToleranceSeconds?: number } = {}) {
  const publicKey = await importJWK(key.jwk, 'ES256');
  const other = (await generateKeyPair('ES256')).publicKey;
  const trusted = { yes: true };
  const verify = createTokenVerifier({ keys: async () => (trusted.yes ? publicKey : other), issuer: ISSUER, audience: AUDIENCE, ...options });
  return { verify, trusted };
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

  it('refuses a token issued in the future beyond the clock skew, naming the claim and never the token', async () => {
    const key = await keyPair('k1');
    const { verify } = await revocableVerifier(key);
    const now = Math.floor(Date.now() / 1000);
    const ahead = await sign(key, { iat: now + 120 });
    const refusal = await refusalOf(verify(`Bearer ${ahead}`));
    expect(refusal.code).toBe('UNAUTHENTICATED');
    expect(refusal.message).toMatch(/"iat"/);
    expect(refusal.message).toMatch(/order No\. 21/);
    expect(refusal.message).not.toContain(ahead.split('.')[1]!);
    // Within the default 30 s of skew: an identity provider whose clock runs a little ahead.
    expect(await codeOf(verify(`Bearer ${await sign(key, { iat: now + 20 })}`))).toBe('OK');
  });

  it('takes the clock skew from its configuration', async () => {
    const key = await keyPair('k1');
    const now = Math.floor(Date.now() / 1000);
    const strict = await revocableVerifier(key, { clockToleranceSeconds: 5 });
    expect(await codeOf(strict.verify(`Bearer ${await sign(key, { iat: now + 20 })}`))).toBe('UNAUTHENTICATED');
    const lenient = await revocableVerifier(key, { clockToleranceSeconds: 120 });
    expect(await codeOf(lenient.verify(`Bearer ${await sign(key, { iat: now + 100 })}`))).toBe('OK');
  });

  it('refuses a token not valid yet (nbf in the future) and one without iat', async () => {
    const key = await keyPair('k1');
    const { verify } = await revocableVerifier(key);
    const now = Math.floor(Date.now() / 1000);
    const early = await refusalOf(verify(`Bearer ${await sign(key, { nbf: now + 120 })}`));
    expect(early.code).toBe('UNAUTHENTICATED');
    expect(early.message).toMatch(/"nbf"/);
    expect(await codeOf(verify(`Bearer ${await sign(key, { nbf: now + 20 })}`))).toBe('OK');
    const undated = await refusalOf(verify(`Bearer ${await sign(key, { iat: undefined })}`));
    expect(undated.code).toBe('UNAUTHENTICATED');
    expect(undated.message).toMatch(/"iat"/);
    expect(await codeOf(verify(`Bearer ${await sign(key, { iat: 'yesterday' })}`))).toBe('UNAUTHENTICATED');
  });

  it('refuses a remembered token once it has expired', async () => {
    const key = await keyPair('k1');
    let clock = Date.now();
    const { verify } = await revocableVerifier(key, { cacheMs: 60 * 60_000, now: () => clock });
    const issuedAt = Math.floor(clock / 1000);
    const token = `Bearer ${await sign(key, { iat: issuedAt, exp: issuedAt + 120 })}`;
    expect(await codeOf(verify(token))).toBe('OK');
    clock += 60_000;
    expect(await codeOf(verify(token))).toBe('OK');
    // Past expiry and the 30 s of skew: refused although the cache's own age (an hour) has not run out.
    clock += 95_000;
    const expired = await refusalOf(verify(token));
    expect(expired.code).toBe('UNAUTHENTICATED');
    expect(expired.message).toMatch(/expired/);
  });

  it('verifies every request with cacheMs 0, and remembers a verification no longer than cacheMs', async () => {
    const key = await keyPair('k1');
    const uncached = await revocableVerifier(key, { cacheMs: 0 });
    const token = `Bearer ${await sign(key)}`;
    expect(await codeOf(uncached.verify(token))).toBe('OK');
    uncached.trusted.yes = false;
    expect(await codeOf(uncached.verify(token))).toBe('UNAUTHENTICATED');

    let clock = Date.now();
    const cached = await revocableVerifier(key, { cacheMs: 5_000, now: () => clock });
    expect(await codeOf(cached.verify(token))).toBe('OK');
    cached.trusted.yes = false;
    clock += 5_000 - 1;
    expect(await codeOf(cached.verify(token))).toBe('OK');
    clock += 1;
    expect(await codeOf(cached.verify(token))).toBe('UNAUTHENTICATED');
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
