import { GraphQLError } from 'graphql';
import { CODES, codeEntry, type CodeOfStage } from '@negiz/schema';

/**
 * Stable codes the subgraphs put in `extensions.code`: the register's `subgraph` stage (schema/src/codes.ts).
 * Clients and the gateway branch on them, never on messages.
 */
export type SubgraphErrorCode = CodeOfStage<'subgraph'>;

export function subgraphError(code: SubgraphErrorCode, message: string = codeEntry(code).message, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** The messages of input errors (the register's): they name the rule, never the value. */
export const INPUT_MESSAGES = {
  INVALID_IIN: CODES.INVALID_IIN.message,
  INVALID_BIN: CODES.INVALID_BIN.message,
  INVALID_DATE: CODES.INVALID_DATE.message,
  INVALID_DATETIME: CODES.INVALID_DATETIME.message,
} as const satisfies Partial<Record<SubgraphErrorCode, string>>;
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
