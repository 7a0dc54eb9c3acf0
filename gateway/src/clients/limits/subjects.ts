/**
 * The subjects a request asks about: the distinct IIN and BIN values in its arguments, whether written inline or
 * passed as variables, in lists or inside input objects. A dossier concerns one subject; many subjects in one
 * request is the shape of bulk harvesting.
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

export type SubjectKind = 'IIN' | 'BIN';
export interface Subject {
  kind: SubjectKind;
  value: string;
}

/** Scalars whose values identify a subject; arguments named like them count too when typed as String/ID. */
const SUBJECT_SCALARS: Record<string, SubjectKind> = { IIN: 'IIN', BIN: 'BIN' };
const SUBJECT_ARGUMENT_NAMES: Record<string, SubjectKind> = { iin: 'IIN', iins: 'IIN', bin: 'BIN', bins: 'BIN' };

function kindOf(type: GraphQLInputType | undefined, argumentName: string | undefined): SubjectKind | undefined {
  const named = type ? getNamedType(type) : undefined;
  if (named && SUBJECT_SCALARS[named.name]) return SUBJECT_SCALARS[named.name];
  if (argumentName && (!named || named.name === 'String' || named.name === 'ID')) return SUBJECT_ARGUMENT_NAMES[argumentName];
  return undefined;
}

function collectFromValue(value: unknown, kind: SubjectKind, out: Map<string, Subject>): void {
  if (typeof value === 'string') out.set(`${kind}:${value}`, { kind, value });
  else if (Array.isArray(value)) for (const item of value) collectFromValue(item, kind, out);
}

/** Walk a literal or variable value along its input type, collecting IIN/BIN leaves. */
function collect(
  node: ValueNode,
  type: GraphQLInputType | undefined,
  name: string | undefined,
  variables: Record<string, unknown>,
  out: Map<string, Subject>,
): void {
  const kind = kindOf(type, name);
  const nullable = type ? getNullableType(type) : undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      if (kind) collectFromValue(variables[node.name.value], kind, out);
      else if (nullable) collectFromJs(variables[node.name.value], nullable, out);
      return;
    case Kind.STRING:
      if (kind) out.set(`${kind}:${node.value}`, { kind, value: node.value });
      return;
    case Kind.LIST:
      for (const item of node.values) collect(item, nullable && isListType(nullable) ? nullable.ofType : type, name, variables, out);
      return;
    case Kind.OBJECT: {
      const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : undefined;
      for (const field of node.fields) collect(field.value, fields?.[field.name.value]?.type, field.name.value, variables, out);
      return;
    }
    default:
      return;
  }
}

/** A variable's JSON value along an input type (lists and input objects holding IIN/BIN fields). */
function collectFromJs(value: unknown, type: GraphQLInputType, out: Map<string, Subject>): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) for (const item of value) collectFromJs(item, nullable.ofType, out);
    return;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    for (const [fieldName, field] of Object.entries(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[fieldName];
      const kind = kindOf(field.type, fieldName);
      if (kind) collectFromValue(fieldValue, kind, out);
      else collectFromJs(fieldValue, field.type, out);
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
