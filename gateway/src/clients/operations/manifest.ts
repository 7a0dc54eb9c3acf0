/**
 * The registered (persisted) operations: `schema/operations/manifest.json`, in the persisted-query list format that
 * Apollo's tools produce. A court system sends only an operation's id; the gateway executes the body stored here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, print, type DocumentNode, type OperationTypeNode } from 'graphql';
import { z } from 'zod';

export const OPERATIONS_DIR = fileURLToPath(new URL('../../../../schema/operations/', import.meta.url));
export const MANIFEST_PATH = `${OPERATIONS_DIR}manifest.json`;

const operationSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{64}$/, 'must be the lowercase hex SHA-256 of the body'),
    name: z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*$/, 'must be a GraphQL operation name'),
    type: z.enum(['query', 'mutation', 'subscription']),
    body: z.string().min(1),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal('apollo-persisted-query-manifest'),
    version: z.literal(1),
    operations: z.array(operationSchema),
  })
  .strict();

export type ManifestFile = z.infer<typeof manifestSchema>;
export type ManifestOperation = z.infer<typeof operationSchema>;

/** A registered operation, parsed once at start. */
export interface PersistedOperation extends ManifestOperation {
  document: DocumentNode;
}

export interface OperationManifest {
  readonly operations: ReadonlyMap<string, PersistedOperation>;
  byName(name: string): PersistedOperation | undefined;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** The id of an operation body: what a client puts in `extensions.persistedQuery.sha256Hash`. */
export function operationId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The canonical body of an operation file: printed by graphql-js, so formatting never changes an id. */
export function canonicalBody(source: string): string {
  return print(parse(source));
}

/** Validate a manifest's content: ids are the hashes of their bodies, each body is one named operation. */
export function buildManifest(content: unknown, where = 'manifest.json'): OperationManifest {
  const parsed = manifestSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ManifestError(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const operations = new Map<string, PersistedOperation>();
  const names = new Map<string, string>();
  parsed.data.operations.forEach((op, index) => {
    const at = `${where}: operations.${index} (${op.name})`;
    if (operationId(op.body) !== op.id) throw new ManifestError(`${at}: id is not the SHA-256 of the body`);
    if (operations.has(op.id)) throw new ManifestError(`${at}: duplicate id`);
    if (names.has(op.name)) throw new ManifestError(`${at}: duplicate name`);
    let document: DocumentNode;
    try {
      document = parse(op.body);
    } catch (error) {
      throw new ManifestError(`${at}: body does not parse (${(error as Error).message})`);
    }
    const definitions = document.definitions.filter((d) => d.kind === 'OperationDefinition');
    if (definitions.length !== 1) throw new ManifestError(`${at}: body must hold exactly one operation`);
    const definition = definitions[0]!;
    if (definition.name?.value !== op.name) throw new ManifestError(`${at}: the body's operation is named "${definition.name?.value ?? ''}"`);
    if (definition.operation !== (op.type as OperationTypeNode)) throw new ManifestError(`${at}: the body is a ${definition.operation}, not a ${op.type}`);
    operations.set(op.id, { ...op, document });
    names.set(op.name, op.id);
  });
  return {
    operations,
    byName: (name) => {
      const id = names.get(name);
      return id === undefined ? undefined : operations.get(id);
    },
  };
}

export function readManifestFile(path = MANIFEST_PATH): ManifestFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ManifestError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  buildManifest(content, path);
  return content as ManifestFile;
}

/** Load and validate the manifest at start; throws ManifestError naming the file, operation and problem. */
export function loadManifest(path = MANIFEST_PATH): OperationManifest {
  return buildManifest(readManifestFile(path), path);
}

/** Add (or replace, by name) an operation and write the file back sorted by name, so diffs stay reviewable. */
export function upsertOperation(file: ManifestFile, op: ManifestOperation): ManifestFile {
  const operations = file.operations.filter((o) => o.name !== op.name && o.id !== op.id);
  operations.push(op);
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { ...file, operations };
}

export function writeManifestFile(file: ManifestFile, path = MANIFEST_PATH): void {
  buildManifest(file, path);
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}

export function emptyManifest(): ManifestFile {
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
}
