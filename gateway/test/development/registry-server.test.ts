import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpUserRegistry } from '../../src/authenticate/http-users.ts';
import { HttpCaseRegistry } from '../../src/basis/index.ts';
import { startRegistryServer, type RegistryServer } from '../../src/development/registry-server.ts';

// From the mocks' default world (npx negiz mocks cases --user investigator.police).
const OWN = { type: 'CRIMINAL', number: '261889032000022' } as const;
const CLOSED = { type: 'CRIMINAL', number: '251889033000023' } as const;
const TO_POLICE = '72-0162/26';
const EXECUTED = '27-0161/26';

describe('the development registry server, read through the gateway adapters', () => {
  let server: RegistryServer;
  let cases: HttpCaseRegistry;
  beforeAll(async () => {
    server = await startRegistryServer({ authorization: 'Bearer registry-credential' });
    cases = new HttpCaseRegistry({ baseUrl: server.url, authorization: 'Bearer registry-credential' });
  });
  afterAll(() => server?.close());

  it("serves the world's cases and instructions (numbers with a slash included), 404 for unknown ones", async () => {
    expect(await cases.findCase(OWN.type, OWN.number)).toEqual({
      ...OWN,
      status: 'OPEN',
      assignees: ['investigator.police', 'prosecutor.almaty'],
      articles: expect.any(Array),
    });
    expect(await cases.findCase(CLOSED.type, CLOSED.number)).toMatchObject({ status: 'CLOSED' });
    expect(await cases.findCase('CRIMINAL', '999999999999999')).toBeUndefined();
    expect(await cases.findInstruction(TO_POLICE)).toEqual({
      number: TO_POLICE,
      caseNumber: '261673035000032',
      addressee: 'investigator.police',
      status: 'OPEN',
    });
    expect(await cases.findInstruction(EXECUTED)).toMatchObject({ status: 'EXECUTED' });
    expect(await cases.findInstruction('00-0000/00')).toBeUndefined();
  });

  it("answers a user's open cases and open instructions, without anybody's logins", async () => {
    const mine = await cases.casesOf('investigator.police');
    expect(mine.cases.map((c) => `${c.type}:${c.number}`).sort()).toEqual([
      'ADMIN_OFFENCE:261889000024',
      'CRIMINAL:261889031000021',
      'CRIMINAL:261889032000022',
    ]);
    expect(mine.cases.every((c) => c.status === 'OPEN')).toBe(true);
    expect(mine.instructions).toEqual([{ number: TO_POLICE, caseNumber: '261673035000032', status: 'OPEN' }]);
    expect(JSON.stringify(mine)).not.toMatch(/prosecutor\.almaty|investigator\.knb/);
    // The executed instruction to inquiry.police is not offered.
    expect((await cases.casesOf('inquiry.police')).instructions.map((i) => i.number)).not.toContain(EXECUTED);
    expect(await cases.casesOf('nobody.at.all')).toEqual({ cases: [], instructions: [] });
  });

  it('changes its answers when a test closes or reassigns a case, executes an instruction or blocks a user', async () => {
    const own = await startRegistryServer();
    try {
      const registry = new HttpCaseRegistry({ baseUrl: own.url });
      const users = httpUserRegistry(own.url);
      expect(await users.user('investigator.police')).toMatchObject({ status: 'ACTIVE', role: 3 });
      own.closeCase(OWN.type, OWN.number);
      expect(await registry.findCase(OWN.type, OWN.number)).toMatchObject({ status: 'CLOSED' });
      own.reassignCase('CRIMINAL', '261889031000021', ['investigator.police2']);
      expect(await registry.findCase('CRIMINAL', '261889031000021')).toMatchObject({ assignees: ['investigator.police2'] });
      own.executeInstruction(TO_POLICE);
      expect(await registry.findInstruction(TO_POLICE)).toMatchObject({ status: 'EXECUTED' });
      expect(await registry.casesOf('investigator.police')).toEqual({
        cases: [{ type: 'ADMIN_OFFENCE', number: '261889000024', status: 'OPEN', title: expect.any(String) }],
        instructions: [],
      });
      own.setUserStatus('investigator.police', 'BLOCKED');
      expect(await users.user('investigator.police')).toMatchObject({ status: 'BLOCKED' });
      expect(await users.user('nobody.at.all')).toBeUndefined();
      expect(() => own.closeCase('CRIMINAL', '999999999999999')).toThrow(/no CRIMINAL case/);
    } finally {
      await own.close();
    }
  });

  it('requires the credential the gateway sends when configured with one (the adapters then fail closed)', async () => {
    const anonymous = new HttpCaseRegistry({ baseUrl: server.url });
    await expect(anonymous.findCase(OWN.type, OWN.number)).rejects.toThrow(/answered 401/);
    const wrong = new HttpCaseRegistry({ baseUrl: server.url, authorization: 'Bearer registry-credentiaX' });
    await expect(wrong.findInstruction(TO_POLICE)).rejects.toThrow(/answered 401/);
    await expect(httpUserRegistry(server.url).user('investigator.police')).rejects.toThrow(/answered 401/);
    expect(await httpUserRegistry(server.url, { authorization: 'Bearer registry-credential' }).user('investigator.police')).toMatchObject({ status: 'ACTIVE' });
  });
});
