/**
 * A basis or an account the registries withdraw stops opening data within the configured cache age, never later:
 * with 0 on the very next request. The registries are real HTTP servers (the development registry server).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devIdentityProvider, type DevIdentityProvider } from '../../src/authenticate/dev-idp.ts';
import { httpUserRegistry } from '../../src/authenticate/http-users.ts';
import { cachedUserRegistry, createAuthenticator, createTokenVerifier, jwksFromObject } from '../../src/authenticate/index.ts';
import { createBasisVerifier, HttpCaseRegistry, type BasisClaim } from '../../src/basis/index.ts';
import { startRegistryServer, type RegistryServer } from '../../src/development/registry-server.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

// The mocks' default world (npx negiz mocks cases --user investigator.police).
const POLICE = 'investigator.police';
const OWN = { type: 'CRIMINAL', number: '261889032000022' } as const;
const OWN_TOO = { type: 'CRIMINAL', number: '261889031000021' } as const;
const ADMIN = { type: 'ADMIN_OFFENCE', number: '261889000024' } as const;
/** investigator.knb's case, opened to investigator.police by an instruction (p.22). */
const INSTRUCTED = { type: 'CRIMINAL', number: '261673035000032', instruction: '72-0162/26' } as const;
const POLICE_IDENTITY = { login: POLICE, role: 3, organisation: 'MVD', amr: ['hwk', 'fpt'], expiresAt: 0 };
const QUERY = `{ person(iin: "${IIN}") { lastName } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outcome = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'OK',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('the basis verifier against an HTTP case registry', () => {
  let registry: RegistryServer;
  let cases: HttpCaseRegistry;
  beforeAll(async () => {
    registry = await startRegistryServer();
    cases = new HttpCaseRegistry({ baseUrl: registry.url });
  });
  afterAll(() => registry?.close());

  it('with cacheMs 0 asks the registry on every request: a closed, reassigned case, an executed instruction refuse at once', async () => {
    const verify = createBasisVerifier({ registry: cases, cacheMs: 0 });
    const ask = (claim: BasisClaim) => outcome(verify(POLICE_IDENTITY, claim));
    expect([await ask(OWN), await ask(OWN_TOO), await ask(INSTRUCTED)]).toEqual(['OK', 'OK', 'OK']);
    registry.closeCase(OWN.type, OWN.number);
    registry.reassignCase(OWN_TOO.type, OWN_TOO.number, ['investigator.police2']);
    registry.executeInstruction(INSTRUCTED.instruction);
    expect([await ask(OWN), await ask(OWN_TOO), await ask(INSTRUCTED)]).toEqual(['CASE_CLOSED', 'BASIS_NOT_YOURS', 'BASIS_NOT_YOURS']);
  });

  it('serves a positive verdict no older than cacheMs, counted from when the registry was asked, and never a refusal', async () => {
    const own = await startRegistryServer();
    try {
      let clock = 1_000_000;
      const slowly = new HttpCaseRegistry({ baseUrl: own.url });
      // The registry takes 300 ms (of this clock) to answer: the verdict is as old as the question.
      const findCase = slowly.findCase.bind(slowly);
      slowly.findCase = async (type, number) => {
        const found = await findCase(type, number);
        clock += 300;
        return found;
      };
      const verify = createBasisVerifier({ registry: slowly, cacheMs: 10_000, clock: () => clock });
      const ask = (claim: BasisClaim) => outcome(verify(POLICE_IDENTITY, claim));
      expect(await ask(OWN)).toBe('OK');
      own.closeCase(OWN.type, OWN.number);
      clock += 10_000 - 300 - 1;
      expect(await ask(OWN)).toBe('OK');
      clock += 1;
      expect(await ask(OWN)).toBe('CASE_CLOSED');

      // A refusal is not remembered: the case handed to the user works on the next request.
      expect(await ask(ADMIN)).toBe('OK');
      own.reassignCase('CRIMINAL', '261889037000027', [POLICE]);
      expect(await ask({ type: 'CRIMINAL', number: '261889037000027' })).toBe('OK');
      own.reassignCase('CRIMINAL', '268861037000013', ['investigator.police2']);
      expect(await ask({ type: 'CRIMINAL', number: '268861037000013' })).toBe('BASIS_NOT_YOURS');
      own.reassignCase('CRIMINAL', '268861037000013', [POLICE]);
      expect(await ask({ type: 'CRIMINAL', number: '268861037000013' })).toBe('OK');
    } finally {
      await own.close();
    }
  });

  it("refuses an instruction on another case than the one claimed, even on the user's own open case", async () => {
    const own = await startRegistryServer();
    try {
      const verify = createBasisVerifier({ registry: new HttpCaseRegistry({ baseUrl: own.url }), cacheMs: 10_000 });
      expect(await outcome(verify(POLICE_IDENTITY, OWN))).toBe('OK');
      expect(await outcome(verify(POLICE_IDENTITY, { ...OWN, instruction: INSTRUCTED.instruction }))).toBe('BASIS_NOT_YOURS');
    } finally {
      await own.close();
    }
  });
});

describe('the account status from an HTTP user register', () => {
  let registry: RegistryServer;
  let idp: DevIdentityProvider;
  beforeAll(async () => {
    registry = await startRegistryServer();
    idp = await devIdentityProvider(mkdtempSync(join(tmpdir(), 'negiz-revocation-')));
  });
  afterAll(() => registry?.close());

  const authenticatorFor = (ttlMs: number, clock?: () => number) =>
    createAuthenticator(
      createTokenVerifier({ keys: jwksFromObject(idp.jwks), issuer: idp.issuer, audience: idp.audience }),
      cachedUserRegistry(httpUserRegistry(registry.url), ttlMs, clock ? { clock } : {}),
    );
  const tokenOf = async (login: string, role: number) => `Bearer ${await idp.issue({ login, role, organisation: 'MVD' })}`;

  it('with a 0 ms status cache refuses a blocked user on the next request', async () => {
    const authenticate = authenticatorFor(0);
    const token = await tokenOf('investigator.police2', 3);
    expect(await outcome(authenticate(token))).toBe('OK');
    registry.setUserStatus('investigator.police2', 'BLOCKED');
    expect(await outcome(authenticate(token))).toBe('ACCOUNT_BLOCKED');
  });

  it('refuses a blocked user once the status cache age has run out, and never remembers a refusal', async () => {
    let clock = 5_000;
    const authenticate = authenticatorFor(1_000, () => clock);
    const token = await tokenOf('investigator.knb', 4);
    expect(await outcome(authenticate(token))).toBe('OK');
    registry.setUserStatus('investigator.knb', 'BLOCKED');
    clock += 999;
    expect(await outcome(authenticate(token))).toBe('OK');
    clock += 1;
    expect(await outcome(authenticate(token))).toBe('ACCOUNT_BLOCKED');
    registry.setUserStatus('investigator.knb', 'ACTIVE');
    expect(await outcome(authenticate(token))).toBe('OK');
  });
});

describe('the gateway end to end, case registry over HTTP', () => {
  const USERS = [
    { login: POLICE, status: 'ACTIVE' as const, role: 3 },
    { login: 'investigator.police2', status: 'ACTIVE' as const, role: 3 },
  ];

  async function ask(h: Harness, login: string, basis: BasisClaim): Promise<string> {
    const token = await h.token({ login, role: 3 });
    const r = await post(h, { query: QUERY, extensions: { basis } }, { authorization: `Bearer ${token}` });
    if (r.status === 200 && r.body.data?.person) return 'OK';
    expect(r.body.data ?? undefined).toBeUndefined();
    return String(r.body.errors?.[0]?.extensions?.code);
  }

  describe('basisCacheMs 0', () => {
    let registry: RegistryServer;
    let h: Harness;
    beforeAll(async () => {
      registry = await startRegistryServer();
      h = await startHarness({ registry: new HttpCaseRegistry({ baseUrl: registry.url }), basisCacheMs: 0, users: USERS });
    });
    afterAll(async () => {
      await h?.close();
      await registry?.close();
    });

    it('refuses an instruction for another case than the one claimed', async () => {
      expect(await ask(h, POLICE, OWN)).toBe('OK');
      expect(await ask(h, POLICE, { ...OWN, instruction: INSTRUCTED.instruction })).toBe('BASIS_NOT_YOURS');
    });

    it('refuses on the next request a case closed, a case reassigned, an instruction executed', async () => {
      expect(await ask(h, POLICE, OWN)).toBe('OK');
      registry.closeCase(OWN.type, OWN.number);
      expect(await ask(h, POLICE, OWN)).toBe('CASE_CLOSED');

      expect(await ask(h, POLICE, OWN_TOO)).toBe('OK');
      registry.reassignCase(OWN_TOO.type, OWN_TOO.number, ['investigator.police2']);
      expect(await ask(h, POLICE, OWN_TOO)).toBe('BASIS_NOT_YOURS');
      expect(await ask(h, 'investigator.police2', OWN_TOO)).toBe('OK');

      expect(await ask(h, POLICE, INSTRUCTED)).toBe('OK');
      registry.executeInstruction(INSTRUCTED.instruction);
      expect(await ask(h, POLICE, INSTRUCTED)).toBe('BASIS_NOT_YOURS');
    });
  });

  describe('basisCacheMs 400', () => {
    const CACHE_MS = 400;
    let registry: RegistryServer;
    let h: Harness;
    beforeAll(async () => {
      registry = await startRegistryServer();
      h = await startHarness({ registry: new HttpCaseRegistry({ baseUrl: registry.url }), basisCacheMs: CACHE_MS, users: USERS });
    });
    afterAll(async () => {
      await h?.close();
      await registry?.close();
    });

    it('refuses a case closed, reassigned, an instruction executed once the configured age has passed', async () => {
      expect([await ask(h, POLICE, OWN), await ask(h, POLICE, OWN_TOO), await ask(h, POLICE, INSTRUCTED)]).toEqual(['OK', 'OK', 'OK']);
      // The verdicts were reached before these answers: from here on they are older than the age after CACHE_MS.
      registry.closeCase(OWN.type, OWN.number);
      registry.reassignCase(OWN_TOO.type, OWN_TOO.number, ['investigator.police2']);
      registry.executeInstruction(INSTRUCTED.instruction);
      await sleep(CACHE_MS + 20);
      expect([await ask(h, POLICE, OWN), await ask(h, POLICE, OWN_TOO), await ask(h, POLICE, INSTRUCTED)]).toEqual([
        'CASE_CLOSED',
        'BASIS_NOT_YOURS',
        'BASIS_NOT_YOURS',
      ]);
    });
  });
});
