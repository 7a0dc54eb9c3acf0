/**
 * The registered clients (`schema/clients.yaml`): who may call the gateway, of which kind, and for court systems
 * which persisted operations their credentials may execute.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, isScalar, isSeq, parse, visit } from 'yaml';
import { z } from 'zod';
import { basisCode } from '@negiz/schema';
import type { OperationManifest } from './manifest.ts';

export const CLIENTS_PATH = fileURLToPath(new URL('../../../../schema/clients.yaml', import.meta.url));

/**
 * PORTAL: investigators' portals (free queries, APQ); COURT: persisted operations only; GRAPHIQL: analysts;
 * CITIZEN_PORTAL: the e-government portal, which reads only a citizen's own disclosure (/reports/citizen).
 */
export const CLIENT_KINDS = ['PORTAL', 'COURT', 'GRAPHIQL', 'CITIZEN_PORTAL'] as const;
export type RegisteredClientKind = (typeof CLIENT_KINDS)[number];

const clientSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"'),
    kind: z.enum(CLIENT_KINDS),
    name: z.string().min(1),
    /** Roles of Appendix 1 whose users this client serves (for `operations add` warnings). */
    roles: z.array(z.number().int().min(1)).optional(),
    /** The bases its users work on (default: every basis their roles may use). */
    bases: z.array(basisCode).optional(),
    operations: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().min(1) }).strict()).default([]),
  })
  .strict();

export const clientsFileSchema = z.object({ clients: z.array(clientSchema) }).strict();
export type ClientsFile = z.infer<typeof clientsFileSchema>;
export type RegisteredClient = z.infer<typeof clientSchema>;

export interface ClientRegistry {
  get(id: string): RegisteredClient | undefined;
  /** Whether a court client may execute this persisted operation. */
  allows(clientId: string, operationId: string): boolean;
  readonly clients: readonly RegisteredClient[];
}

export class ClientRegistryError extends Error {
  override name = 'ClientRegistryError';
}

/** Validate the clients' file against the manifest: every allowed operation must exist there under that name. */
export function buildClientRegistry(content: unknown, manifest: OperationManifest, where = 'clients.yaml'): ClientRegistry {
  const parsed = clientsFileSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClientRegistryError(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const byId = new Map<string, RegisteredClient>();
  const allowed = new Map<string, Set<string>>();
  for (const client of parsed.data.clients) {
    if (byId.has(client.id)) throw new ClientRegistryError(`${where}: client "${client.id}" is registered twice`);
    for (const op of client.operations) {
      const registered = manifest.operations.get(op.id);
      if (!registered) throw new ClientRegistryError(`${where}: client "${client.id}": operation ${op.name} (${op.id}) is not in the manifest`);
      if (registered.name !== op.name)
        throw new ClientRegistryError(`${where}: client "${client.id}": operation ${op.id} is named "${registered.name}" in the manifest, not "${op.name}"`);
    }
    byId.set(client.id, client);
    allowed.set(client.id, new Set(client.operations.map((o) => o.id)));
  }
  return {
    clients: parsed.data.clients,
    get: (id) => byId.get(id),
    allows: (clientId, operationId) => allowed.get(clientId)?.has(operationId) ?? false,
  };
}

export function readClientsFile(path = CLIENTS_PATH): ClientsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ClientRegistryError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let content: unknown;
  try {
    content = parse(text);
  } catch (error) {
    throw new ClientRegistryError(`${path}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = clientsFileSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClientRegistryError(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadClientRegistry(manifest: OperationManifest, path = CLIENTS_PATH): ClientRegistry {
  return buildClientRegistry(readClientsFile(path), manifest, path);
}

/** Allow an operation for a client (replacing an older version of the same name). */
export function allowOperation(file: ClientsFile, clientId: string, op: { id: string; name: string }): ClientsFile {
  const client = file.clients.find((c) => c.id === clientId);
  if (!client) throw new ClientRegistryError(`unknown client "${clientId}": register it in schema/clients.yaml first`);
  const operations = client.operations.filter((o) => o.name !== op.name && o.id !== op.id);
  operations.push({ id: op.id, name: op.name });
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { clients: file.clients.map((c) => (c.id === clientId ? { ...c, operations } : c)) };
}

const HEADER = `# Registered clients of the gateway (docs/clients.md).
# kind: PORTAL (investigators' portals: free queries, automatic persisted queries), COURT (court systems: only the
# persisted operations listed here, by id from schema/operations/manifest.json), GRAPHIQL (analysts at /graphiql),
# CITIZEN_PORTAL (the e-government portal: only /reports/citizen, a citizen's disclosure, docs/journal.md).
# The client of a request is the token's client_id (or azp) claim. Edit operations with \`negiz operations add\`.
`;

export function writeClientsFile(file: ClientsFile, manifest: OperationManifest, path = CLIENTS_PATH): void {
  buildClientRegistry(file, manifest, path);
  // Short lists (roles, bases) on one line, as a reviewer reads them.
  const doc = new Document(file);
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && (pair.key.value === 'roles' || pair.key.value === 'bases') && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  writeFileSync(path, HEADER + doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
