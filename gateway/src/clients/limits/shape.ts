/**
 * The shape limits of one operation: depth, aliases and cost measured by GraphQL Armor's rules, and the number of
 * fields selected. Armor's rules run here (not as Apollo validation rules) so each refusal keeps its own code
 * instead of Apollo's generic GRAPHQL_VALIDATION_FAILED.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  Kind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { LimitsOptions } from './options.ts';

export type ShapeCode = 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'QUERY_TOO_COSTLY';
export interface ShapeViolation {
  code: ShapeCode;
  message: string;
}
export interface ShapeMeasure {
  depth?: number;
  aliases?: number;
  cost?: number;
  fields: number;
}

/** What an operation expands to, fragments spread where they are used: measured once per fragment, so linear in the text. */
export interface ExpandedMeasure {
  /** Selection nesting, introspection included. */
  depth: number;
  /** Every selection (fields, `__typename`, spreads, inline fragments) the expansion holds. */
  selections: number;
  /** Fields selected, introspection (`__*`) excluded with everything under it. */
  fields: number;
  aliases: number;
  /** `__schema` and `__type` fields. */
  introspections: number;
  /** Fragments spread within fragments, at most. */
  spreadDepth: number;
}

/** A fragment that spreads itself, directly or not (the expansion is infinite), or fragments spread too many levels within fragments. */
export class ExpansionRefused extends Error {
  readonly reason: 'cycle' | 'chain' | 'repeat';
  constructor(reason: 'cycle' | 'chain' | 'repeat', message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The same response name (or fragment, or inline fragment) in one selection set. */
export const MAX_REPEATS = 32;

const ZERO: ExpandedMeasure = { depth: 0, selections: 0, fields: 0, aliases: 0, introspections: 0, spreadDepth: 0 };

/**
 * The expansion's measure, without expanding: each fragment's measure is computed once and added where it is
 * spread, so a fan-out (A spreads B twice, B spreads C twice, ...) costs its text, not 2^n. Recursion follows the
 * text's nesting (bounded before the parse) and the spread chain (at most `maxSpreadDepth`, else it throws).
 */
export function expansionMeasurer(fragments: Map<string, FragmentDefinitionNode>, maxSpreadDepth = 32): (selectionSet: SelectionSetNode) => ExpandedMeasure {
  const memo = new Map<string, ExpandedMeasure>();
  const open = new Set<string>();
  const fragment = (name: string): ExpandedMeasure => {
    const known = memo.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition) return ZERO;
    if (open.has(name)) throw new ExpansionRefused('cycle', 'A fragment is spread within itself');
    if (open.size >= maxSpreadDepth) throw new ExpansionRefused('chain', `Fragments are spread within fragments more than ${maxSpreadDepth} levels deep`);
    open.add(name);
    const inner = set(definition.selectionSet);
    open.delete(name);
    const measured = { ...inner, spreadDepth: inner.spreadDepth + 1 };
    memo.set(name, measured);
    return measured;
  };
  const set = (node: SelectionSetNode): ExpandedMeasure => {
    const total = { ...ZERO };
    // The specification's overlap check compares every pair of selections under one response name: quadratic.
    const names = new Map<string, number>();
    for (const selection of node.selections) {
      const key =
        selection.kind === Kind.FIELD
          ? (selection.alias ?? selection.name).value
          : selection.kind === Kind.FRAGMENT_SPREAD
            ? `...${selection.name.value}`
            : '... on';
      const seen = (names.get(key) ?? 0) + 1;
      names.set(key, seen);
      if (seen > MAX_REPEATS) throw new ExpansionRefused('repeat', `Query repeats a selection more than ${MAX_REPEATS} times in one selection set`);
      let inner: ExpandedMeasure;
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        inner = selection.selectionSet ? set(selection.selectionSet) : ZERO;
        depth = 1;
        if (selection.alias) total.aliases += 1;
        if (name === '__schema' || name === '__type') total.introspections += 1;
        if (!name.startsWith('__')) total.fields += 1 + inner.fields;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = set(selection.selectionSet);
        total.fields += inner.fields;
      } else {
        inner = fragment(selection.name.value);
        total.fields += inner.fields;
      }
      total.selections += 1 + inner.selections;
      total.aliases += inner.aliases;
      total.introspections += inner.introspections;
      total.depth = Math.max(total.depth, depth + inner.depth);
      total.spreadDepth = Math.max(total.spreadDepth, inner.spreadDepth);
    }
    return total;
  };
  return set;
}

