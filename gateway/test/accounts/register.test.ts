/**
 * The account register wired into the gateway: two replicas (startGateway twice, each with its own 60-second
 * account cache) sharing one PostgreSQL database (register and journal) and the machine's Redis. The agreement
 * gate, the admin API's grants, the HR feed over HTTP and a block seen by the other replica within 5 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import pino from 'pino';
import { defaultWorld, demoUser } from '@negiz/mocks';
import { configFromEnv } from '../../src/config.ts';
import { startGateway, type RunningGateway } from '../../src/start.ts';
import { createTestDatabase, type TestDatabase } from '../databases.ts';

const REDIS = process.env.NEGIZ_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const world = defaultWorld();

describe('the account register behind two gateway replicas', () => {
  let db: TestDatabase;
  let home: string;
  let a: RunningGateway;
  let b: RunningGateway;

  beforeAll(async () => {
    db = await createTestDatabase();
    home = mkdtempSync(join(tmpdir(), 'negiz-accounts-'));
    const config = configFromEnv({
      NEGIZ_HOME: home,
      NEGIZ_PORT: '0',
      NEGIZ_JOURNAL_URL: db.url,
      NEGIZ_ACCOUNTS_URL: db.url,
      NEGIZ_REDIS_URL: REDIS,
      NEGIZ_JUSTIFICATION_SHARE: '0',
      NEGIZ_LOG_LEVEL: 'silent',
    });
    // A long local cache: only the Redis announcement can make the other replica see a block within 5 s.
    const replica = { ...config, userStatusCacheMs: 60_000 };
    const logger = pino({ level: 'silent' });
    a = await startGateway(replica, { logger });
    b = await startGateway(replica, { logger });
  }, 240_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
    rmSync(home, { recursive: true, force: true });
  });

  const base = (g: RunningGateway) => g.url.replace(/\/graphql$/, '');
  const tokenOf = async (login: string): Promise<string> => {
    if (login === 'operator.kpssu') return a.idp!.issue({ login, role: 20, organisation: 'КПССУ Генеральной прокуратуры Республики Казахстан' });
    const user = demoUser(world, login)!;
    return a.idp!.issue({ login, role: user.role, organisation: user.organisation });
  };
  const call = async (g: RunningGateway, path: string, login: string | undefined, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(`${base(g)}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(login ? { authorization: `Bearer ${await tokenOf(login)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const json = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> } & Record<string, unknown>;
    return { status: response.status, code: json.errors?.[0]?.extensions.code, json };
  };
  const graphql = (g: RunningGateway, login: string) => call(g, '/graphql', login, { query: '{ __typename }' });

  it('gates everything but the acceptance on the agreement in force, then lets the user in', async () => {
    expect((await graphql(a, 'investigator.new')).code).toBe('AGREEMENT_REQUIRED');
    expect((await call(a, '/admin/users', 'investigator.new')).code).toBe('AGREEMENT_REQUIRED');
    const agreement = (await call(a, '/agreement', undefined)).json as { version: string; textHash: string };
    expect(agreement.version).toBe('1');
    // Signed with someone else's key: refused.
    const forged = await a.idp!.signAs('investigator.police', { version: agreement.version, textHash: agreement.textHash });
    expect((await call(a, '/agreement/accept', 'investigator.new', forged, 'application/jose')).code).toBe('AGREEMENT_SIGNATURE_INVALID');
    const jws = await a.idp!.signAs('investigator.new', { version: agreement.version, textHash: agreement.textHash });
    const accepted = await call(a, '/agreement/accept', 'investigator.new', { jws });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ login: 'investigator.new', agreement: { version: '1' } });
    // The replica that refused it a moment ago (and the other one) let the user in now.
    expect((await graphql(a, 'investigator.new')).code).not.toBe('AGREEMENT_REQUIRED');
    expect((await graphql(b, 'investigator.new')).code).not.toBe('AGREEMENT_REQUIRED');
  });

  it('opens the admin API to the OPERATOR grant only, and requires a reason', async () => {
    expect((await call(a, '/admin/users', undefined)).code).toBe('UNAUTHENTICATED');
    expect((await call(a, '/admin/users', 'investigator.police')).code).toBe('OPERATOR_REQUIRED');
    expect((await call(a, '/admin/users/investigator.police/block', 'investigator.police', { reason: 'self' })).code).toBe('OPERATOR_REQUIRED');
    const journaled = await db.admin();
    await journaled.connect();
    try {
      const rows = (await journaled.query<{ body: string }>(`select body from journal_entries`)).rows.map(
        (r) => JSON.parse(r.body) as { refusal?: string; operation: { name: string } },
      );
      expect(rows.filter((r) => r.refusal === 'OPERATOR_REQUIRED').map((r) => r.operation.name)).toEqual([
        'account.admin GET /admin/users',
        'account.admin POST /admin/users/:login/block',
      ]);
    } finally {
      await journaled.end();
    }
    const list = await call(a, '/admin/users', 'operator.kpssu');
    expect(list.status).toBe(200);
    expect((list.json.users as Array<{ login: string }>).map((u) => u.login)).toContain('investigator.police');
    expect((await call(a, '/admin/users/investigator.police/block', 'operator.kpssu', {})).code).toBe('REASON_REQUIRED');
    expect((await call(a, '/admin/users/nobody.here', 'operator.kpssu')).code).toBe('ACCOUNT_NOT_FOUND');
    const granted = await call(a, '/admin/users/investigator.police/grants', 'operator.kpssu', { kind: 'OPERATOR', reason: 'seconded to the operator' });
    expect(granted.status).toBe(200);
    expect((await call(b, '/admin/users', 'investigator.police')).status).toBe(200);
    await call(a, '/admin/users/investigator.police/grants/revoke', 'operator.kpssu', { kind: 'OPERATOR', reason: 'back to the unit' });
    expect((await call(b, '/admin/users', 'investigator.police')).code).toBe('OPERATOR_REQUIRED');
  });

  it('refuses a user blocked through one replica on the other within 5 seconds', async () => {
    const login = 'investigator.police2';
    // Both replicas have the account cached as active.
    expect((await graphql(a, login)).status).not.toBe(403);
    expect((await graphql(b, login)).status).not.toBe(403);
    const blocked = await call(a, `/admin/users/${login}/block`, 'operator.kpssu', { reason: 'internal security check', document: 'ДСБ-12/2026' });
    expect(blocked.json).toMatchObject({ status: 'BLOCKED' });
    const start = Date.now();
    let code: string | undefined;
    while (Date.now() - start < 5_000) {
      code = (await graphql(b, login)).code;
      if (code === 'ACCOUNT_BLOCKED') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(code).toBe('ACCOUNT_BLOCKED');
    expect(Date.now() - start).toBeLessThan(5_000);
    await call(a, `/admin/users/${login}/unblock`, 'operator.kpssu', { reason: 'check closed' });
  });

  it('takes signed HR notices over HTTP: a suspension refused on both replicas', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const organisation = demoUser(world, 'investigator.knb')!.organisation;
    const registered = await call(a, '/admin/hr-systems', 'operator.kpssu', {
      id: 'hr-knb',
      organisation,
      publicKey: { ...(await exportJWK(publicKey)), alg: 'ES256' },
      reason: 'HR integration agreement',
    });
    expect(registered.status).toBe(201);
    // Both replicas have the account cached as active; the notice goes to one of them.
    expect((await graphql(a, 'investigator.knb')).status).not.toBe(403);
    expect((await graphql(b, 'investigator.knb')).status).not.toBe(403);
    const event = { eventId: 'knb-1', orderNumber: '123-лс', orderDate: new Date().toISOString(), login: 'investigator.knb', kind: 'SUSPENDED' };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(event))).setProtectedHeader({ alg: 'ES256', kid: 'hr-knb' }).sign(privateKey);
    const answer = await call(b, '/hr/events', undefined, jws, 'application/jose');
    expect(answer.json).toMatchObject({ eventId: 'knb-1', outcome: 'APPLIED', duplicate: false, late: false });
    expect((await call(a, '/hr/events', undefined, jws, 'application/jose')).json).toMatchObject({ duplicate: true });
    expect((await call(a, '/hr/events', undefined, 'a.b.c', 'application/jose')).code).toBe('HR_EVENT_UNSIGNED');
    const start = Date.now();
    while (Date.now() - start < 5_000 && (await graphql(a, 'investigator.knb')).code !== 'ACCOUNT_SUSPENDED') await new Promise((r) => setTimeout(r, 50));
    expect((await graphql(a, 'investigator.knb')).code).toBe('ACCOUNT_SUSPENDED');
    expect((await graphql(b, 'investigator.knb')).code).toBe('ACCOUNT_SUSPENDED');
  });
});
