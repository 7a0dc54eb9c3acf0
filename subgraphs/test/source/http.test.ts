import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { graphql, type GraphQLError } from 'graphql';
import { httpSource, type HttpSourceOptions } from '../../src/source/http.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { loadServices } from '../../src/registry.ts';
import { FIXTURE_SERVICES_DIR, fixtureWorld } from '../fixtures/world.ts';

const BASE = 'http://upstream.test/s05';
const sources: Array<{ close?: () => Promise<void> }> = [];
function source(options: Partial<HttpSourceOptions> = {}) {
  const s = httpSource({ baseUrl: BASE, service: 's05-vehicles', timeoutMs: 200, retries: 2, backoffMs: 5, ...options });
  sources.push(s);
  return s;
}
async function failure(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a failure');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(async () => {
  await Promise.all(sources.map((s) => s.close?.()));
  nock.enableNetConnect();
});

describe('the HTTP adapter to a real upstream', () => {
  it('POSTs keys to /entities/{Type} and answers the records in key order', async () => {
    const scope = nock('http://upstream.test')
      .post('/s05/entities/Person', { keys: ['a', 'b'] })
      .reply(200, { records: [{ vehicles: [] }, null] });
    expect(await source().entities('Person', ['a', 'b'])).toEqual([{ vehicles: [] }, null]);
    expect(scope.isDone()).toBe(true);
  });

  it('POSTs args to /query/{field} and answers data', async () => {
    nock('http://upstream.test')
      .post('/s05/query/vehicleByPlate', { args: { plate: '123ABC02' } })
      .reply(200, { data: { vin: 'X' } });
    expect(await source().query('vehicleByPlate', { plate: '123ABC02' })).toEqual({ vin: 'X' });
  });

  it('retries 5xx and network errors with backoff, then succeeds', async () => {
    const scope = nock('http://upstream.test')
      .post('/s05/entities/Person')
      .reply(503)
      .post('/s05/entities/Person')
      .replyWithError({ code: 'ECONNRESET', message: 'reset' })
      .post('/s05/entities/Person')
      .reply(200, { records: [{ vehicles: [] }] });
    expect(await source().entities('Person', ['a'])).toEqual([{ vehicles: [] }]);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after the bounded retries with UPSTREAM_UNAVAILABLE', async () => {
    const scope = nock('http://upstream.test').post('/s05/entities/Person').times(3).reply(502);
    const extra = nock('http://upstream.test')
      .post('/s05/entities/Person')
      .reply(200, { records: [null] });
    const error = await failure(source({ retries: 2 }).entities('Person', ['a']));
    expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toMatch(/s05-vehicles is unavailable \(HTTP 502\)/);
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false); // no fourth attempt
  });

  it('does not retry a 4xx', async () => {
    nock('http://upstream.test').post('/s05/query/vehicle').reply(400, { error: 'bad' });
    const second = nock('http://upstream.test').post('/s05/query/vehicle').reply(200, { data: null });
    const error = await failure(source().query('vehicle', { vin: 'X' }));
    expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(second.isDone()).toBe(false);
  });

  it('times out a silent upstream with UPSTREAM_TIMEOUT, retrying the attempt', async () => {
    let calls = 0;
    const silent = () => {
      calls += 1;
      return new Promise(() => {}) as never; // never answers
    };
    nock('http://upstream.test').post('/s05/entities/Person').times(2).reply(silent);
    const error = await failure(source({ timeoutMs: 50, retries: 1 }).entities('Person', ['a']));
    expect(error.extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toBe('The upstream of s05-vehicles did not answer in time');
    expect(calls).toBe(2);
  });

  it('refuses an answer of the wrong shape', async () => {
    nock('http://upstream.test')
      .post('/s05/entities/Person')
      .reply(200, { records: [null] });
    const error = await failure(source().entities('Person', ['a', 'b']));
    expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('opens the breaker after failures, answers at once while open, and recovers half-open', async () => {
    const s = source({ retries: 0, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 150 } });
    nock('http://upstream.test').post('/s05/entities/Person').times(2).reply(500);
    await failure(s.entities('Person', ['a']));
    await failure(s.entities('Person', ['a']));
    expect(s.breaker.opened).toBe(true);

    const untouched = nock('http://upstream.test')
      .post('/s05/entities/Person')
      .reply(200, { records: [{ vehicles: [] }] });
    const open = await failure(s.entities('Person', ['a']));
    expect(open.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(open.message).toMatch(/circuit open/);
    expect(untouched.isDone()).toBe(false); // the upstream was not called

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.breaker.halfOpen).toBe(true);
    expect(await s.entities('Person', ['a'])).toEqual([{ vehicles: [] }]);
    expect(s.breaker.closed).toBe(true);
  });

  it('batches the entity references of one request into one upstream call', async () => {
    const [vehicles] = await loadServices({ dir: FIXTURE_SERVICES_DIR, only: ['s05-vehicles'] });
    const world = fixtureWorld();
    const iins = [0, 1, 2].map((i) => world.personAt(i).iin);
    const scope = nock('http://upstream.test')
      .post('/s05/entities/Person', { keys: iins })
      .reply(200, { records: [{ vehicles: [{ vin: 'V1', plate: '001AAA01', make: 'Lada', registeredOn: '2010-01-01' }] }, null, { vehicles: [] }] });
    const schema = buildServiceSchema(vehicles!.definition, source());
    const result = await graphql({
      schema,
      source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }',
      variableValues: { r: iins.map((iin) => ({ __typename: 'Person', iin })) },
      contextValue: {},
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ vehicles: [{ plate: '001AAA01' }] }, { vehicles: [] }, { vehicles: [] }] });
    expect(scope.isDone()).toBe(true);
  });

  it('is wired by the host for the services given an upstream URL (others keep their mock)', async () => {
    const { createSubgraphHost } = await import('../../src/host.ts');
    const { token } = await import('../fixtures/host.ts');
    const world = fixtureWorld();
    const iin = world.personAt(0).iin;
    const host = await createSubgraphHost({
      servicesDir: FIXTURE_SERVICES_DIR,
      world,
      source: 'http',
      upstreams: { 's05-vehicles': BASE },
      http: { retries: 0 },
    });
    try {
      const scope = nock('http://upstream.test')
        .post('/s05/entities/Person', { keys: [iin] })
        .reply(200, { records: [{ vehicles: [{ vin: 'V1', plate: '777ZZZ02', make: 'Lada', registeredOn: '2010-01-01' }] }] });
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }';
      const viaHttp = await host.services
        .get('s05-vehicles')!
        .graphql(query, { gatewayToken: await token('s05-vehicles') }, { r: [{ __typename: 'Person', iin }] });
      expect(viaHttp.data).toEqual({ _entities: [{ vehicles: [{ plate: '777ZZZ02' }] }] });
      expect(scope.isDone()).toBe(true);

      nock('http://upstream.test').post('/s05/entities/Person').reply(503);
      const other = world.personAt(4).iin;
      const down = await host.services
        .get('s05-vehicles')!
        .graphql(query, { gatewayToken: await token('s05-vehicles') }, { r: [{ __typename: 'Person', iin: other }] });
      expect(down.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
      const health = await host.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.json()).toEqual({ status: 'ok', services: 3, upstreams: { 's05-vehicles': 'closed' } });
      const mocked = await host.services
        .get('s11-pension-contributions')!
        .graphql(
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { pensionContributionsTotal } } }',
          { gatewayToken: await token('s11-pension-contributions') },
          { r: [{ __typename: 'Person', iin }] },
        );
      expect(mocked.data).toEqual({ _entities: [{ pensionContributionsTotal: 60000 }] });
    } finally {
      await host.close();
    }
  });
});
