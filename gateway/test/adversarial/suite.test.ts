/**
 * The adversarial suite: token, basis and policy attacks, the hostile requests that once froze the gateway, and a
 * seeded grammar-based fuzzer, all through the door (loopback, in process). Every answer must hold the
 * invariants of ./invariants.ts; the suite counts per family what it tried and what held, and with REGENERATE=1
 * writes ./results.json, from which docs/reliability.md's table is made (./table.test.ts keeps them in step).
 * What the existing tests already pin (Appendix 2 per field: policy/no-bypass.test.ts; the verifier's claims:
 * authenticate/token.test.ts; revocation: basis/revocation.test.ts) is not repeated here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHmac, createPublicKey } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIN, startHarness, type Harness } from '../harness.ts';
import { FUZZ_CASES, generator, SEED } from './grammar.ts';
import { HOSTILE } from './hostile.ts';
import { Tally, type Answer, type Expectation } from './invariants.ts';

/** Growth of the process's resident memory over the whole suite. */
const RSS_GROWTH_MB = 300;

const GOOD = { type: 'CRIMINAL', number: '241500031000123' } as const;
const OTHERS = { type: 'CRIMINAL', number: '241500031000555' } as const;
const CLOSED = { type: 'CRIMINAL', number: '241500031000777' } as const;
const OFFENCE = { type: 'ADMIN_OFFENCE', number: '245510000123' } as const;
const DATA = `{ person(iin: "${IIN}") { lastName } }`;

let h: Harness;
let good: string;
let privateJwk: JWK;
const tally = new Tally();
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;

beforeAll(async () => {
  h = await startHarness({
    users: [
      { login: 'inv', status: 'ACTIVE', role: 3 },
      { login: 'blocked', status: 'BLOCKED', role: 3 },
      { login: 'suspended', status: 'SUSPENDED', role: 3 },
      { login: 'unsigned', status: 'ACTIVE', role: 3, agreementAccepted: false },
    ],
  });
  h.cases.cases.set(`${GOOD.type}:${GOOD.number}`, { ...GOOD, status: 'OPEN', assignees: ['inv'], articles: ['190'] });
  h.cases.cases.set(`${OTHERS.type}:${OTHERS.number}`, { ...OTHERS, status: 'OPEN', assignees: ['someone.else'], articles: ['190'] });
  h.cases.cases.set(`${CLOSED.type}:${CLOSED.number}`, { ...CLOSED, status: 'CLOSED', assignees: ['inv'], articles: ['190'] });
  h.cases.cases.set(`${OFFENCE.type}:${OFFENCE.number}`, { ...OFFENCE, status: 'OPEN', assignees: ['inv'] });
  h.cases.instructions.set('I-OTHER', { number: 'I-OTHER', caseNumber: OTHERS.number, addressee: 'inv', status: 'OPEN' });
  h.cases.instructions.set('I-DONE', { number: 'I-DONE', caseNumber: GOOD.number, addressee: 'inv', status: 'EXECUTED' });
  h.cases.instructions.set('I-ELSE', { number: 'I-ELSE', caseNumber: GOOD.number, addressee: 'someone.else', status: 'OPEN' });
  good = `Bearer ${await h.token({ login: 'inv' })}`;
  privateJwk = JSON.parse(readFileSync(join(dirname(h.idp.jwksPath), 'private.jwk.json'), 'utf8')) as JWK;
});
afterAll(async () => {
  tally.write({ seed: SEED, fuzzCases: FUZZ_CASES, rssGrowthMb: Math.round((rssPeak - rssBefore) / 1e6) });
  await h?.close();
});

