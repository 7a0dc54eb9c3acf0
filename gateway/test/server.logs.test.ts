/**
 * The gateway's logs hold no personal data: a whole in-process gateway, logging at debug level into a buffer,
 * answers released, refused, withheld and journal-down requests; no IIN, name, login, case number or token it
 * was sent or answered appears in what it logged.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIN, IIN_BROKEN, post, startHarness, type Harness } from './harness.ts';

const LOGIN = 'investigator.kairatov';
const OTHER_LOGIN = 'prosecutor.abenova';
const CASE = { type: 'CRIMINAL', number: '241500031000123' };
const OTHERS_CASE = { type: 'CRIMINAL', number: '241500031000999' };
const ADMIN = { type: 'ADMIN_OFFENCE', number: '245510000123' };
const LAST_NAME = 'Last012';

let h: Harness;
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

beforeAll(async () => {
  h = await startHarness({
    users: [
      { login: LOGIN, status: 'ACTIVE', role: 3 },
      { login: OTHER_LOGIN, status: 'BLOCKED', role: 1 },
    ],
    logger: pino({ level: 'debug' }, sink),
  });
  h.cases.cases.set(`CRIMINAL:${CASE.number}`, { type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: [LOGIN], articles: ['190'] });
  h.cases.cases.set(`CRIMINAL:${OTHERS_CASE.number}`, { type: 'CRIMINAL', number: OTHERS_CASE.number, status: 'OPEN', assignees: ['someone.else'] });
  h.cases.cases.set(`ADMIN_OFFENCE:${ADMIN.number}`, { type: 'ADMIN_OFFENCE', number: ADMIN.number, status: 'OPEN', assignees: [LOGIN] });
});
afterAll(() => h?.close());

describe('logs', () => {
  it('name no IIN, name, login, case number or token of a full run', async () => {
    const token = await h.token({ login: LOGIN });
    const blocked = await h.token({ login: OTHER_LOGIN, role: 1 });
    const ask = (query: string, basis: unknown, bearer = token, variables?: Record<string, unknown>) =>
      post(h, { query, ...(variables ? { variables } : {}), extensions: { basis } }, { authorization: `Bearer ${bearer}` });
    const person = `{ person(iin: "${IIN}") { lastName } }`;

    const released = await ask(person, CASE);
    expect(released.body.data).toEqual({ person: { lastName: LAST_NAME } });
    expect((await ask(`query Q($iin: IIN!) { person(iin: $iin) { lastName } }`, CASE, token, { iin: IIN })).status).toBe(200);
    expect((await ask(person, OTHERS_CASE)).body.errors![0]!.extensions!.code).toBe('BASIS_NOT_YOURS');
    expect((await ask(person, CASE, blocked)).status).toBe(403);
    expect((await ask(person, CASE, `${token}x`)).status).toBe(401);
    const withheld = await ask(`{ person(iin: "${IIN}") { lastName stateEmployeeRecord { position } } }`, ADMIN);
    expect(withheld.body.errors!.map((e) => e.extensions!.code)).toContain('FORBIDDEN_SERVICE_FOR_BASIS');
    expect((await ask(`{ person(iin: "${IIN_BROKEN}") { stateEmployeeRecord { position } } }`, CASE)).status).toBe(200);
    expect((await ask(`{ a: person(iin: "${IIN}") { lastName } b: person(iin: "850301300034") { lastName } }`, CASE)).status).toBeLessThan(500);
    h.journal.failing = true;
    expect((await ask(person, CASE)).body.errors![0]!.extensions!.code).toBe('JOURNAL_UNAVAILABLE');
    h.journal.failing = false;
    expect((await post(h, '{"query": ', { authorization: `Bearer ${token}` })).status).toBe(400);

    const logged = lines.join('');
    // The run did log (a refusal per refused request, the served ones at debug level).
    expect(logged).toMatch(/request refused/);
    expect(logged).toMatch(/request served/);
    const secrets = [IIN, IIN_BROKEN, '850301300034', LAST_NAME, LOGIN, OTHER_LOGIN, CASE.number, OTHERS_CASE.number, ADMIN.number, token, blocked];
    // A token's parts too: its signature and its payload (which holds the login).
    secrets.push(...token.split('.').slice(1), ...blocked.split('.').slice(1));
    for (const secret of secrets) expect(logged, `the logs hold ${secret.slice(0, 12)}...`).not.toContain(secret);
  });
});
