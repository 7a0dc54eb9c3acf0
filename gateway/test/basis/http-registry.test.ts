import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBasisVerifier, HttpCaseRegistry } from '../../src/basis/index.ts';

const BASE = 'http://registry.test';
const identity = { login: 'inv1', role: 3, organisation: 'MVD', amr: ['hwk', 'fpt'], expiresAt: 0 };
const CASE = { type: 'CRIMINAL', number: '241500031000123', status: 'OPEN', assignees: ['inv1'], articles: ['245'] };

let registry: HttpCaseRegistry;
beforeAll(() => {
  nock.disableNetConnect();
  registry = new HttpCaseRegistry({ baseUrl: BASE, timeoutMs: 300, authorization: 'Bearer gateway-credential' });
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  await registry.close();
});

describe('HTTP case registry adapter', () => {
  it('reads a case and an instruction, with the gateway credential', async () => {
    nock(BASE, { reqheaders: { authorization: 'Bearer gateway-credential' } })
      .get('/cases/CRIMINAL/241500031000123')
      .reply(200, CASE);
    nock(BASE).get('/instructions/I%2F7').reply(200, { number: 'I/7', caseNumber: '241500031000123', addressee: 'inv1', status: 'OPEN' });
    expect(await registry.findCase('CRIMINAL', '241500031000123')).toEqual(CASE);
    expect(await registry.findInstruction('I/7')).toEqual({ number: 'I/7', caseNumber: '241500031000123', addressee: 'inv1', status: 'OPEN' });
  });

  it("carries an instruction's status: only OPEN entitles, EXECUTED and statuses it does not know refuse", async () => {
    const verify = createBasisVerifier({ registry, cacheMs: 0 });
    const other = { ...CASE, number: '241500031000555', assignees: ['inv2'] };
    const claim = { type: 'CRIMINAL' as const, number: other.number, instruction: 'I/8' };
    const instruction = { number: 'I/8', caseNumber: other.number, addressee: 'inv1' };
    for (const [status, code] of [
      ['OPEN', 'OK'],
      ['EXECUTED', 'BASIS_NOT_YOURS'],
      ['CANCELLED', 'BASIS_NOT_YOURS'],
      ['open', 'BASIS_NOT_YOURS'],
    ] as const) {
      nock(BASE).get(`/cases/CRIMINAL/${other.number}`).reply(200, other);
      nock(BASE)
        .get('/instructions/I%2F8')
        .reply(200, { ...instruction, status });
      expect(
        await verify(identity, claim).then(
          () => 'OK',
          (e: { code: string }) => e.code,
        ),
        status,
      ).toBe(code);
    }
    nock(BASE)
      .get('/instructions/I%2F8')
      .reply(200, { ...instruction, status: 'CANCELLED' });
    expect(await registry.findInstruction('I/8')).toMatchObject({ status: 'UNKNOWN' });
    // An instruction without a status is not a document of the contract: the basis cannot be verified.
    nock(BASE).get(`/cases/CRIMINAL/${other.number}`).reply(200, other);
    nock(BASE).get('/instructions/I%2F8').reply(200, instruction);
    await expect(verify(identity, claim)).rejects.toMatchObject({ code: 'BASIS_UNVERIFIABLE' });
  });

  it("reads a user's cases, and no cases for a login the registry does not know", async () => {
    const cases = {
      cases: [{ type: 'CRIMINAL', number: '241500031000123', status: 'OPEN', articles: ['245'], title: 'tax evasion' }],
      instructions: [{ number: 'I/7', caseNumber: '241500031000555', status: 'OPEN' }],
    };
    nock(BASE, { reqheaders: { authorization: 'Bearer gateway-credential' } })
      .get('/users/inv1/cases')
      .reply(200, cases);
    expect(await registry.casesOf('inv1')).toEqual(cases);
    nock(BASE).get('/users/nobody/cases').reply(404);
    expect(await registry.casesOf('nobody')).toEqual({ cases: [], instructions: [] });
    nock(BASE).get('/users/inv1/cases').reply(200, { cases: 'all of them' });
    await expect(registry.casesOf('inv1')).rejects.toThrow(/unexpected/);
  });

  it('treats 404 as "no such case" and anything else as unavailable', async () => {
    nock(BASE).get('/cases/CRIMINAL/241500031000999').reply(404);
    expect(await registry.findCase('CRIMINAL', '241500031000999')).toBeUndefined();
    nock(BASE).get('/cases/CRIMINAL/241500031000998').reply(500, 'boom');
    await expect(registry.findCase('CRIMINAL', '241500031000998')).rejects.toThrow(/unavailable|answered 500/);
    nock(BASE).get('/cases/CRIMINAL/241500031000997').reply(200, { nonsense: true });
    await expect(registry.findCase('CRIMINAL', '241500031000997')).rejects.toThrow(/unexpected/);
  });

  it('makes the basis stage fail closed: BASIS_UNVERIFIABLE on errors and refused connections, BASIS_NOT_YOURS on 404', async () => {
    const verify = createBasisVerifier({ registry, cacheMs: 0 });
    nock(BASE).get('/cases/CRIMINAL/241500031000123').reply(503);
    await expect(verify(identity, { type: 'CRIMINAL', number: '241500031000123' })).rejects.toMatchObject({ code: 'BASIS_UNVERIFIABLE', status: 503 });
    nock(BASE).get('/cases/CRIMINAL/241500031000123').replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    await expect(verify(identity, { type: 'CRIMINAL', number: '241500031000123' })).rejects.toMatchObject({ code: 'BASIS_UNVERIFIABLE' });
    nock(BASE).get('/cases/CRIMINAL/241500031000124').reply(404);
    await expect(verify(identity, { type: 'CRIMINAL', number: '241500031000124' })).rejects.toMatchObject({ code: 'BASIS_NOT_YOURS' });
    nock(BASE).get('/cases/CRIMINAL/241500031000123').reply(200, CASE);
    expect(await verify(identity, { type: 'CRIMINAL', number: '241500031000123' })).toMatchObject({ articles: ['245'], articlesQualify: true });
  });

  it('remembers a positive verification for its TTL only', async () => {
    const verify = createBasisVerifier({ registry, cacheMs: 60_000 });
    nock(BASE).get('/cases/CRIMINAL/241500031000123').once().reply(200, CASE);
    await verify(identity, { type: 'CRIMINAL', number: '241500031000123' });
    // Second call: no HTTP interceptor left, so it must come from the cache.
    expect(await verify(identity, { type: 'CRIMINAL', number: '241500031000123' })).toMatchObject({ number: '241500031000123' });
    expect(nock.isDone()).toBe(true);
  });
});
