/**
 * `negiz operations ...`: register persisted operations for clients (court systems) after checking them against
 * the supergraph, the policy and the limits; list what is registered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { FieldVisibility, OperationCheck } from './check.ts';
import type { ManifestFile } from './manifest.ts';

// The checks load graphql, the supergraph reader and the policy: imported when a command runs, so that
// `negiz --help` and the other packages' commands do not pay for them.
const SUPERGRAPH_PATH = fileURLToPath(new URL('../../../../schema/supergraph.graphql', import.meta.url));
const MANIFEST_PATH = fileURLToPath(new URL('../../../../schema/operations/manifest.json', import.meta.url));
const CLIENTS_PATH = fileURLToPath(new URL('../../../../schema/clients.yaml', import.meta.url));

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function manifestOrEmpty(path: string): Promise<ManifestFile> {
  const { emptyManifest, readManifestFile } = await import('./manifest.ts');
  try {
    return readManifestFile(path);
  } catch (error) {
    if (/ENOENT/.test((error as Error).message)) return emptyManifest();
    throw error;
  }
}

/** One line per service: the bases it is withheld on and the fields of the operation it holds. */
function byService(fields: FieldVisibility[]): string[] {
  const services = new Map<number, FieldVisibility[]>();
  for (const f of fields) services.set(f.service, [...(services.get(f.service) ?? []), f]);
  return [...services].map(([number, list]) => {
    const first = list[0]!;
    const where = [
      ...new Set(first.withheldOn.map((w) => `${w.basis} (${w.code}, Appendix ${w.rule.appendix} row ${w.rule.row} column ${w.rule.column})`)),
    ].join('; ');
    const names = list.map((f) => f.coordinate);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return `service ${number} "${first.serviceName}" withheld on ${where}: ${shown}`;
  });
}

function report(check: OperationCheck, clientId: string, written: { manifest: string; clients: string } | undefined): string {
  const lines = [
    `${written ? 'Registered' : 'Checked'} ${check.name} for ${clientId}`,
    `  id (sha256): ${check.id}`,
    `  services: ${check.services.join(', ')}`,
  ];
  for (const e of check.errors) lines.push(`  error: ${e}`);
  for (const line of byService(check.never)) lines.push(`  warning: this client will never see ${line}`);
  for (const line of byService(check.partly)) lines.push(`  note: ${line}`);
  if (written) lines.push(`  written: ${relative(process.cwd(), written.manifest)}, ${relative(process.cwd(), written.clients)}`);
  return lines.join('\n');
}

export function registerOperationsCommands(program: Command): void {
  const cmd = program.command('operations').description('persisted operations of court systems and other registered clients (docs/clients.md)');
  cmd
    .command('add')
    .description('check an operation against the supergraph, the policy and the limits, then register it for a client')
    .argument('<file>', 'a .graphql file holding one named operation')
    .requiredOption('--client <id>', 'the client id in schema/clients.yaml')
    .option('--supergraph <path>', 'the supergraph SDL', SUPERGRAPH_PATH)
    .option('--manifest <path>', 'the operations manifest', MANIFEST_PATH)
    .option('--clients <path>', 'the clients registry', CLIENTS_PATH)
    .option('--dry-run', 'check only; write nothing')
    .option('--strict', 'fail when the client would never see some field')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { client: string; supergraph: string; manifest: string; clients: string; dryRun?: boolean; strict?: boolean; json?: boolean },
      ) => {
        const { checkOperation, OperationCheckError } = await import('./check.ts');
        const { buildManifest, upsertOperation, writeManifestFile } = await import('./manifest.ts');
        const { allowOperation, readClientsFile, writeClientsFile } = await import('./registry.ts');
        const clientsFile = readClientsFile(opts.clients);
        const client = clientsFile.clients.find((c) => c.id === opts.client);
        if (!client) throw new Error(`unknown client "${opts.client}": registered are ${clientsFile.clients.map((c) => c.id).join(', ')}`);
        let check: OperationCheck;
        try {
          const supergraph = existsSync(opts.supergraph) ? readText(opts.supergraph, 'supergraph') : undefined;
          if (supergraph === undefined) throw new Error(`no supergraph at ${opts.supergraph}: run \`negiz compose\` first`);
          check = checkOperation(readText(file, 'operation'), { supergraph, client });
        } catch (error) {
          if (error instanceof OperationCheckError) throw new Error(`${file}: ${error.message}`);
          throw error;
        }
        const refused = check.errors.length > 0 || (opts.strict === true && check.never.length > 0);
        let written = false;
        if (!refused && !opts.dryRun) {
          const manifestFile = upsertOperation(await manifestOrEmpty(opts.manifest), { id: check.id, name: check.name, type: check.type, body: check.body });
          writeManifestFile(manifestFile, opts.manifest);
          writeClientsFile(allowOperation(clientsFile, client.id, { id: check.id, name: check.name }), buildManifest(manifestFile), opts.clients);
          written = true;
        }
        if (opts.json) console.log(JSON.stringify({ client: client.id, written, ...check }, null, 2));
        else console.log(report(check, client.id, written ? { manifest: opts.manifest, clients: opts.clients } : undefined));
        if (refused) process.exitCode = 1;
      },
    );
  cmd
    .command('list')
    .description('the registered operations, and the clients allowed each')
    .option('--manifest <path>', 'the operations manifest', MANIFEST_PATH)
    .option('--clients <path>', 'the clients registry', CLIENTS_PATH)
    .option('--json', 'print as JSON')
    .action(async (opts: { manifest: string; clients: string; json?: boolean }) => {
      const { readClientsFile } = await import('./registry.ts');
      const manifest = await manifestOrEmpty(opts.manifest);
      const clients = readClientsFile(opts.clients).clients;
      const rows = manifest.operations.map((op) => ({
        id: op.id,
        name: op.name,
        type: op.type,
        clients: clients.filter((c) => c.operations.some((o) => o.id === op.id)).map((c) => c.id),
      }));
      if (opts.json) console.log(JSON.stringify({ operations: rows, clients: clients.map(({ id, kind, name }) => ({ id, kind, name })) }, null, 2));
      else for (const r of rows) console.log(`${r.id}  ${r.name.padEnd(36)} ${r.clients.join(', ') || '(no client)'}`);
    });
}
