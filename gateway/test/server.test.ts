import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryUnavailableError } from '../src/basis/index.ts';
import { IIN, IIN_BROKEN, post, startHarness, type Harness } from './harness.ts';

const CRIMINAL = { type: 'CRIMINAL', number: '241500031000123' };
const OTHERS = { type: 'CRIMINAL', number: '241500031000999' };
const CLOSED = { type: 'CRIMINAL', number: '241500031000555' };
const OTHERS_CLOSED = { type: 'CRIMINAL', number: '241500031000556' };
const UNKNOWN = { type: 'CRIMINAL', number: '999999999999999' };
const QUERY = `{ person(iin: "${IIN}") { lastName } }`;

let h: Harness;
let failRegistry = false;
beforeAll(async () => {
  h = await startHarness({
    users: [
      { login: 'inv1', status: 'ACTIVE', role: 3 },
      { login: 'inv2', status: 'ACTIVE', role: 3 },
      { login: 'blocked', status: 'BLOCKED', role: 3 },
      { login: 'suspended', status: 'SUSPENDED', role: 3 },
      { login: 'new', status: 'ACTIVE', role: 3, agreementAccepted: false },
    ],
  });
  const cases = h.cases;
  cases.cases.set(`CRIMINAL:${CRIMINAL.number}`, { type: 'CRIMINAL', number: CRIMINAL.number, status: 'OPEN', assignees: ['inv1'], articles: ['190'] });
  cases.cases.set(`CRIMINAL:${OTHERS.number}`, { type: 'CRIMINAL', number: OTHERS.number, status: 'OPEN', assignees: ['inv2'] });
  cases.cases.set(`CRIMINAL:${CLOSED.number}`, { type: 'CRIMINAL', number: CLOSED.number, status: 'CLOSED', assignees: ['inv1'] });
  cases.cases.set(`CRIMINAL:${OTHERS_CLOSED.number}`, { type: 'CRIMINAL', number: OTHERS_CLOSED.number, status: 'CLOSED', assignees: ['inv2'] });
  cases.instructions.set('INS-7', { number: 'INS-7', caseNumber: OTHERS.number, addressee: 'inv1', status: 'OPEN' });
  cases.instructions.set('INS-8', { number: 'INS-8', caseNumber: OTHERS.number, addressee: 'inv2', status: 'OPEN' });
  // A registry outage, switchable per test.
  const findCase = cases.findCase.bind(cases);
  cases.findCase = async (type, number) => {
    if (failRegistry) throw new RegistryUnavailableError('down');
    return findCase(type, number);
  };
});
afterAll(() => h?.close());
beforeEach(() => {
  failRegistry = false;
  h.journal.failing = false;
  h.journal.entries.length = 0;
  h.calls.length = 0;
});

async function ask(
  login: string,
  basis: unknown,
  extra: { amr?: string[]; role?: number; query?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
) {
  const token = await h.token({ login, ...(extra.amr ? { amr: extra.amr } : {}), ...(extra.role ? { role: extra.role } : {}) });
  return post(
    h,
    { query: extra.query ?? QUERY, ...(extra.variables ? { variables: extra.variables } : {}), ...(basis ? { extensions: { basis } } : {}) },
    { authorization: `Bearer ${token}`, ...extra.headers },
  );
}

function expectRefusal(r: Awaited<ReturnType<typeof post>>, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0]!.extensions!.code).toBe(code);
  expect(r.body.errors![0]!.message).toMatch(/order No\. 21|Appendix|p\.\d/);
  expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|\bat .*\.ts:\d+/);
}

