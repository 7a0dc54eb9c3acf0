/**
 * What the gateway must know about a document before the basis and the rules: that it parses and is valid
 * against the API schema, which operation runs, that it does not reach for the federation internals
 * (`_entities`, `_service`), whether it only introspects, and which subjects its arguments name.
 */
import { createHash } from 'node:crypto';
import { Kind, getOperationAST, parse, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { SubjectRef } from '@negiz/journal';
import { Refusal } from '../refusal.ts';

export interface Inspection {
  query: string;
  documentHash: string;
  operationName: string | undefined;
  /** False when the document does not parse or validate: Apollo Server answers it, nothing executes. */
  valid: boolean;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
  kind: 'query' | 'mutation' | 'subscription';
  /** Only `__schema`, `__type`, `__typename`: no data is asked, no basis is needed. */
  introspectionOnly: boolean;
  /** Arguments naming a subject, resolved against variables per request. */
  subjectArguments: ReadonlyArray<{ kind: SubjectRef['kind']; value: ValueNode }>;
}

const SUBJECT_ARGUMENTS: Record<string, SubjectRef['kind']> = {
  iin: 'IIN',
  bin: 'BIN',
  vin: 'VIN',
  plate: 'PLATE',
  serialNumber: 'SERIAL',
  cadastralNumber: 'CADASTRAL',
};
const INTERNAL_FIELDS = new Set(['_entities', '_service']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

export function inspect(schema: GraphQLSchema, query: string, operationName: string | undefined): Inspection {
  const base = { query, documentHash: documentHash(query), operationName, introspectionOnly: false, subjectArguments: [], kind: 'query' as const };
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 20_000 });
  } catch {
    return { ...base, valid: false };
  }
  let internal = false;
  let privateAlias = false;
  let incremental = false;
  const subjectArguments: Array<{ kind: SubjectRef['kind']; value: ValueNode }> = [];
  visit(document, {
    Field(field) {
      if (INTERNAL_FIELDS.has(field.name.value)) internal = true;
      if (field.alias?.value.startsWith('__negiz')) privateAlias = true;
    },
    Directive(directive) {
      if (directive.name.value === 'defer' || directive.name.value === 'stream') incremental = true;
    },
    Argument(argument) {
      const kind = SUBJECT_ARGUMENTS[argument.name.value];
      if (kind) subjectArguments.push({ kind, value: argument.value });
    },
  });
  if (internal) {
    throw new Refusal('FORBIDDEN_OPERATION', 'The federation internals (_entities, _service) are not served to clients: query the entry points of the schema');
  }
  // Incremental delivery would send parts of the answer before the journal has recorded the request.
  if (incremental) throw new Refusal('FORBIDDEN_OPERATION', 'Incremental delivery (@defer, @stream) is not served: the journal records each request before any data leaves (order No. 21 p.5)');
  if (privateAlias) throw new Refusal('BAD_REQUEST', 'Aliases beginning with "__negiz" are reserved by the gateway');
  if (validate(schema, document).length > 0) return { ...base, valid: false, document };
  const operation = getOperationAST(document, operationName) ?? undefined;
  if (!operation) return { ...base, valid: false, document };
  const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value));
  return { ...base, operationName: operation.name?.value ?? operationName, valid: true, document, operation, kind: operation.operation, introspectionOnly, subjectArguments };
}

/** The subjects an operation names, with its variables. */
export function subjectsOf(inspection: Inspection, variables: Readonly<Record<string, unknown>> | undefined): SubjectRef[] {
  const out: SubjectRef[] = [];
  for (const { kind, value } of inspection.subjectArguments) {
    let v: unknown;
    if (value.kind === Kind.STRING) v = value.value;
    else if (value.kind === Kind.VARIABLE) v = variables?.[value.name.value];
    if (typeof v === 'string' && v.length <= 64 && !out.some((s) => s.kind === kind && s.value === v)) out.push({ kind, value: v });
  }
  return out;
}

