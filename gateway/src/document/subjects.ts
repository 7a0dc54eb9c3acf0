/**
 * The one definition of what a request asks about: the identifiers in its arguments, whether written inline or
 * passed as variables, in lists or inside input objects. A value is an IIN or BIN when its input type is the
 * IIN/BIN scalar (or a String/ID argument named iin/bin); vehicles, weapons and land are named by their
 * arguments (vin, plate, serialNumber, cadastralNumber). The limits count the persons and legal entities (a
 * dossier concerns one; many in one request is the shape of bulk harvesting), the clients' stage refuses a
 * malformed IIN/BIN, and the journal records them all.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { SubjectRef } from '@negiz/journal';

/** Input nesting deeper than any input type of the schema is not walked further (lists of lists of ...). */
const MAX_INPUT_DEPTH = 16;

export type SubjectKind = SubjectRef['kind'];
export type Subject = SubjectRef;

/** Scalars whose values identify a subject; arguments named like them count too when typed as String/ID. */
const SUBJECT_SCALARS: Record<string, SubjectKind> = { IIN: 'IIN', BIN: 'BIN' };
const SUBJECT_ARGUMENT_NAMES: Record<string, SubjectKind> = {
  iin: 'IIN',
  iins: 'IIN',
  bin: 'BIN',
  bins: 'BIN',
  vin: 'VIN',
  plate: 'PLATE',
  serialNumber: 'SERIAL',
  cadastralNumber: 'CADASTRAL',
};
/** Longer values cannot be an object's identifier (the service refuses them); an IIN/BIN is kept to be refused. */
const MAX_OBJECT_IDENTIFIER = 64;

/** Persons and legal entities: what the subject limits and budgets count. */
export function isPersonOrEntity(subject: Subject): boolean {
  return subject.kind === 'IIN' || subject.kind === 'BIN';
}

function kindOf(type: GraphQLInputType | undefined, argumentName: string | undefined): SubjectKind | undefined {
  const named = type ? getNamedType(type) : undefined;
  if (named && SUBJECT_SCALARS[named.name]) return SUBJECT_SCALARS[named.name];
  if (argumentName && (!named || named.name === 'String' || named.name === 'ID')) return SUBJECT_ARGUMENT_NAMES[argumentName];
  return undefined;
}

function add(out: Map<string, Subject>, kind: SubjectKind, value: string): void {
  if (kind !== 'IIN' && kind !== 'BIN' && value.length > MAX_OBJECT_IDENTIFIER) return;
  out.set(`${kind}:${value}`, { kind, value });
}

function collectFromValue(value: unknown, kind: SubjectKind, out: Map<string, Subject>, depth = 0): void {
  if (typeof value === 'string') add(out, kind, value);
  else if (Array.isArray(value) && depth < MAX_INPUT_DEPTH) for (const item of value) collectFromValue(item, kind, out, depth + 1);
}

/** Walk a literal or variable value along its input type, collecting the identifiers at its leaves. */
function collect(
  node: ValueNode,
  type: GraphQLInputType | undefined,
  name: string | undefined,
  variables: Record<string, unknown>,
  out: Map<string, Subject>,
  depth = 0,
): void {
  if (depth > MAX_INPUT_DEPTH) return;
  const kind = kindOf(type, name);
  const nullable = type ? getNullableType(type) : undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      if (kind) collectFromValue(variables[node.name.value], kind, out);
      else if (nullable) collectFromJs(variables[node.name.value], nullable, out);
      return;
    case Kind.STRING:
      if (kind) add(out, kind, node.value);
      return;
    case Kind.LIST:
      for (const item of node.values) collect(item, nullable && isListType(nullable) ? nullable.ofType : type, name, variables, out, depth + 1);
      return;
    case Kind.OBJECT: {
      const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : undefined;
      for (const field of node.fields) collect(field.value, fields?.[field.name.value]?.type, field.name.value, variables, out, depth + 1);
      return;
    }
    default:
      return;
  }
}

/** A variable's JSON value along an input type (lists and input objects holding IIN/BIN fields). */
function collectFromJs(value: unknown, type: GraphQLInputType, out: Map<string, Subject>, depth = 0): void {
  if (value === null || value === undefined || depth > MAX_INPUT_DEPTH) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) collectFromJs(item, nullable.ofType, out, depth + 1);
    return;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    for (const [fieldName, field] of Object.entries(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[fieldName];
      const kind = kindOf(field.type, fieldName);
      if (kind) collectFromValue(fieldValue, kind, out, depth + 1);
      else collectFromJs(fieldValue, field.type, out, depth + 1);
    }
  }
}

/** Where an operation names subjects: each argument (fragments included) with its input type. */
export interface SubjectSite {
  value: ValueNode;
  type: GraphQLInputType | undefined;
  name: string;
}

/** The argument sites of one operation; computed once per document (the gateway caches them by query text). */
export function subjectSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): SubjectSite[] {
  const sites: SubjectSite[] = [];
  const fragments = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode): void => {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Argument(argumentNode) {
          sites.push({ value: argumentNode.value, type: typeInfo.getArgument()?.type, name: argumentNode.name.value });
          return false;
        },
        FragmentSpread(spread) {
          fragments.add(spread.name.value);
        },
      }),
    );
  };
  walk(operation);
  // Fragments used by the operation (and the fragments they use), each walked once.
  const done = new Set<string>();
  for (let pending = [...fragments]; pending.length; pending = [...fragments].filter((f) => !done.has(f))) {
    for (const name of pending) {
      done.add(name);
      const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
      if (fragment) walk(fragment);
    }
  }
  return sites;
}

/** The distinct subjects at these sites with these variables, in order of first appearance. */
export function subjectsAt(sites: readonly SubjectSite[], variables: Record<string, unknown> = {}): Subject[] {
  const out = new Map<string, Subject>();
  for (const site of sites) collect(site.value, site.type, site.name, variables, out);
  return [...out.values()];
}

/** The distinct subjects of one operation (fragments included), in order of first appearance. */
export function subjectsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Subject[] {
  return subjectsAt(subjectSites(schema, document, operation), variables);
}
