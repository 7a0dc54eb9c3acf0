/**
 * The bounds a document must keep before anything walks it at length: measured on the raw text (nesting, before
 * the recursive parse) and on the parsed document in one linear pass (fragments measured once each, not
 * expanded), so a request's cost to the gateway is bounded by its size, whatever its shape. What passes here is
 * small enough for validation, GraphQL Armor's rules (which expand fragments) and execution.
 */
import { Kind, visit, type DocumentNode } from 'graphql';
import { Refusal } from '@negiz/schema';
import { ExpansionRefused, expansionMeasurer, fragmentsOf, type ShapeLimits } from '../clients/limits/shape.ts';

/** Brackets and braces open at once in the text; far beyond any operation, well within the parser's stack. */
export const MAX_TEXT_NESTING = 64;
/** Selection nesting, introspection included: the standard introspection query nests 15 deep. */
export const MAX_SELECTION_DEPTH = 16;
/** Lists and input objects nested in an argument or default value; no input type of the schema nests so deep. */
export const MAX_VALUE_DEPTH = 16;
/** Fragments spread within fragments. */
export const MAX_SPREAD_DEPTH = 32;
/** `__schema` and `__type` fields per operation, fragments expanded: each can answer megabytes. */
export const MAX_INTROSPECTIONS = 2;
/** Selections of the expansion (fields, `__typename`, spreads) per field the limits allow. */
const SELECTIONS_PER_FIELD = 4;
const ANCHOR = 'limit of the gateway, docs/clients.md#limits';

/** The deepest nesting of `{`, `[` and `(` outside strings and comments, stopping once past `limit`. */
export function textNesting(query: string, limit = MAX_TEXT_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < query.length && query.charCodeAt(i) !== 0x0a && query.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        // A block string ends at the first unescaped """ (\""" is an escaped one).
        let at = end;
        while (at !== -1 && query.charCodeAt(at - 1) === 0x5c) at = query.indexOf('"""', at + 3);
        i = at === -1 ? query.length : at + 2;
      } else {
        for (i++; i < query.length && query.charCodeAt(i) !== 0x22 && query.charCodeAt(i) !== 0x0a; i++) if (query.charCodeAt(i) === 0x5c) i++;
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

export function textRefusal(query: string): Refusal | undefined {
  if (textNesting(query) > MAX_TEXT_NESTING)
    return new Refusal('QUERY_TOO_DEEP', `Query text nests brackets deeper than ${MAX_TEXT_NESTING} levels (${ANCHOR})`);
  return undefined;
}

/** The deepest list or input object literal (graphql's visitor keeps its own stack: no recursion here). */
export function valueDepth(document: DocumentNode): number {
  let depth = 0;
  let deepest = 0;
  const enter = () => void (deepest = Math.max(deepest, ++depth));
  const leave = () => void depth--;
  visit(document, { ListValue: { enter, leave }, ObjectValue: { enter, leave } });
  return deepest;
}

/** The first bound the document breaks, every operation and fragment measured (cycles included), or none. */
export function boundsRefusal(document: DocumentNode, limits: ShapeLimits): Refusal | undefined {
  if (valueDepth(document) > MAX_VALUE_DEPTH)
    return new Refusal('QUERY_TOO_DEEP', `Argument values nest lists or objects deeper than ${MAX_VALUE_DEPTH} levels (${ANCHOR})`);
  const measure = expansionMeasurer(fragmentsOf(document), MAX_SPREAD_DEPTH);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    let m;
    try {
      m = measure(definition.selectionSet);
    } catch (error) {
      if (!(error instanceof ExpansionRefused)) throw error;
      if (error.reason === 'cycle') return new Refusal('GRAPHQL_VALIDATION_FAILED', error.message);
      return new Refusal(error.reason === 'chain' ? 'QUERY_TOO_DEEP' : 'QUERY_TOO_COSTLY', `${error.message} (${ANCHOR})`);
    }
    if (m.depth > Math.max(MAX_SELECTION_DEPTH, limits.maxDepth))
      return new Refusal(
        'QUERY_TOO_DEEP',
        `Query nests selections deeper than ${Math.max(MAX_SELECTION_DEPTH, limits.maxDepth)} levels, introspection included (${ANCHOR})`,
      );
    if (m.introspections > MAX_INTROSPECTIONS) {
      return new Refusal(
        'TOO_MANY_INTROSPECTIONS',
        `Query asks for __schema or __type ${m.introspections > 1e6 ? 'more than a million' : m.introspections} times; at most ${MAX_INTROSPECTIONS} per operation (${ANCHOR})`,
      );
    }
    if (m.aliases > limits.maxAliases) return new Refusal('TOO_MANY_ALIASES', `Query uses more than ${limits.maxAliases} aliases (${ANCHOR})`);
    if (m.fields > limits.maxFields)
      return new Refusal('QUERY_TOO_COSTLY', `Query selects more than ${limits.maxFields} fields, fragments expanded (${ANCHOR})`);
    if (m.selections > limits.maxFields * SELECTIONS_PER_FIELD) {
      return new Refusal(
        'QUERY_TOO_COSTLY',
        `Query expands to more than ${limits.maxFields * SELECTIONS_PER_FIELD} selections, fragments spread where they are used (${ANCHOR})`,
      );
    }
  }
  return undefined;
}
