import { describe, expect, it } from 'vitest';
import { buildManifest, canonicalBody, operationId, upsertOperation, emptyManifest } from '../../../src/clients/operations/manifest.ts';
import { buildClientRegistry } from '../../../src/clients/operations/registry.ts';

const body = canonicalBody('query A { ping }');
const op = { id: operationId(body), name: 'A', type: 'query' as const, body };

describe('operation manifest', () => {
  it('accepts the Apollo persisted-query list format and indexes operations by id and name', () => {
    const manifest = buildManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [op] });
    expect(manifest.operations.get(op.id)?.name).toBe('A');
    expect(manifest.byName('A')?.id).toBe(op.id);
  });

  it.each([
    [{ format: 'other', version: 1, operations: [] }, /format/],
    [{ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ ...op, id: operationId('x') }] }, /not the SHA-256 of the body/],
    [{ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ ...op, name: 'B' }] }, /operation is named "A"/],
    [{ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ ...op, type: 'mutation' }] }, /is a query, not a mutation/],
    [{ format: 'apollo-persisted-query-manifest', version: 1, operations: [op, op] }, /duplicate/],
  ])('rejects an invalid manifest with a message naming the problem (%#)', (content, message) => {
    expect(() => buildManifest(content)).toThrow(message);
  });

  it('replaces an operation of the same name on upsert', () => {
    const body2 = canonicalBody('query A { ping ping2: ping }');
    const file = upsertOperation(upsertOperation(emptyManifest(), op), { ...op, id: operationId(body2), body: body2 });
    expect(file.operations).toHaveLength(1);
    expect(file.operations[0]!.body).toBe(body2);
  });
});

describe('client registry', () => {
  const manifest = buildManifest({ format: 'apollo-persisted-query-manifest', version: 1, operations: [op] });
  it('refuses allowed operations missing from the manifest', () => {
    expect(() => buildClientRegistry({ clients: [{ id: 'c', kind: 'COURT', name: 'C', operations: [{ id: 'f'.repeat(64), name: 'X' }] }] }, manifest)).toThrow(
      /not in the manifest/,
    );
  });
  it('refuses an unknown kind', () => {
    expect(() => buildClientRegistry({ clients: [{ id: 'c', kind: 'ROBOT', name: 'C' }] }, manifest)).toThrow(/kind/);
  });
});
