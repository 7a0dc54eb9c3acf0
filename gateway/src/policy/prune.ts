/**
 * Removes from an operation every field the basis does not open (Appendix 2), before planning, so the service
 * behind it is never asked. Fragments are inlined as they are walked, so each removed field has exactly one place
 * in the response; the walk records those places (the release plan) for the null-and-error the client gets.
 * The input document is never modified: a new one is built, and printed only when something was removed.
 */
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  print,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { CodeOfStage, RuleRef } from '@negiz/schema';
import type { SupergraphFacts } from './supergraph.ts';
import type { Verdicts } from './verdicts.ts';

/** The register's per-field codes. */
export type WithheldCode = CodeOfStage<'field'>;

export interface Withheld {
  coordinate: string;
  service: number;
  code: WithheldCode;
  rule: RuleRef;
  message: string;
}

export interface ReleaseEntry {
  responseKey: string;
  /** Concrete types the entry applies to (read from the probe); undefined: every object at this place. */
  types?: ReadonlySet<string>;
  /** `@skip`/`@include` of the field and of the fragments around it. */
  conditions: readonly DirectiveNode[];
  withheld?: Withheld;
  child?: ReleaseNode;
}

export interface ReleaseNode {
  /** Objects here carry PROBE_KEY (their __typename), to read and delete. */
  probe: boolean;
  entries: ReleaseEntry[];
}

export interface PruneResult {
  /** The operation to execute: the original text when nothing is withheld. */
  query: string;
  changed: boolean;
  /** Where withheld fields sit in the response; undefined when nothing is withheld. */
  release?: ReleaseNode;
  /** Services whose fields remain in the operation. */
  services: readonly number[];
  /** Default values of the operation's variables (for `@skip`/`@include` at release). */
  variableDefaults: Readonly<Record<string, ValueNode>>;
}

/** Alias of the `__typename` the gateway adds where it must know an object's type, or keep a selection non-empty. */
export const PROBE_KEY = '__negiz_typename';
const PROBE: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: PROBE_KEY }, name: { kind: Kind.NAME, value: '__typename' } };

interface Walk {
  schema: GraphQLSchema;
  facts: SupergraphFacts;
  verdicts: Verdicts;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  services: Set<number>;
  changed: boolean;
}

interface Place {
  conditions: readonly DirectiveNode[];
  types: ReadonlySet<string> | undefined;
}

const SKIP_INCLUDE = new Set(['skip', 'include']);
const conditionsOf = (directives: readonly DirectiveNode[] | undefined): DirectiveNode[] => directives?.filter((d) => SKIP_INCLUDE.has(d.name.value)) ?? [];

function possibleTypes(schema: GraphQLSchema, type: GraphQLCompositeType): Set<string> {
  return new Set(isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name]);
}

function intersect(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  return a ? new Set([...b].filter((t) => a.has(t))) : b;
}

/** The verdict on one field: withheld (with its rule) or kept. */
function judge(walk: Walk, coordinate: string): Withheld | undefined {
  const facts = walk.facts.fields.get(coordinate);
  if (!facts || facts.services.length === 0) return undefined;
  for (const service of facts.services) {
    const d = walk.verdicts(service);
    if (d.access === 'denied') {
      return {
        coordinate,
        service,
        code: d.code === 'FORBIDDEN_ARTICLE_FOR_SERVICE' ? d.code : 'FORBIDDEN_SERVICE_FOR_BASIS',
        rule: d.rule,
        message: `Withheld: ${d.reason}`,
      };
    }
    if (d.access === 'truncated' && (facts.truncated || d.withheldFields.includes(coordinate))) {
      return { coordinate, service, code: 'REDACTED', rule: d.rule, message: `Withheld: ${d.reason}` };
    }
  }
  for (const service of facts.services) walk.services.add(service);
  return undefined;
}

