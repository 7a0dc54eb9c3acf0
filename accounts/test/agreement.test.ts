import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';
import { Refusal } from '@negiz/schema';
import { DEFAULT_AGREEMENT_DIR, loadAgreement, type Agreement } from '../src/agreement.ts';
import { AccountRegister } from '../src/register.ts';
import { accountEntries, openFixture, withReason, type Fixture } from './databases.ts';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const code = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  return 'ACCEPTED';
};

describe('the agreement file', () => {
  it('is version 1 of schema/agreement, its hash that of the text', () => {
    const agreement = loadAgreement();
    const text = readFileSync(new URL('agreement.v1.md', DEFAULT_AGREEMENT_DIR), 'utf8');
    expect(agreement).toMatchObject({ version: '1', textHash: createHash('sha256').update(text).digest('hex') });
    expect(agreement.text).toContain('Appendix 6');
  });

  it('refuses a text changed without its hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'negiz-agreement-'));
    try {
      writeFileSync(join(dir, 'agreement.yaml'), `version: '2'\nfile: a.md\ntextHash: '${'0'.repeat(64)}'\n`);
      writeFileSync(join(dir, 'a.md'), 'edited');
      expect(() => loadAgreement(pathToFileURL(`${dir}/`))).toThrow(/needs a new version/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the user's acceptance", () => {
  let f: Fixture;
  let key: PrivateKey;
  let other: PrivateKey;
  beforeAll(async () => {
    f = await openFixture();
    const pair = await generateKeyPair('ES256', { extractable: true });
    key = pair.privateKey;
    other = (await generateKeyPair('ES256')).privateKey;
    await f.accounts.register.add(
      {
        login: 'judge.almaty',
        fullName: 'Судьева Судья',
        organisation: 'Алматинский городской суд',
        role: 2,
        signingKey: { ...(await exportJWK(pair.publicKey)), alg: 'ES256' },
      },
      withReason('registration'),
    );
    await f.accounts.register.add({ login: 'nokey.user', fullName: 'Без Ключа', organisation: 'Суд', role: 2 }, withReason('registration'));
  });
  afterAll(() => f.close());

  const signed = (payload: unknown, signer = key) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'ES256' }).sign(signer);
  const current = (): Agreement => f.accounts.register.agreement;

  it('keeps a signed acceptance of the version in force, and journals it', async () => {
    const jws = await signed({ version: current().version, textHash: current().textHash });
    const account = await f.accounts.register.acceptAgreement('judge.almaty', jws, {
      actor: { login: 'judge.almaty', role: 2, organisation: 'Суд' },
      client: { kind: 'PORTAL', id: 'agreement' },
    });
    expect(account.agreement).toMatchObject({ version: '1', textHash: current().textHash });
    expect(await f.accounts.register.acceptance('judge.almaty')).toBe(jws);
    expect((await f.accounts.register.standing('judge.almaty'))?.agreementAccepted).toBe(true);
    expect((await accountEntries(f.journal)).at(-1)).toMatchObject({ name: 'account.agreement', note: { agreementVersion: '1' } });
  });

  it('refuses a wrong signer, a wrong payload, an old version and an account without a key', async () => {
    const ctx = { actor: { login: 'judge.almaty', role: 2, organisation: 'Суд' }, client: { kind: 'PORTAL' as const, id: 'agreement' } };
    const accept = (jws: string, login = 'judge.almaty') => f.accounts.register.acceptAgreement(login, jws, ctx);
    expect(await code(accept(await signed({ version: '1', textHash: current().textHash }, other)))).toBe('AGREEMENT_SIGNATURE_INVALID');
    expect(await code(accept('garbage'))).toBe('AGREEMENT_SIGNATURE_INVALID');
    expect(await code(accept(await signed({ hello: 'world' })))).toBe('AGREEMENT_SIGNATURE_INVALID');
    expect(await code(accept(await signed({ version: '0', textHash: current().textHash })))).toBe('AGREEMENT_VERSION_OUTDATED');
    expect(await code(accept(await signed({ version: '1', textHash: 'ab'.repeat(32) })))).toBe('AGREEMENT_VERSION_OUTDATED');
    expect(await code(accept(await signed({ version: '1', textHash: current().textHash }), 'nokey.user'))).toBe('AGREEMENT_SIGNATURE_INVALID');
    expect(await code(accept(await signed({ version: '1', textHash: current().textHash }), 'nobody'))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('requires a new acceptance when a new version is in force', async () => {
    const v2: Agreement = { version: '2', text: 'new text', textHash: createHash('sha256').update('new text').digest('hex') };
    const register = new AccountRegister(f.accounts.register.db, { journal: f.journal, agreement: v2 });
    expect((await register.standing('judge.almaty'))?.agreementAccepted).toBe(false);
    const ctx = { actor: { login: 'judge.almaty', role: 2, organisation: 'Суд' }, client: { kind: 'PORTAL' as const, id: 'agreement' } };
    await register.acceptAgreement('judge.almaty', await signed({ version: '2', textHash: v2.textHash }), ctx);
    expect((await register.standing('judge.almaty'))?.agreementAccepted).toBe(true);
    // The version 1 register no longer sees its own version accepted.
    expect((await f.accounts.register.standing('judge.almaty'))?.agreementAccepted).toBe(false);
  });
});
