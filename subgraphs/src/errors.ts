import { GraphQLError } from 'graphql';

/** Stable codes the subgraphs put in `extensions.code`; clients and the gateway branch on them, never on messages. */
export type SubgraphErrorCode =
  | 'INVALID_IIN'
  | 'INVALID_BIN'
  | 'INVALID_DATE'
  | 'INVALID_DATETIME'
  | 'GATEWAY_CONTEXT_REQUIRED'
  | 'FORBIDDEN_BASIS_FOR_ROLE'
  | 'FORBIDDEN_SERVICE_FOR_BASIS'
  | 'FORBIDDEN_ARTICLE_FOR_SERVICE'
  | 'REDACTED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT';

export function subgraphError(code: SubgraphErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** The messages of input errors: they name the rule, never the value. */
export const INPUT_MESSAGES = {
  INVALID_IIN: 'Invalid IIN: an individual identification number is 12 digits encoding a birth date, century and sex, with a valid check digit',
  INVALID_BIN: 'Invalid BIN: a business identification number is 12 digits encoding the registration month, entity type and unit, with a valid check digit',
  INVALID_DATE: 'Invalid Date: expected an ISO 8601 calendar date (YYYY-MM-DD)',
  INVALID_DATETIME: 'Invalid DateTime: expected an ISO 8601 instant with an offset (2024-05-01T10:00:00+05:00)',
} as const;
export type InputErrorCode = keyof typeof INPUT_MESSAGES;

export function inputError(code: InputErrorCode): GraphQLError {
  return subgraphError(code, INPUT_MESSAGES[code]);
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/**
 * graphql-js prefixes a scalar's message with the offending value (`Variable "$iin" got invalid value "123..."`,
 * `Expected value of type "IIN!", found "123..."`): an identifier in an error message. Put back the scalar's own
 * message, which names the rule and never the value. Works on GraphQLError objects and on their JSON form.
 */
export function redactInputError<E extends ErrorLike>(error: E): E {
  const code = error.extensions?.code as string | undefined;
  if (!code || !(code in INPUT_MESSAGES)) return error;
  const message = INPUT_MESSAGES[code as InputErrorCode];
  if (error instanceof GraphQLError) {
    return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: error.extensions }) as unknown as E;
  }
  return { ...error, message };
}