describe('authenticate', () => {
  it('answers a verified, multi-factor, active user', async () => {
    const r = await ask('inv1', CRIMINAL);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: { person: { lastName: 'Last012' } },
      extensions: { journal: { id: expect.any(String), leafHash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
  });

  it('refuses a request without a token (UNAUTHENTICATED, 401)', async () => {
    expectRefusal(await post(h, { query: QUERY, extensions: { basis: CRIMINAL } }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token signed by another key, an expired one and one for another audience', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ role: 3, org: 'MVD', amr: ['hwk', 'fpt'] })
      .setProtectedHeader({ alg: 'ES256', kid: h.idp.jwks.keys[0]!.kid! })
      .setIssuer(h.idp.issuer)
      .setAudience(h.idp.audience)
      .setSubject('inv1')
      .setExpirationTime('1h')
      .sign(privateKey);
    expectRefusal(await post(h, { query: QUERY }, { authorization: `Bearer ${forged}` }), 401, 'UNAUTHENTICATED');
    const expired = await h.idp.issue({ login: 'inv1', role: 3, organisation: 'MVD', lifetime: -120 });
    const r = await post(h, { query: QUERY }, { authorization: `Bearer ${expired}` });
    expectRefusal(r, 401, 'UNAUTHENTICATED');
    expect(r.body.errors![0]!.message).toMatch(/expired/);
  });

  it('refuses a token without multi-factor proof (MFA_REQUIRED, 401)', async () => {
    expectRefusal(await ask('inv1', CRIMINAL, { amr: ['pwd'] }), 401, 'MFA_REQUIRED');
    expectRefusal(await ask('inv1', CRIMINAL, { amr: ['hwk'] }), 401, 'MFA_REQUIRED');
    // A signature key kept as a file (swk) is not the hardware key the agreement requires (p.8).
    expectRefusal(await ask('inv1', CRIMINAL, { amr: ['swk', 'otp'] }), 401, 'MFA_REQUIRED');
    expect((await ask('inv1', CRIMINAL, { amr: ['sc', 'sms'] })).status).toBe(200);
    expect((await ask('inv1', CRIMINAL, { amr: ['hwk', 'face'] })).status).toBe(200);
  });

  it('refuses blocked, suspended and not-yet-agreed accounts (403)', async () => {
    expectRefusal(await ask('blocked', CRIMINAL), 403, 'ACCOUNT_BLOCKED');
    expectRefusal(await ask('suspended', CRIMINAL), 403, 'ACCOUNT_SUSPENDED');
    expectRefusal(await ask('new', CRIMINAL), 403, 'AGREEMENT_REQUIRED');
  });

  it('refuses a user blocked after login on the next request, with the same still-valid token', async () => {
    h.users.set({ login: 'later', status: 'ACTIVE', role: 3 });
    h.cases.cases.set(`CRIMINAL:241500031000777`, { type: 'CRIMINAL', number: '241500031000777', status: 'OPEN', assignees: ['later'] });
    const token = await h.token({ login: 'later' });
    const send = () => post(h, { query: QUERY, extensions: { basis: { type: 'CRIMINAL', number: '241500031000777' } } }, { authorization: `Bearer ${token}` });
    expect((await send()).status).toBe(200);
    h.users.setStatus('later', 'BLOCKED');
    expectRefusal(await send(), 403, 'ACCOUNT_BLOCKED');
  });

  it('refuses a token whose role is not the role the account holds now (a transfer, p.14)', async () => {
    expectRefusal(await ask('inv1', CRIMINAL, { role: 1 }), 401, 'UNAUTHENTICATED');
  });
});

describe('basis', () => {
  it('requires a basis (BASIS_REQUIRED, 400)', async () => {
    expectRefusal(await ask('inv1', undefined), 400, 'BASIS_REQUIRED');
  });

  it('refuses a malformed basis (BASIS_INVALID, 400)', async () => {
    expectRefusal(await ask('inv1', { type: 'CRIMINAL', number: '12' }), 400, 'BASIS_INVALID');
    expectRefusal(await ask('inv1', { type: 'WHIM', number: '241500031000123' }), 400, 'BASIS_INVALID');
    expectRefusal(await ask('inv1', { type: 'ADMIN_OFFENCE', number: '245510000123', instruction: 'INS-7' }), 400, 'BASIS_INVALID');
    expectRefusal(await ask('inv1', 'CRIMINAL 241500031000123'), 400, 'BASIS_INVALID');
  });

  it('refuses a basis the role may not use (FORBIDDEN_BASIS_FOR_ROLE, 403, Appendix 1)', async () => {
    const r = await ask('inv1', { type: 'CIVIL', number: '7510-2024-02-2/5678' });
    expectRefusal(r, 403, 'FORBIDDEN_BASIS_FOR_ROLE');
    expect(r.body.errors![0]!.extensions!.rule).toEqual({ appendix: 1, row: 3, column: 4 });
  });

  it('answers an unknown case and someone else’s case alike (BASIS_NOT_YOURS, 403)', async () => {
    const unknown = await ask('inv1', UNKNOWN);
    const others = await ask('inv1', OTHERS);
    expectRefusal(unknown, 403, 'BASIS_NOT_YOURS');
    expectRefusal(others, 403, 'BASIS_NOT_YOURS');
    // The same answer but for each request's own journal receipt.
    expect(unknown.body.errors).toEqual(others.body.errors);
    // Someone else's closed case says nothing about being closed.
    expect((await ask('inv1', OTHERS_CLOSED)).body.errors).toEqual(others.body.errors);
  });

  it('says CASE_CLOSED only of the user’s own case (403)', async () => {
    expectRefusal(await ask('inv1', CLOSED), 403, 'CASE_CLOSED');
  });

  it('accepts an instruction on another’s case addressed to this user, and no other (p.22)', async () => {
    expect((await ask('inv1', { ...OTHERS, instruction: 'INS-7' })).status).toBe(200);
    expectRefusal(await ask('inv1', { ...OTHERS, instruction: 'INS-8' }), 403, 'BASIS_NOT_YOURS');
    expectRefusal(await ask('inv1', { ...OTHERS, instruction: 'INS-404' }), 403, 'BASIS_NOT_YOURS');
    expectRefusal(await ask('inv1', { ...CRIMINAL, instruction: 'INS-8' }), 403, 'BASIS_NOT_YOURS');
  });

  it('refuses a malformed IIN before asking anyone (INVALID_IIN, 400), in a literal or a variable', async () => {
    const r = await ask('inv1', CRIMINAL, { query: `{ person(iin: "850301300013") { lastName } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors![0]!.extensions!.code).toBe('INVALID_IIN');
    expect(JSON.stringify(r.body)).not.toContain('850301300013');
    const v = await ask('inv1', CRIMINAL, { query: `query Q($iin: IIN!) { person(iin: $iin) { lastName } }`, variables: { iin: '12' } });
    expect(v.status).toBe(400);
    expect(h.calls).toHaveLength(0);
  });

  it('fails closed when the registry cannot be reached (BASIS_UNVERIFIABLE, 503)', async () => {
    failRegistry = true;
    expectRefusal(await ask('inv1', { type: 'CRIMINAL', number: '241500031000124' }), 503, 'BASIS_UNVERIFIABLE');
  });

  it('reads the basis from the x-basis-* headers too', async () => {
    const r = await ask('inv1', undefined, { headers: { 'x-basis-type': 'CRIMINAL', 'x-basis-number': CRIMINAL.number } });
    expect(r.status).toBe(200);
    expectRefusal(await ask('inv1', undefined, { headers: { 'x-basis-type': 'CRIMINAL', 'x-basis-number': OTHERS.number } }), 403, 'BASIS_NOT_YOURS');
  });

  it('journals a refused basis with its refusal code', async () => {
    await ask('inv1', OTHERS);
    expect(h.journal.entries).toHaveLength(1);
    expect(h.journal.entries[0]).toMatchObject({
      outcome: 'REFUSED',
      refusal: 'BASIS_NOT_YOURS',
      basis: { verification: 'BASIS_NOT_YOURS', number: OTHERS.number },
    });
  });
});

describe('journal and execution', () => {
  it('journals before release: user, verified basis, subjects, services called', async () => {
    const r = await ask('inv1', CRIMINAL, { query: `query Look($iin: IIN!) { person(iin: $iin) { lastName vehicles { plate } } }`, variables: { iin: IIN } });
    expect(r.status).toBe(200);
    expect(h.journal.entries).toHaveLength(1);
    const entry = h.journal.entries[0]!;
    expect(entry).toMatchObject({
      user: { login: 'inv1', role: 3, organisation: 'MVD' },
      basis: { type: 'CRIMINAL', number: CRIMINAL.number, verification: 'VERIFIED' },
      operation: { name: 'Look', kind: 'query' },
      outcome: 'RELEASED',
      caseNumber: CRIMINAL.number,
    });
    expect(entry.servicesCalled.sort()).toEqual(['s01-individuals', 's05-vehicles']);
    expect(entry.subjects).toEqual([{ kind: 'IIN', value: IIN }]);
  });

  it('releases no data when the journal cannot commit (JOURNAL_UNAVAILABLE, 503)', async () => {
    h.journal.failing = true;
    const r = await ask('inv1', CRIMINAL);
    expectRefusal(r, 503, 'JOURNAL_UNAVAILABLE');
    expect(JSON.stringify(r.body)).not.toContain('Last012');
  });

  it('forwards the signed context with the subgraph as audience and nothing of the client token', async () => {
    const token = await h.token({ login: 'inv1' });
    await post(
      h,
      { query: `{ person(iin: "${IIN}") { lastName vehicles { plate } } }`, extensions: { basis: CRIMINAL } },
      { authorization: `Bearer ${token}`, cookie: 'a=b' },
    );
    expect(h.calls.map((c) => c.service).sort()).toEqual(['s01-individuals', 's05-vehicles']);
    for (const call of h.calls) {
      expect(Object.keys(call.headers).sort()).toEqual(['x-negiz-context', 'x-request-id']);
      expect(JSON.stringify(call.headers)).not.toContain(token);
      const claims = JSON.parse(Buffer.from(call.headers['x-negiz-context']!.split('.')[1]!, 'base64url').toString());
      // One context per operation, its audience every subgraph the operation names (this one included).
      expect([claims.aud].flat().sort()).toEqual(['s01-individuals', 's05-vehicles']);
      expect(claims).toMatchObject({
        iss: 'negiz-gateway',
        sub: 'inv1',
        role: 3,
        basis: { type: 'CRIMINAL', number: CRIMINAL.number },
        articlesQualify: false,
      });
    }
  });

  it('reuses one signed context for the same user, basis and services, each request keeping its own request id', async () => {
    const token = await h.token({ login: 'inv1' });
    const query = { query: `{ person(iin: "${IIN}") { lastName vehicles { plate } } }`, extensions: { basis: CRIMINAL } };
    h.calls.length = 0;
    await post(h, query, { authorization: `Bearer ${token}` });
    await post(h, query, { authorization: `Bearer ${token}` });
    const contexts = new Set(h.calls.map((c) => c.headers['x-negiz-context']));
    const requestIds = new Set(h.calls.map((c) => c.headers['x-request-id']));
    expect(h.calls).toHaveLength(4);
    expect(contexts.size).toBe(1);
    expect(requestIds.size).toBe(2);
    const other = await h.token({ login: 'inv2' });
    h.calls.length = 0;
    await post(h, { ...query, extensions: { basis: OTHERS } }, { authorization: `Bearer ${other}` });
    expect(h.calls).toHaveLength(2);
    for (const call of h.calls) expect(contexts.has(call.headers['x-negiz-context'])).toBe(false);
  });

  it('hides _entities from the paths of entity-fetch errors', async () => {
    const r = await ask('inv1', CRIMINAL, { query: `{ person(iin: "${IIN_BROKEN}") { lastName stateEmployeeRecord { position agency } } }` });
    expect(r.status).toBe(200);
    expect(r.body.errors!.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.body)).not.toContain('_entities');
    expect(r.body.errors![0]!.path).toEqual(['person', 'stateEmployeeRecord', 'agency']);
  });

  it('serves /metrics without personal data in labels', async () => {
    await ask('inv1', CRIMINAL);
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('negiz_gateway_operations_total');
    expect(metrics.body).not.toContain(IIN);
    expect(metrics.body).not.toContain('inv1');
  });

  it('does not serve the development JWKS unless configured', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).statusCode).toBe(404);
  });
});
