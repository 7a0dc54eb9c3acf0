import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { Refusal } from '@negiz/schema';
import { accountRoutes, type Caller } from '../src/routes.ts';
import { openFixture, withReason, type Fixture } from './databases.ts';

/** Bearer tokens are the callers' logins here: the gateway's real authenticator is tested in gateway/test/accounts. */
const bearer = (authorization: string | undefined): Caller => {
  const login = authorization?.replace(/^Bearer /, '');
  if (!login) throw new Refusal('UNAUTHENTICATED');
  return { login, role: login.startsWith('operator') ? 20 : 3, organisation: 'ORG' };
};

describe('the register over HTTP', () => {
  let f: Fixture;
  let app: FastifyInstance;
  let userKey: Awaited<ReturnType<typeof generateKeyPair>>;
  beforeAll(async () => {
    f = await openFixture();
    userKey = await generateKeyPair('ES256', { extractable: true });
    await f.accounts.register.add({ login: 'operator.one', fullName: 'Оператор', organisation: 'КПССУ', role: 20 }, withReason('operator staff'));
    await f.accounts.register.grant('operator.one', 'OPERATOR', withReason('operator staff'));
    app = Fastify();
    await accountRoutes({ register: f.accounts.register, hr: f.accounts.hr, authenticate: async (a) => bearer(a), identify: async (a) => bearer(a) })(app);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await f.close();
  });

  const send = async (method: 'GET' | 'POST', url: string, login?: string, payload?: unknown, contentType = 'application/json') => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(login ? { authorization: `Bearer ${login}` } : {}), ...(payload === undefined ? {} : { 'content-type': contentType }) },
      ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });
    const body = response.json() as { errors?: Array<{ extensions: { code: string } }> } & Record<string, unknown>;
    return { status: response.statusCode, code: body.errors?.[0]?.extensions.code, body };
  };

  it('lets the operator add, change and read accounts, refusing everyone else', async () => {
    const user = {
      login: 'investigator.http',
      fullName: 'Тест',
      organisation: 'ORG, отдел',
      role: 3,
      signingKey: await exportJWK(userKey.publicKey),
      reason: 'application',
    };
    expect((await send('POST', '/admin/users', 'investigator.x', user)).code).toBe('OPERATOR_REQUIRED');
    expect((await send('POST', '/admin/users', undefined, user)).code).toBe('UNAUTHENTICATED');
    expect((await send('POST', '/admin/users', 'operator.one', { ...user, role: 'three' })).code).toBe('ACCOUNT_CHANGE_INVALID');
    expect((await send('POST', '/admin/users', 'operator.one', '{not json')).code).toBe('BAD_REQUEST');
    expect((await send('POST', '/admin/users', 'operator.one', user)).status).toBe(201);
    expect((await send('POST', '/admin/users/investigator.http/block', 'operator.one', { reason: 'check' })).body).toMatchObject({ status: 'BLOCKED' });
    expect((await send('POST', '/admin/users/investigator.http/unblock', 'operator.one', { reason: 'closed' })).body).toMatchObject({ status: 'ACTIVE' });
    expect((await send('POST', '/admin/users/investigator.http/approve-role', 'operator.one', { reason: 'x' })).code).toBe('ROLE_NOT_PENDING');
    expect(
      (await send('POST', '/admin/users/investigator.http/grants', 'operator.one', { kind: 'REPORTS', reason: 'head', document: 'letter 1' })).status,
    ).toBe(200);
    expect((await send('POST', '/admin/users/investigator.http/grants/revoke', 'operator.one', { kind: 'REPORTS', reason: 'left' })).body).toMatchObject({
      grants: [],
    });
    expect((await send('GET', '/admin/users/investigator.http', 'operator.one')).body).toMatchObject({ login: 'investigator.http', role: 3 });
    expect((await send('GET', '/admin/users/nobody', 'operator.one')).code).toBe('ACCOUNT_NOT_FOUND');
    expect(((await send('GET', '/admin/users', 'operator.one')).body.users as unknown[]).length).toBe(2);
  });

  it("takes the user's signed acceptance as application/jose, text/plain or JSON", async () => {
    const { version, textHash } = (await send('GET', '/agreement')).body as { version: string; textHash: string };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify({ version, textHash })))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(userKey.privateKey);
    expect((await send('POST', '/agreement/accept', 'investigator.http', {})).code).toBe('AGREEMENT_SIGNATURE_INVALID');
    expect((await send('POST', '/agreement/accept', 'investigator.http', jws, 'text/plain')).body).toMatchObject({ agreement: { version } });
    expect((await send('POST', '/agreement/accept', 'investigator.http', { jws })).status).toBe(200);
    expect((await send('POST', '/agreement/accept', 'investigator.http', jws, 'application/jose')).status).toBe(200);
  });

  it('registers an HR system and takes its signed notices', async () => {
    const hr = await generateKeyPair('ES256', { extractable: true });
    const system = { id: 'hr-org', organisation: 'ORG', publicKey: await exportJWK(hr.publicKey) };
    expect((await send('POST', '/admin/hr-systems', 'operator.one', system)).code).toBe('REASON_REQUIRED');
    expect((await send('POST', '/admin/hr-systems', 'operator.one', { ...system, reason: 'integration' })).status).toBe(201);
    const event = { eventId: 'h-1', orderNumber: '1-лс', orderDate: f.clock.now().toISOString(), login: 'investigator.http', kind: 'SUSPENDED' };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(event))).setProtectedHeader({ alg: 'ES256', kid: 'hr-org' }).sign(hr.privateKey);
    expect((await send('POST', '/hr/events', undefined, { jws })).body).toMatchObject({ eventId: 'h-1', outcome: 'APPLIED' });
    expect((await send('POST', '/hr/events', undefined, { event })).code).toBe('HR_EVENT_UNSIGNED');
    expect((await f.accounts.register.account('investigator.http'))?.status).toBe('SUSPENDED');
  });
});
