import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';
import { contextKeys, developmentContextKeys, signGatewayContext, verifyGatewayContext } from '../src/context.ts';
import type { SubgraphHost } from '../src/host.ts';
import { claims, fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const owner = world.personAt(0).iin;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }`;
const variables = { r: [{ __typename: 'Person', iin: owner }] };

let host: SubgraphHost;
beforeAll(async () => {
  host = await fixtureHost();
});
afterAll(() => host.close());

async function inProcess(gatewayToken: string | undefined, query = ENTITIES) {
  return host.services
    .get('s05-vehicles')!
    .graphql(query, { gatewayToken }, variables)
    .catch((error: { errors?: unknown[] } & Error) => ({
      data: null,
      errors: (error.errors ?? [error]) as Array<{ message: string; extensions?: Record<string, unknown> }>,
    }));
}

describe('the signed gateway context', () => {
  it('round-trips the claims for the audience it was signed for', async () => {
    const { publicKey } = await developmentContextKeys();
    const verified = await verifyGatewayContext(await token('s05-vehicles'), { publicKey, audience: 's05-vehicles' });
    expect(verified).toEqual(claims());
  });

  it('keeps checking expiry and audience when a context it verified before comes again', async () => {
    const { privateKey, publicKey } = await developmentContextKeys();
    const shared = await signGatewayContext(claims(), { privateKey, audience: ['s05-vehicles', 's01-individuals'] });
    expect(await verifyGatewayContext(shared, { publicKey, audience: 's05-vehicles' })).toEqual(claims());
    // The same text again: the signature is not re-verified, but every other check is.
    expect(await verifyGatewayContext(shared, { publicKey, audience: 's01-individuals' })).toEqual(claims());
    await expect(verifyGatewayContext(shared, { publicKey, audience: 's11-pension-contributions' })).rejects.toMatchObject({
      message: expect.stringMatching(/"aud" claim/),
      extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' },
    });
    const later = () => Date.now() + 61_000;
    await expect(verifyGatewayContext(shared, { publicKey, audience: 's05-vehicles', now: later })).rejects.toMatchObject({
      message: expect.stringMatching(/expired/),
    });
  });

  it('refuses a context whose signature was altered, even after the genuine one verified', async () => {
    const { privateKey, publicKey } = await developmentContextKeys();
    const genuine = await signGatewayContext(claims(), { privateKey, audience: 's05-vehicles' });
    await verifyGatewayContext(genuine, { publicKey, audience: 's05-vehicles' });
    const [header, payload, signature] = genuine.split('.');
    const flipped = `${signature!.slice(0, 10)}${signature![10] === 'A' ? 'B' : 'A'}${signature!.slice(11)}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(verifyGatewayContext(`${header}.${payload}.${flipped}`, { publicKey, audience: 's05-vehicles' })).rejects.toMatchObject({
        extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' },
      });
    }
    // A payload granting more, under the genuine signature.
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 21 })).toString('base64url');
    await expect(verifyGatewayContext(`${header}.${forged}.${signature}`, { publicKey, audience: 's05-vehicles' })).rejects.toMatchObject({
      message: expect.stringMatching(/signature does not verify/),
    });
  });

  it('reads configured keys (PEM) from the environment, EdDSA or ES256', async () => {
    for (const alg of ['EdDSA', 'ES256'] as const) {
      const pair = await generateKeyPair(alg, { extractable: true });
      const env = {
        NEGIZ_CONTEXT_ALG: alg,
        NEGIZ_CONTEXT_PRIVATE_KEY: await exportPKCS8(pair.privateKey),
        NEGIZ_CONTEXT_PUBLIC_KEY: await exportSPKI(pair.publicKey),
      };
      const keys = await contextKeys(env);
      const jws = await signGatewayContext(claims(), { privateKey: keys.privateKey!, audience: 's05-vehicles', alg });
      expect(await verifyGatewayContext(jws, { publicKey: keys.publicKey, audience: 's05-vehicles' })).toEqual(claims());
      const dev = await developmentContextKeys();
      await expect(verifyGatewayContext(jws, { publicKey: dev.publicKey, audience: 's05-vehicles' })).rejects.toMatchObject({
        extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' },
      });
    }
  });

  it('serves data to a request with a valid context', async () => {
    const result = await inProcess(await token('s05-vehicles'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ vehicles: [{ plate: world.vehiclesOf({ iin: owner })[0]!.plate }] }] });
  });

  const refusals: Array<[string, () => Promise<string | undefined>]> = [
    ['missing', async () => undefined],
    ['signed for another subgraph', () => token('s11-pension-contributions')],
    ['expired', () => token('s05-vehicles', {}, -10)],
    [
      'signed by another key',
      async () => {
        const { privateKey } = await generateKeyPair('EdDSA');
        const { sub, ...rest } = claims();
        return new SignJWT(rest)
          .setProtectedHeader({ alg: 'EdDSA' })
          .setIssuer('negiz-gateway')
          .setSubject(sub)
          .setAudience('s05-vehicles')
          .setIssuedAt()
          .setExpirationTime('60s')
          .sign(privateKey);
      },
    ],
    [
      'from another issuer',
      async () => {
        const { privateKey } = await developmentContextKeys();
        const { sub, ...rest } = claims();
        return new SignJWT(rest)
          .setProtectedHeader({ alg: 'EdDSA' })
          .setIssuer('someone-else')
          .setSubject(sub)
          .setAudience('s05-vehicles')
          .setIssuedAt()
          .setExpirationTime('60s')
          .sign(privateKey);
      },
    ],
    ['garbage', async () => 'not.a.token'],
  ];
  for (const [what, make] of refusals) {
    it(`refuses a context that is ${what}, with no data, _entities included`, async () => {
      const result = await inProcess(await make());
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions?.code).toBe('GATEWAY_CONTEXT_REQUIRED');
      expect(result.errors![0]!.message).toMatch(/signed by the gateway/);
    });
  }

  it('answers only _service without a context (the composition needs the SDL)', async () => {
    const result = await inProcess(undefined, '{ _service { sdl } }');
    expect(result.errors).toBeUndefined();
    expect((result.data as { _service: { sdl: string } })._service.sdl).toContain('vehicles: [Vehicle!]!');
    const mixed = await inProcess(undefined, '{ _service { sdl } vehicle(vin: "X") { plate } }');
    expect(mixed.errors![0]!.extensions?.code).toBe('GATEWAY_CONTEXT_REQUIRED');
  });

  it('checks the x-negiz-context header over HTTP the same way', async () => {
    const post = (headers: Record<string, string>) =>
      host.app.inject({ method: 'POST', url: '/s05-vehicles/graphql', headers, payload: { query: ENTITIES, variables } });
    const refused = await post({});
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'GATEWAY_CONTEXT_REQUIRED' } }] });
    const served = await post({ [GATEWAY_CONTEXT_HEADER]: await token('s05-vehicles') });
    expect(served.json().data._entities[0].vehicles).toHaveLength(1);
    const health = await host.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', services: 3 });
  });
});