/** Prune one selection set; entries for the response object at this place go to `node`. */
function pruneSet(walk: Walk, set: SelectionSetNode, parent: GraphQLCompositeType, place: Place, node: ReleaseNode): SelectionNode[] {
  const out: SelectionNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const responseKey = selection.alias?.value ?? name;
      const conditions = [...place.conditions, ...conditionsOf(selection.directives)];
      if (name.startsWith('__') || !('getFields' in parent)) {
        out.push(selection);
        continue;
      }
      const definition = 'getFields' in parent ? parent.getFields()[name] : undefined;
      const withheld = judge(walk, `${parent.name}.${name}`);
      if (withheld) {
        walk.changed = true;
        node.entries.push({ responseKey, types: place.types, conditions, withheld });
        continue;
      }
      const returned = definition ? getNamedType(definition.type) : undefined;
      if (!selection.selectionSet || !returned || !isCompositeType(returned)) {
        out.push(selection);
        continue;
      }
      const child: ReleaseNode = { probe: false, entries: [] };
      const selections = pruneSet(walk, selection.selectionSet, returned, { conditions: [], types: undefined }, child);
      settle(child, returned);
      if (child.entries.length) node.entries.push({ responseKey, types: place.types, conditions, child });
      // An abstract type's entries are told apart by the object's type, read from the probe.
      if (child.entries.some((e) => e.types)) {
        child.probe = true;
        selections.push(PROBE);
      }
      if (selections.length === 0) {
        child.probe = true;
        selections.push(PROBE);
      }
      out.push({ ...selection, selectionSet: { ...selection.selectionSet, selections } });
      continue;
    }
    // Inline fragments and fragment spreads both become inline fragments on their type condition.
    let typeName: string | undefined;
    let inner: SelectionSetNode;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      typeName = selection.typeCondition?.name.value;
      inner = selection.selectionSet;
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment) throw new Error(`unknown fragment ${selection.name.value}`);
      typeName = fragment.typeCondition.name.value;
      inner = fragment.selectionSet;
    }
    const condition = typeName ? walk.schema.getType(typeName) : parent;
    if (!condition || !isCompositeType(condition)) throw new Error(`unknown type condition ${String(typeName)}`);
    const types = typeName ? intersect(place.types, possibleTypes(walk.schema, condition)) : place.types;
    const selections = pruneSet(walk, inner, condition, { conditions: [...place.conditions, ...conditionsOf(selection.directives)], types }, node);
    if (selections.length === 0) {
      node.probe = true;
      selections.push(PROBE);
    }
    out.push({
      kind: Kind.INLINE_FRAGMENT,
      ...(typeName ? { typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: typeName } } } : {}),
      directives: selection.directives ?? [],
      selectionSet: { kind: Kind.SELECTION_SET, selections },
    });
  }
  return out;
}

/** On an object type every type condition is known statically: keep the entries that apply, unconditionally. */
function settle(node: ReleaseNode, owner: GraphQLCompositeType): void {
  if (!isObjectType(owner)) return;
  node.entries = node.entries.filter((e) => !e.types || e.types.has(owner.name)).map((e) => (e.types ? { ...e, types: undefined } : e));
}

function usedVariables(operation: OperationDefinitionNode): Set<string> {
  const used = new Set<string>();
  visit(operation.selectionSet, { Variable: (v) => void used.add(v.name.value) });
  for (const d of operation.directives ?? []) visit(d, { Variable: (v) => void used.add(v.name.value) });
  return used;
}

export function pruneOperation(
  query: string,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  facts: SupergraphFacts,
  verdicts: Verdicts,
): PruneResult {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`no ${operation.operation} type`);
  const walk: Walk = { schema, facts, verdicts, fragments, services: new Set(), changed: false };
  const release: ReleaseNode = { probe: false, entries: [] };
  const selections = pruneSet(walk, operation.selectionSet, root, { conditions: [], types: undefined }, release);
  settle(release, root);
  const variableDefaults: Record<string, ValueNode> = {};
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) variableDefaults[v.variable.name.value] = v.defaultValue;
  const services = [...walk.services].sort((a, b) => a - b);
  if (!walk.changed) return { query, changed: false, services, variableDefaults };

  if (selections.length === 0) {
    release.probe = true;
    selections.push(PROBE);
  }
  let pruned: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections } };
  // A variable used only by a removed field would make the document invalid ("never used"): drop its definition.
  const used = usedVariables(pruned);
  pruned = { ...pruned, variableDefinitions: (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)) };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [pruned] }), changed: true, release, services, variableDefaults };
}
