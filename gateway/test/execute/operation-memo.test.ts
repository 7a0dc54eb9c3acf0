import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoiseGatewayOperations } from '../../src/execute/operation-memo.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

const require = createRequire(import.meta.url);
const GATEWAY_ENTRY = require.resolve('@apollo/gateway');
const OPERATIONS_MODULE = require.resolve('@apollo/federation-internals/dist/operations.js', { paths: [GATEWAY_ENTRY] });
/** SHA-256 of `operationFromDocument.toString()` in @apollo/federation-internals 2.14.4, the function the memo was reviewed against. */
const REVIEWED_OPERATION_FROM_DOCUMENT = 'f5513c7a02fe0153abdd8cbc0d7935a24727ce0f60d2ae9d34f746092be41697';
const RECHECK =
  'gateway/src/execute/operation-memo.ts patches this: re-check that the operation model still depends only on the document and the schema (no variables, no request state), ' +
  'that @apollo/gateway still builds it per execution with { validate: false }, then record the new value here';

/** The version of the package a resolved file belongs to (the nearest package.json naming it). */
function installedVersion(name: string, file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (parsed.name === name) return parsed.version;
  }
  throw new Error(`no package.json of ${name} above ${file}`);
}

const CRIMINAL = { type: 'CRIMINAL', number: '241500031000123' };
const QUERY = `query Look($withCars: Boolean!) { person(iin: "${IIN}") { lastName vehicles @include(if: $withCars) { plate } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: [{ login: 'inv1', status: 'ACTIVE', role: 3 }] });
  h.cases.cases.set(`CRIMINAL:${CRIMINAL.number}`, { type: 'CRIMINAL', number: CRIMINAL.number, status: 'OPEN', assignees: ['inv1'] });
});
afterAll(() => h?.close());

async function look(withCars: boolean, query = QUERY) {
  const token = await h.token({ login: 'inv1' });
  return post(h, { query, variables: { withCars }, extensions: { basis: CRIMINAL } }, { authorization: `Bearer ${token}` });
}

describe('what the operation memo patches in Apollo', () => {
  const operations = require(OPERATIONS_MODULE) as {
    operationFromDocument: ((...args: unknown[]) => unknown) & { negizOriginal?: (...args: unknown[]) => unknown };
  };

  it('is the operationFromDocument that was reviewed', () => {
    memoiseGatewayOperations();
    const original = operations.operationFromDocument.negizOriginal;
    expect(original, 'the memo keeps the function it replaced').toBeTypeOf('function');
    const digest = createHash('sha256').update(original!.toString()).digest('hex');
    expect(digest, `@apollo/federation-internals' operationFromDocument changed: ${RECHECK}`).toBe(REVIEWED_OPERATION_FROM_DOCUMENT);
  });

  it("is the function @apollo/gateway's execution calls, once, with { validate: false }", () => {
    const executeQueryPlan = readFileSync(join(dirname(GATEWAY_ENTRY), 'executeQueryPlan.js'), 'utf8');
    const calls = executeQueryPlan.match(/operationFromDocument\)\(/g) ?? [];
    expect(calls.length, `@apollo/gateway's dist/executeQueryPlan.js no longer calls operationFromDocument( exactly once: ${RECHECK}`).toBe(1);
    expect(executeQueryPlan, `@apollo/gateway's execution-time call changed its options: ${RECHECK}`).toMatch(
      /operationFromDocument\)\(apiSchema, \{[^]*?\}, \{\s*validate: false,\s*\}\)/,
    );
    // federation-internals' index re-exports through getters, so the gateway's call reaches the patched module.
    const internals = require(require.resolve('@apollo/federation-internals', { paths: [GATEWAY_ENTRY] })) as { operationFromDocument: unknown };
    expect(internals.operationFromDocument, `the export @apollo/gateway calls is no longer the patched one: ${RECHECK}`).toBe(operations.operationFromDocument);
  });

  it('is pinned: exact versions in gateway/package.json, and those installed', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const installed = {
      '@apollo/gateway': installedVersion('@apollo/gateway', GATEWAY_ENTRY),
      '@apollo/federation-internals': installedVersion('@apollo/federation-internals', OPERATIONS_MODULE),
    };
    for (const [name, version] of Object.entries(installed)) {
      expect(
        manifest.dependencies[name],
        `${name} must be pinned to an exact version in gateway/package.json: an upgrade is a review of operation-memo.ts`,
      ).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version, `${name} installed is not the pinned version: ${RECHECK}`).toBe(manifest.dependencies[name]);
    }
  });
});

describe("the gateway's operation model, kept per document", () => {
  it('is installed once, by the gateway', () => {
    expect(memoiseGatewayOperations()).toBe(memoiseGatewayOperations());
  });

  it('is built once for the same text and reused, each request shaped by its own variables', async () => {
    const stats = memoiseGatewayOperations();
    const first = await look(true);
    const before = { ...stats };
    const without = await look(false);
    const again = await look(true);
    expect(stats.misses).toBe(before.misses);
    expect(stats.hits).toBe(before.hits + 2);
    expect(first.body.errors).toBeUndefined();
    expect(Object.keys(first.body.data!.person as object).sort()).toEqual(['lastName', 'vehicles']);
    expect(without.body.data).toEqual({ person: { lastName: (first.body.data!.person as { lastName: string }).lastName } });
    expect(again.body.data).toEqual(first.body.data);
  });

  it('builds its own model for another text', async () => {
    const stats = memoiseGatewayOperations();
    const misses = stats.misses;
    const r = await look(true, QUERY.replace('lastName', 'lastName firstName'));
    expect(stats.misses).toBe(misses + 1);
    expect(Object.keys(r.body.data!.person as object).sort()).toEqual(['firstName', 'lastName', 'vehicles']);
  });
});
