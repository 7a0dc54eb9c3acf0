/**
 * The shape limits of one operation: depth, aliases and cost measured by GraphQL Armor's rules, and the number of
 * fields selected. Armor's rules run here (not as Apollo validation rules) so each refusal keeps its own code
 * instead of Apollo's generic GRAPHQL_VALIDATION_FAILED.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, type SelectionSetNode, type ValidationRule } from 'graphql';
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

/** Fields selected by a selection set, fragments expanded (each spread counted where it is used). */
export function countFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      count += 1 + (selection.selectionSet ? countFields(selection.selectionSet, fragments, seen) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countFields(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) count += countFields(fragment.selectionSet, fragments, new Set([...seen, name]));
    }
  }
  return count;
}

export type ShapeLimits = Pick<LimitsOptions, 'maxDepth' | 'maxAliases' | 'maxCost' | 'maxFields'>;

/**
 * The shape limits as validation rules, to run in the same pass as the specification's rules, and the verdict
 * afterwards (the first violation, fields counted last).
 */
export function shapeRules(limits: ShapeLimits): { rules: ValidationRule[]; measure: ShapeMeasure; violations: ShapeViolation[]; violation(document: DocumentNode): ShapeViolation | undefined } {
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
      const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) measure.fields = Math.max(measure.fields, countFields(definition.selectionSet, fragments));
      }
      if (measure.fields > limits.maxFields) {
        violations.push({ code: 'QUERY_TOO_COSTLY', message: `Query selects ${measure.fields} fields, more than ${limits.maxFields} (limit of the gateway, docs/clients.md#limits)` });
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
