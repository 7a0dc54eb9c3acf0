import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { inputError, type InputErrorCode } from './errors.ts';
import { isValidBin, isValidIin } from '@negiz/schema';

/** A string scalar whose values must pass `valid`; the error names the rule and never echoes the value. */
function checkedString(name: string, code: InputErrorCode, valid: (value: string) => boolean): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) throw inputError(code);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    serialize: check,
    parseValue: check,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw inputError(code);
      return check(ast.value);
    },
  });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date that exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
/** An instant with an explicit offset: local time without a zone is ambiguous across Kazakhstan's time zones. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATETIME.exec(value);
  return m !== null && isIsoDate(m[1]!);
}

export const IINScalar = checkedString('IIN', 'INVALID_IIN', isValidIin);
export const BINScalar = checkedString('BIN', 'INVALID_BIN', isValidBin);
export const DateScalar = checkedString('Date', 'INVALID_DATE', isIsoDate);
export const DateTimeScalar = checkedString('DateTime', 'INVALID_DATETIME', isIsoDateTime);

/**
 * Resolver map entries for the prelude's scalars (see SERVICE_PRELUDE): only the functions, because
 * buildSubgraphSchema copies every own property onto the SDL's scalar and would erase its description.
 */
export const PRELUDE_SCALARS = Object.fromEntries(
  [IINScalar, BINScalar, DateScalar, DateTimeScalar].map((s) => [s.name, { serialize: s.serialize, parseValue: s.parseValue, parseLiteral: s.parseLiteral }]),
);
