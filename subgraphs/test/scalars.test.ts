import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';
import type { SubgraphHost } from '../src/host.ts';
import { isIsoDate, isIsoDateTime } from '../src/scalars.ts';
import { fixtureHost, token } from './fixtures/host.ts';
import { fixtureWorld } from './fixtures/world.ts';

const world = fixtureWorld();
const goodIin = world.personAt(0).iin;
// Same digits with the check digit changed: well formed, invalid.
const badIin = goodIin.slice(0, 11) + String((Number(goodIin[11]) + 1) % 10);
const goodBin = world.legalEntityAt(0).bin;
const badBin = goodBin.slice(0, 11) + String((Number(goodBin[11]) + 1) % 10);

let host: SubgraphHost;
beforeAll(async () => {
  host = await fixtureHost();
});
afterAll(() => host.close());

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function http(slug: string, query: string, variables?: Record<string, unknown>) {
  const response = await host.app.inject({
    method: 'POST',
    url: `/${slug}/graphql`,
    headers: { [GATEWAY_CONTEXT_HEADER]: await token(slug) },
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() as { data?: unknown; errors?: Errors }, text: response.body };
}

function expectClearRefusal(text: string, errors: Errors | undefined, code: string, value: string) {
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions?.code).toBe(code);
  expect(errors![0]!.message).toMatch(/12 digits .* valid check digit/);
  expect(text).not.toContain(value);
  expect(text).not.toMatch(/stacktrace|at [A-Za-z.]+ \(/);
}

describe('identifier validation', () => {
  it('accepts a valid IIN and answers', async () => {
    const { body } = await http('s05-vehicles', 'query($iin: IIN!) { vehiclesOwnedBy(iin: $iin) { plate } }', { iin: goodIin });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ vehiclesOwnedBy: [{ plate: world.vehiclesOf({ iin: goodIin })[0]!.plate }] });
  });

  it('refuses a bad IIN in a variable, without echoing it', async () => {
    const { text, body } = await http('s05-vehicles', 'query($iin: IIN!) { vehiclesOwnedBy(iin: $iin) { plate } }', { iin: badIin });
    expectClearRefusal(text, body.errors, 'INVALID_IIN', badIin);
  });

  it('refuses a bad IIN written in the query', async () => {
    const { text, body } = await http('s05-vehicles', `{ vehiclesOwnedBy(iin: "${badIin}") { plate } }`);
    expect(body.data ?? null).toBeNull();
    expectClearRefusal(text, body.errors, 'INVALID_IIN', badIin);
  });

  it('refuses malformed IINs (letters, wrong length)', async () => {
    for (const iin of ['12345678901', 'abcdefghijkl', '1234567890123']) {
      const { text, body } = await http('s05-vehicles', 'query($iin: IIN!) { vehiclesOwnedBy(iin: $iin) { plate } }', { iin });
      expectClearRefusal(text, body.errors, 'INVALID_IIN', iin);
    }
  });

  it('refuses a bad key in an _entities representation', async () => {
    const { text, body } = await http('s05-vehicles', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { vehicles { plate } } } }', {
      r: [{ __typename: 'Person', iin: badIin }],
    });
    expectClearRefusal(text, body.errors, 'INVALID_IIN', badIin);
  });

  it('refuses a bad BIN, in process too', async () => {
    const { text, body } = await http('s37-counter-audits', 'query($bin: BIN!) { counterAuditCount(bin: $bin) }', { bin: badBin });
    expectClearRefusal(text, body.errors, 'INVALID_BIN', badBin);
    const inProcess = await host.services
      .get('s37-counter-audits')!
      .graphql('query($bin: BIN!) { counterAuditCount(bin: $bin) }', { gatewayToken: await token('s37-counter-audits') }, { bin: badBin })
      .catch((error: { errors: Errors }) => ({ errors: error.errors }));
    // mercurius throws variable errors in process; the in-process data source formats them (see inprocess.test.ts).
    expect(inProcess.errors![0]!.extensions?.code).toBe('INVALID_BIN');
  });
});

describe('Date and DateTime', () => {
  it('accept calendar dates that exist and instants with an offset', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDateTime('2024-05-01T10:00:00+05:00')).toBe(true);
    expect(isIsoDateTime('2024-05-01T10:00:00.123Z')).toBe(true);
    expect(isIsoDateTime('2024-05-01T10:00:00')).toBe(false);
    expect(isIsoDateTime('2024-13-01T10:00:00Z')).toBe(false);
  });
});
