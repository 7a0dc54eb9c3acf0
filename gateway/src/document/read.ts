/**
 * Reading a document, once per text: it parses within a token budget, does not reach for the federation
 * internals or incremental delivery, is valid against the API schema, names one operation that is a query, and
 * fits the shape limits (depth, aliases, cost, fields). What it learns is kept by text, so a request that repeats
 * a text costs one map lookup: parsing and measuring a dossier takes about 40 ms.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { countLookup } from '../cache-lookups.ts';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Refusal } from '@negiz/schema';
import { shapeRules, type ShapeLimits } from '../clients/limits/shape.ts';
import { boundsRefusal, textRefusal } from './bounds.ts';
import { subjectSites, type SubjectSite } from './subjects.ts';

export interface ReadDocument {
  query: string;
  documentHash: string;
  /** The operation's own name, or the one the client selected it by. */
  operationName: string | undefined;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Only `__schema`, `__type`, `__typename`: no data is asked, no basis is needed. */
  introspectionOnly: boolean;
  /** The arguments that may name subjects, resolved against each request's variables. */
  sites: readonly SubjectSite[];
}

/** A document that was read, or the refusal it earned (kept too: a bad text is refused again at no cost). */
type Reading = { document: ReadDocument } | { refusal: Refusal };

export const MAX_TOKENS = 20_000;
const INTERNAL_FIELDS = new Set(['_entities', '_service']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);
const LIMITS_ANCHOR = 'docs/clients.md#limits';

export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

function parseWithin(query: string): DocumentNode | Refusal {
  try {
    return parse(query, { maxTokens: MAX_TOKENS, noLocation: false });
  } catch (error) {
    if (error instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/.test(error.message)) {
      return new Refusal('QUERY_TOO_COSTLY', `Query has more than ${MAX_TOKENS} tokens (limit of the gateway, ${LIMITS_ANCHOR})`);
    }
    return new Refusal('GRAPHQL_PARSE_FAILED', error instanceof GraphQLError ? error.message : 'The query text is not GraphQL');
  }
}

/** What the order forbids whatever the basis: checked before validation, on the raw document. */
function forbiddenIn(document: DocumentNode): Refusal | undefined {
  let refusal: Refusal | undefined;
  visit(document, {
    Field(field) {
      if (INTERNAL_FIELDS.has(field.name.value)) {
        refusal ??= new Refusal(
          'FORBIDDEN_OPERATION',
          'The federation internals (_entities, _service) are not served to clients: query the entry points of the schema',
        );
      } else if (field.alias?.value.startsWith('__negiz')) {
        refusal ??= new Refusal('BAD_REQUEST', 'Aliases beginning with "__negiz" are reserved by the gateway');
      }
    },
    Directive(directive) {
      // Incremental delivery would send parts of the answer before the journal has recorded the request.
      if (directive.name.value === 'defer' || directive.name.value === 'stream') {
        refusal ??= new Refusal(
          'FORBIDDEN_OPERATION',
          'Incremental delivery (@defer, @stream) is not served: the journal records each request before any data leaves (order No. 21 p.5)',
        );
      }
    },
  });
  return refusal;
}

export function readDocument(schema: GraphQLSchema, limits: ShapeLimits, query: string, operationName: string | undefined): Reading {
  // The cheap bounds first, each before the work it protects: the text's nesting before the (recursive) parse,
  // the expansion's size, depth and introspections before validation and Armor's rules walk it.
  const nested = textRefusal(query);
  if (nested) return { refusal: nested };
  const document = parseWithin(query);
  if (document instanceof Refusal) return { refusal: document };
  const bounded = boundsRefusal(document, limits);
  if (bounded) return { refusal: bounded };
  const forbidden = forbiddenIn(document);
  if (forbidden) return { refusal: forbidden };
  const shape = shapeRules(limits);
  const errors = validate(schema, document, [...specifiedRules, ...shape.rules], { maxErrors: 10 });
  if (errors.length > 0) {
    return { refusal: new Refusal('GRAPHQL_VALIDATION_FAILED', errors.map((e) => e.message).join('; ')) };
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    const named = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
    return {
      refusal: new Refusal(
        'OPERATION_RESOLUTION_FAILURE',
        named > 1 && operationName === undefined
          ? 'The document holds several operations: name the one to run in "operationName"'
          : 'No operation of the document has this "operationName"',
      ),
    };
  }
  if (operation.operation !== 'query') {
    return {
      refusal: new Refusal(
        'FORBIDDEN_OPERATION',
        `${operation.operation === 'mutation' ? 'Mutations' : 'Subscriptions'} are not served: every request is a query on a legal basis (order No. 21 p.1)`,
      ),
    };
  }
  const introspectionOnly = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value));
  const violation = shape.violation(document);
  if (violation) return { refusal: new Refusal(violation.code, violation.message) };
  return {
    document: {
      query,
      documentHash: documentHash(query),
      operationName: operation.name?.value ?? operationName,
      document,
      operation,
      introspectionOnly,
      sites: introspectionOnly ? [] : subjectSites(schema, document, operation),
    },
  };
}

/** `readDocument` kept by (operation name, text), bounded in entries and in the text it holds. */
export class DocumentReader {
  readonly #schema: GraphQLSchema;
  readonly #limits: ShapeLimits;
  readonly #read = new LRUCache<string, Reading>({ max: 2_000, maxSize: 20_000_000, sizeCalculation: (_v, key) => key.length + 1 });

  constructor(schema: GraphQLSchema, limits: ShapeLimits) {
    this.#schema = schema;
    this.#limits = limits;
  }

  /** The document read, or throws the refusal it earns. */
  read(query: string, operationName: string | undefined): ReadDocument {
    const key = `${operationName ?? ''}\u0000${query}`;
    let reading = this.#read.get(key);
    countLookup('document', reading !== undefined);
    if (!reading) this.#read.set(key, (reading = readDocument(this.#schema, this.#limits, query, operationName)));
    if ('refusal' in reading) throw reading.refusal;
    return reading.document;
  }
}
