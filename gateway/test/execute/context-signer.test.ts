import { describe, expect, it } from 'vitest';
import type { GatewayClaims } from '@negiz/schema';
import { verifyGatewayContext } from '@negiz/subgraphs/context.ts';
import { contextSigner, inProcessContextKeys } from '../../src/execute/context-signer.ts';

const claims = (overrides: Partial<GatewayClaims> = {}): GatewayClaims => ({
  sub: 'inv1',
  role: 3,
  org: 'MVD',
  basis: { type: 'CRIMINAL', number: '241500031000123' },
  articlesQualify: false,
  ...overrides,
});
const AUDIENCE = ['s01-individuals', 's05-vehicles'];

function clock(start = Date.UTC(2026, 10, 23, 9)) {
  let at = start;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('the context signer', () => {
  it('signs contexts the subgraphs verify, for every audience named', async () => {
    const keys = inProcessContextKeys();
    const token = await contextSigner(keys.privateKey, keys.alg)(claims(), AUDIENCE);
    for (const audience of AUDIENCE) expect(await verifyGatewayContext(token, { publicKey: keys.publicKey, audience })).toEqual(claims());
  });

  it('reuses a context for the same claims and audience for half its lifetime, then signs a new one', async () => {
    const keys = inProcessContextKeys();
    const time = clock();
    const sign = contextSigner(keys.privateKey, keys.alg, { now: time.now });
    const first = await sign(claims(), AUDIENCE);
    time.advance(29_000);
    expect(await sign(claims(), AUDIENCE)).toBe(first);
    time.advance(1_000);
    const renewed = await sign(claims(), AUDIENCE);
    expect(renewed).not.toBe(first);
    const payload = JSON.parse(Buffer.from(renewed.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.iat).toBe(time.now() / 1000);
    expect(payload.exp - payload.iat).toBe(60);
  });

  it('never shares a context between claims or audiences that differ in anything', async () => {
    const keys = inProcessContextKeys();
    const sign = contextSigner(keys.privateKey, keys.alg, { now: clock().now });
    const base = await sign(claims(), AUDIENCE);
    const variants: Array<[string, Promise<string>]> = [
      ['another user', sign(claims({ sub: 'inv2' }), AUDIENCE)],
      ['another role', sign(claims({ role: 4 }), AUDIENCE)],
      ['another organisation', sign(claims({ org: 'KNB' }), AUDIENCE)],
      ['another basis type', sign(claims({ basis: { type: 'ADMIN_OFFENCE', number: '241500031000123' } }), AUDIENCE)],
      ['another case', sign(claims({ basis: { type: 'CRIMINAL', number: '241500031000124' } }), AUDIENCE)],
      ['an instruction', sign(claims({ basis: { type: 'CRIMINAL', number: '241500031000123', instruction: '12' } }), AUDIENCE)],
      ['qualifying articles', sign(claims({ articlesQualify: true }), AUDIENCE)],
      ['fewer services', sign(claims(), ['s01-individuals'])],
    ];
    const tokens = new Set([base]);
    for (const [what, token] of variants) {
      const text = await token;
      expect(tokens.has(text), what).toBe(false);
      tokens.add(text);
    }
  });

  it('signs every time when reuse is off', async () => {
    const keys = inProcessContextKeys();
    const time = clock();
    const sign = contextSigner(keys.privateKey, keys.alg, { now: time.now, reuseSeconds: 0 });
    const first = await sign(claims(), AUDIENCE);
    time.advance(1_000);
    expect(await sign(claims(), AUDIENCE)).not.toBe(first);
  });
});