export function measureExpansion(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): ExpandedMeasure {
  return expansionMeasurer(fragments)(selectionSet);
}

/** Fields selected by a selection set, fragments expanded (each spread counted where it is used). */
export function countFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  return measureExpansion(selectionSet, fragments).fields;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
}

export type ShapeLimits = Pick<LimitsOptions, 'maxDepth' | 'maxAliases' | 'maxCost' | 'maxFields'>;

/**
 * The shape limits as validation rules, to run in the same pass as the specification's rules, and the verdict
 * afterwards (the first violation, fields counted last).
 */
export function shapeRules(limits: ShapeLimits): {
  rules: ValidationRule[];
  measure: ShapeMeasure;
  violations: ShapeViolation[];
  violation(document: DocumentNode): ShapeViolation | undefined;
} {
  const violations: ShapeViolation[] = [];
  const measure: ShapeMeasure = { fields: 0 };
  const rejected = (code: ShapeCode, message: string) => [(_: unknown, _error: GraphQLError) => violations.push({ code, message })];
  const accepted = (key: 'depth' | 'aliases' | 'cost') => [(_: unknown, details: { n?: number }) => (measure[key] = details.n)];
  const rules = [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onAccept: accepted('depth'),
      onReject: rejected('QUERY_TOO_DEEP', `Query nests deeper than ${limits.maxDepth} levels (limit of the gateway, docs/clients.md#limits)`),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onAccept: accepted('aliases'),
      onReject: rejected('TOO_MANY_ALIASES', `Query uses more than ${limits.maxAliases} aliases (limit of the gateway, docs/clients.md#limits)`),
    }),
    costLimitRule({
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onAccept: accepted('cost'),
      onReject: rejected('QUERY_TOO_COSTLY', `Query costs more than ${limits.maxCost} (limit of the gateway, docs/clients.md#limits)`),
    }),
  ] as ValidationRule[];
  const violation = (document: DocumentNode): ShapeViolation | undefined => {
    if (violations.length === 0) {
      const fragments = fragmentsOf(document);
      const measured = expansionMeasurer(fragments);
      try {
        for (const definition of document.definitions) {
          if (definition.kind === Kind.OPERATION_DEFINITION) measure.fields = Math.max(measure.fields, measured(definition.selectionSet).fields);
        }
      } catch (error) {
        if (!(error instanceof ExpansionRefused)) throw error;
        violations.push({ code: error.reason === 'repeat' ? 'QUERY_TOO_COSTLY' : 'QUERY_TOO_DEEP', message: `${error.message} (docs/clients.md#limits)` });
        return violations[0];
      }
      if (measure.fields > limits.maxFields) {
        violations.push({
          code: 'QUERY_TOO_COSTLY',
          message: `Query selects ${measure.fields} fields, more than ${limits.maxFields} (limit of the gateway, docs/clients.md#limits)`,
        });
      }
    }
    return violations[0];
  };
  return { rules, measure, violations, violation };
}

/** Measure an operation against the limits on its own; an empty `violations` means it passes. */
export function checkShape(schema: GraphQLSchema, document: DocumentNode, limits: ShapeLimits): { violations: ShapeViolation[]; measure: ShapeMeasure } {
  const shape = shapeRules(limits);
  validate(schema, document, shape.rules, { maxErrors: 10 });
  shape.violation(document);
  return { violations: shape.violations, measure: shape.measure };
}