async function send(request: { method?: 'GET' | 'POST'; url?: string; body?: string; headers?: Record<string, string> }): Promise<Answer> {
  const started = performance.now();
  const response = await h.app.inject({
    method: request.method ?? 'POST',
    url: request.url ?? '/graphql',
    headers: { ...(request.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...request.headers },
    ...(request.method === 'GET' ? {} : { payload: request.body ?? '' }),
  });
  const answer = { status: response.statusCode, body: response.body, ms: performance.now() - started };
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  return answer;
}

function held(family: string): void {
  const result = tally.get(family);
  expect(result.failures, family).toEqual([]);
  expect(result.held).toBe(result.tried);
}

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('token attacks: every forged, stale or misdirected token is 401 and nothing is asked', () => {
  it('each is refused', async () => {
    const key = await importJWK(privateJwk, 'ES256');
    const claims = { sub: 'inv', role: 3, org: 'MVD', amr: ['hwk', 'fpt'] };
    const signed = (payload: Record<string, unknown>, header: Record<string, unknown> = {}, signingKey: Parameters<SignJWT['sign']>[0] = key) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid!, typ: 'JWT', ...header } as never).sign(signingKey);
    const base = { iss: h.idp.issuer, aud: h.idp.audience, iat: now(), exp: now() + 600, ...claims };
    const other = await generateKeyPair('ES256');
    const ownPublicPem = createPublicKey({ key: h.idp.jwks.keys[0] as never, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const hs256 = (secret: string) => {
      const head = b64({ alg: 'HS256', kid: privateJwk.kid, typ: 'JWT' });
      const body = b64(base);
      return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
    };
    const tokens: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(base)}.`,
      'alg none, kid kept': `${b64({ alg: 'none', kid: privateJwk.kid })}.${b64(base)}.`,
      'HS256 keyed with the public key (PEM)': hs256(ownPublicPem),
      'HS256 keyed with the public JWK': hs256(JSON.stringify(h.idp.jwks.keys[0])),
      'unknown kid': await signed(base, { kid: 'nobody' }, other.privateKey),
      'known kid, another key': await signed(base, {}, other.privateKey),
      'jwk embedded in the header': await signed(base, { jwk: await exportJWK(other.publicKey) }, other.privateKey),
      'jku pointing elsewhere': await signed(base, { jku: 'http://127.0.0.1:1/jwks.json', kid: 'x' }, other.privateKey),
      expired: await signed({ ...base, iat: now() - 7200, exp: now() - 3600 }),
      'nbf in the future': await signed({ ...base, nbf: now() + 3600 }),
      'iat in the future': await signed({ ...base, iat: now() + 3600 }),
      'no iat': await signed({ ...base, iat: undefined }),
      'no exp': await signed({ ...base, exp: undefined }),
      'wrong issuer': await signed({ ...base, iss: 'https://evil.example' }),
      'wrong audience': await signed({ ...base, aud: 'another-api' }),
      'no sub': await signed({ ...base, sub: undefined }),
      'no role': await signed({ ...base, role: undefined }),
      'role 0': await signed({ ...base, role: 0 }),
      'role 22': await signed({ ...base, role: 22 }),
      'role "3"': await signed({ ...base, role: '3' }),
      'role 2.5': await signed({ ...base, role: 2.5 }),
      'no MFA': await signed({ ...base, amr: ['pwd'] }),
      'amr not a list': await signed({ ...base, amr: 'hwk fpt' }),
      'blocked account': await h.token({ login: 'blocked' }),
      'suspended account': await h.token({ login: 'suspended' }),
      'agreement not accepted': await h.token({ login: 'unsigned' }),
      'unknown account': await h.token({ login: 'ghost' }),
      'signature stripped': (await signed(base)).split('.').slice(0, 2).join('.') + '.',
      'payload swapped': '',
      garbage: 'a.b.c',
      'very long': 'x'.repeat(16_000),
    };
    const real = await signed(base);
    const [head, , signature] = real.split('.');
    tokens['payload swapped'] = `${head}.${b64({ ...base, role: 1 })}.${signature}`;
    for (const [name, token] of Object.entries(tokens)) {
      for (const authorization of [`Bearer ${token}`, `bearer ${token}`, token]) {
        const answer = await send({ body: JSON.stringify({ query: DATA, extensions: { basis: GOOD } }), headers: { authorization } });
        tally.record('tokens', name, answer, { status: ['blocked account', 'suspended account', 'agreement not accepted'].includes(name) ? [401, 403] : 401 });
      }
    }
    held('tokens');
  });
});

describe("basis attacks: only an open case in the user's hands, of the right type, releases data", () => {
  it('each is refused, and the good one is served', async () => {
    const ask = (extensions: unknown, headers: Record<string, string> = {}) =>
      send({ body: JSON.stringify({ query: DATA, ...(extensions === undefined ? {} : { extensions }) }), headers: { authorization: good, ...headers } });
    const refused: Record<string, [unknown, Record<string, string>?]> = {
      'no basis': [undefined],
      "another's case": [{ basis: OTHERS }],
      'closed case': [{ basis: CLOSED }],
      'unknown case': [{ basis: { type: 'CRIMINAL', number: '241500031000999' } }],
      'wrong type for the number': [{ basis: { type: 'CIVIL', number: GOOD.number } }],
      'type not a basis': [{ basis: { type: 'FRIENDSHIP', number: GOOD.number } }],
      'articles spoofed in the claim': [{ basis: { ...OTHERS, articles: ['245 ч.2'] } }],
      'status spoofed in the claim': [{ basis: { ...CLOSED, status: 'OPEN', assignees: ['inv'] } }],
      'instruction of another case': [{ basis: { ...GOOD, instruction: 'I-OTHER' } }],
      'executed instruction': [{ basis: { ...GOOD, instruction: 'I-DONE' } }],
      'instruction to someone else': [{ basis: { ...GOOD, instruction: 'I-ELSE' } }],
      'unknown instruction': [{ basis: { ...GOOD, instruction: 'I-NONE' } }],
      'basis as a string': [{ basis: `${GOOD.type}:${GOOD.number}` }],
      'basis as a list': [{ basis: [GOOD] }],
      'number as a number': [{ basis: { type: 'CRIMINAL', number: Number(GOOD.number) } }],
      'number with spaces': [{ basis: { type: 'CRIMINAL', number: ` ${GOOD.number} ` } }],
      'number of 10,000 digits': [{ basis: { type: 'CRIMINAL', number: '1'.repeat(10_000) } }],
      'header good, extension bad': [{ basis: OTHERS }, { 'x-basis-type': GOOD.type, 'x-basis-number': GOOD.number }],
      'headers half sent': [undefined, { 'x-basis-number': GOOD.number }],
    };
    for (const [name, [extensions, headers]] of Object.entries(refused))
      tally.record('basis', name, await ask(extensions, headers), { status: [400, 403, 404] });
    tally.record('basis', 'the good basis', await ask({ basis: GOOD }), { basisVerified: true, status: 200 });
    // The extension's basis is the claim when both are sent (docs/api.md): data on the good one, journaled on it.
    const entries = h.journal.entries.length;
    tally.record('basis', 'header bad, extension good', await ask({ basis: GOOD }, { 'x-basis-type': OTHERS.type, 'x-basis-number': OTHERS.number }), {
      basisVerified: true,
      status: 200,
    });
    const recorded = JSON.stringify(h.journal.entries.slice(entries));
    tally.record(
      'basis',
      'header bad, extension good: journaled on the good basis',
      { status: 200, ms: 0, body: recorded.includes(GOOD.number) && !recorded.includes(OTHERS.number) ? '{}' : '{"data":{"journaled":"the header\'s basis"}}' },
      {},
    );
    const batch = await send({
      body: JSON.stringify([
        { query: DATA, extensions: { basis: GOOD } },
        { query: DATA, extensions: { basis: OTHERS } },
      ]),
      headers: { authorization: good },
    });
    const items = batch.status < 300 ? (JSON.parse(batch.body) as Array<{ data?: unknown }>) : [];
    const second = items[1] ? { ...batch, body: JSON.stringify(items[1]) } : batch;
    tally.record('basis', 'batch mixing a good and a bad basis (the bad one)', second, {});
    held('basis');
  });
});

describe('policy bypasses: no spelling of a request reaches a field its basis does not open', () => {
  it('Appendix 2 holds through aliases, fragments, directives, internals, APQ, GET and path spellings', async () => {
    // On an administrative offence the state-employee record (s26) and counter-audits (s37) are closed.
    const secrets = ['Chief specialist', 'Akimat', 'CA-1'];
    const queries: Record<string, string> = {
      alias: `{ p: person(iin: "${IIN}") { job: stateEmployeeRecord { where: agency what: position } } }`,
      fragment: `{ person(iin: "${IIN}") { ...S } } fragment S on Person { stateEmployeeRecord { position } }`,
      'nested fragments': `{ person(iin: "${IIN}") { ...A } } fragment A on Person { ...B } fragment B on Person { counterAudits { auditNumber } }`,
      'inline fragment': `{ person(iin: "${IIN}") { ... on Person { stateEmployeeRecord { agency } } } }`,
      'untyped inline fragment': `{ person(iin: "${IIN}") { ... { ... { stateEmployeeRecord { agency } } } } }`,
      include: `{ person(iin: "${IIN}") { stateEmployeeRecord @include(if: true) { position } } }`,
      skip: `{ person(iin: "${IIN}") { stateEmployeeRecord @skip(if: false) { position } } }`,
      'union member': `{ person(iin: "${IIN}") { transport { ... on Vehicle { owner { stateEmployeeRecord { position } } } } } }`,
      'same field twice, one allowed': `{ person(iin: "${IIN}") { lastName x: lastName stateEmployeeRecord { position } } }`,
      _entities: `{ _entities(representations: [{ __typename: "Person", iin: "${IIN}" }]) { ... on Person { stateEmployeeRecord { position } } } }`,
      _service: '{ _service { sdl } }',
      'aliased _entities': `{ e: _entities(representations: [{ __typename: "Person", iin: "${IIN}" }]) { __typename } }`,
      '__negiz alias': `{ __negizX: person(iin: "${IIN}") { stateEmployeeRecord { position } } }`,
      'typename beside': `{ person(iin: "${IIN}") { __typename stateEmployeeRecord { __typename position } } }`,
    };
    const headers = { authorization: good };
    for (const [name, query] of Object.entries(queries)) {
      for (const [how, request] of [
        ['POST', { body: JSON.stringify({ query, extensions: { basis: OFFENCE } }), headers }],
        [
          'GET',
          {
            method: 'GET' as const,
            url: `/graphql?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(JSON.stringify({ basis: OFFENCE }))}`,
            headers,
          },
        ],
        ['path spelling', { url: '/GraphQL/./', body: JSON.stringify({ query, extensions: { basis: OFFENCE } }), headers }],
        ['header basis', { body: JSON.stringify({ query }), headers: { ...headers, 'x-basis-type': OFFENCE.type, 'x-basis-number': OFFENCE.number } }],
      ] as const) {
        const answer = await send(request);
        // The secrets are "echo": a closed field's value in the body breaks the invariant like an echoed identifier.
        tally.record('policy', `${name} by ${how}`, answer, { basisVerified: true, echo: secrets });
      }
    }
    // APQ games: a hash registered for one text, then another text sent with the same hash.
    const apq = async (query: string | undefined, sha256Hash: string) =>
      send({ body: JSON.stringify({ ...(query ? { query } : {}), extensions: { basis: OFFENCE, persistedQuery: { version: 1, sha256Hash } } }), headers });
    const { createHash } = await import('node:crypto');
    const harmless = `{ person(iin: "${IIN}") { lastName } }`;
    const hash = createHash('sha256').update(harmless).digest('hex');
    tally.record('policy', 'APQ register', await apq(harmless, hash), { basisVerified: true, echo: secrets });
    tally.record('policy', 'APQ hash with another text', await apq(queries['alias']!, hash), { basisVerified: true, echo: secrets });
    tally.record('policy', 'APQ hash alone', await apq(undefined, hash), { basisVerified: true, echo: secrets });
    tally.record('policy', 'APQ unknown hash', await apq(undefined, 'f'.repeat(64)), { basisVerified: true, echo: secrets });
    tally.record('policy', 'APQ uppercase hash', await apq(undefined, hash.toUpperCase()), { basisVerified: true, echo: secrets });
    held('policy');
  });
});

describe('hostile requests: refused within the bound, the loop never frozen', () => {
  it('each is answered 4xx within 2 s', async () => {
    for (const request of HOSTILE) {
      const expectation: Expectation = request.served ? { status: 200, introspectionOnly: true } : { status: [400, 403, 413] };
      tally.record('hostile', request.name, await send({ body: request.body, headers: { authorization: good } }), expectation);
    }
    held('hostile');
  });
});

describe(`fuzzer: ${FUZZ_CASES} generated requests (seed ${SEED})`, () => {
  it('every answer holds the invariants', { timeout: 90_000 }, async () => {
    const generate = generator(SEED);
    for (let i = 0; i < FUZZ_CASES; i++) {
      const fuzz = generate.next(i);
      const answer = await send({
        method: fuzz.method,
        url: fuzz.url,
        ...(fuzz.body === undefined ? {} : { body: fuzz.body }),
        headers: { authorization: good, ...fuzz.headers },
      });
      const sent = `${fuzz.url}${fuzz.body ?? ''}${JSON.stringify(fuzz.headers)}`;
      const expectation: Expectation = {
        echo: fuzz.echo,
        introspectionOnly: fuzz.introspectionOnly,
        basisVerified: sent.includes(GOOD.number) || sent.includes(encodeURIComponent(GOOD.number)),
      };
      tally.record('fuzz', fuzz.name, answer, expectation);
    }
    held('fuzz');
  });

  it(`the process grew less than ${RSS_GROWTH_MB} MB over the suite`, () => {
    expect((rssPeak - rssBefore) / 1e6).toBeLessThan(RSS_GROWTH_MB);
  });
});
