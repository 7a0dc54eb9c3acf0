import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadServices } from '@negiz/subgraphs/registry.ts';
import { registerOperationsCommands } from '../../../src/clients/operations/command.ts';
import { canonicalBody, loadManifest, operationId } from '../../../src/clients/operations/manifest.ts';
import { loadClientRegistry } from '../../../src/clients/operations/registry.ts';
import { composeSupergraph, FIXTURES_DIR } from '../../harness.ts';

const OPERATION = `
  # a civil court's check of a party
  query PartyCheck($iin: IIN!) {
    person(iin: $iin) { lastName pensionContributions { period amount } vehicles { plate stolenReport { reportedOn } } }
  }`;

let dir: string;
let paths: { supergraph: string; manifest: string; clients: string; op: string };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'negiz-operations-'));
  paths = {
    supergraph: join(dir, 'supergraph.graphql'),
    manifest: join(dir, 'manifest.json'),
    clients: join(dir, 'clients.yaml'),
    op: join(dir, 'party-check.graphql'),
  };
  writeFileSync(paths.supergraph, await composeSupergraph(await loadServices({ dir: FIXTURES_DIR })));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = 0;
});

function freshClients(): void {
  writeFileSync(
    paths.clients,
    'clients:\n  - { id: court-civil, kind: COURT, name: Civil courts, roles: [2], bases: [CIVIL] }\n  - { id: portal, kind: PORTAL, name: Portal }\n',
  );
  writeFileSync(paths.manifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] }));
}

async function negiz(...args: string[]): Promise<{ out: string; exitCode: number }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const program = new Command('negiz').exitOverride();
  registerOperationsCommands(program);
  process.exitCode = 0;
  await program.parseAsync(['node', 'negiz', ...args]);
  return { out: lines.join('\n'), exitCode: Number(process.exitCode ?? 0) };
}

const files = () => ['--supergraph', paths.supergraph, '--manifest', paths.manifest, '--clients', paths.clients];

describe('negiz operations add', () => {
  it('checks, computes the id and registers the operation for the client', async () => {
    freshClients();
    writeFileSync(paths.op, OPERATION);
    const { out, exitCode } = await negiz('operations', 'add', paths.op, '--client', 'court-civil', '--json', ...files());
    expect(exitCode).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ name: 'PartyCheck', written: true, errors: [], id: operationId(canonicalBody(OPERATION)) });
    const manifest = loadManifest(paths.manifest);
    expect(manifest.byName('PartyCheck')?.id).toBe(result.id);
    expect(loadClientRegistry(manifest, paths.clients).allows('court-civil', result.id)).toBe(true);
    expect(JSON.parse(readFileSync(paths.manifest, 'utf8')).format).toBe('apollo-persisted-query-manifest');
  });

  it('warns of fields the client will never see and notes fields withheld on some of its bases', async () => {
    freshClients();
    writeFileSync(paths.op, OPERATION);
    const { out } = await negiz('operations', 'add', paths.op, '--client', 'court-civil', '--dry-run', ...files());
    // Criminal vehicles (row 23) are closed on CIVIL; pension amounts (row 11) are truncated there.
    expect(out).toMatch(
      /warning: this client will never see service 23 .*CIVIL \(FORBIDDEN_SERVICE_FOR_BASIS, Appendix 2 row 23 column 4\).*Vehicle\.stolenReport/,
    );
    expect(out).toMatch(/service 11 .*REDACTED.*PensionContribution\.amount/);
    expect(loadManifest(paths.manifest).operations.size).toBe(0); // --dry-run wrote nothing
    expect((await negiz('operations', 'add', paths.op, '--client', 'court-civil', '--strict', ...files())).exitCode).toBe(1);
  });

  it('refuses an operation invalid against the supergraph, and writes nothing', async () => {
    freshClients();
    writeFileSync(paths.op, 'query Broken($iin: IIN!) { person(iin: $iin) { noSuchField } }');
    const { out, exitCode } = await negiz('operations', 'add', paths.op, '--client', 'court-civil', ...files());
    expect(exitCode).toBe(1);
    expect(out).toMatch(/error: invalid against the supergraph: Cannot query field "noSuchField"/);
    expect(loadManifest(paths.manifest).operations.size).toBe(0);
  });

  it('refuses an anonymous operation, several operations, and an unknown client with a one-line error', async () => {
    freshClients();
    writeFileSync(paths.op, '{ person(iin: "850301300012") { lastName } }');
    await expect(negiz('operations', 'add', paths.op, '--client', 'court-civil', ...files())).rejects.toThrow(/must be named/);
    writeFileSync(paths.op, 'query A { __typename } query B { __typename }');
    await expect(negiz('operations', 'add', paths.op, '--client', 'court-civil', ...files())).rejects.toThrow(/exactly one operation/);
    await expect(negiz('operations', 'add', paths.op, '--client', 'nobody', ...files())).rejects.toThrow(/unknown client "nobody"/);
  });

  it('lists the registered operations with their clients', async () => {
    freshClients();
    writeFileSync(paths.op, OPERATION);
    await negiz('operations', 'add', paths.op, '--client', 'court-civil', ...files());
    const { out } = await negiz('operations', 'list', '--json', '--manifest', paths.manifest, '--clients', paths.clients);
    expect(JSON.parse(out).operations).toEqual([{ id: operationId(canonicalBody(OPERATION)), name: 'PartyCheck', type: 'query', clients: ['court-civil'] }]);
  });
});
