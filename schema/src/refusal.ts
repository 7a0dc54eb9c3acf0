/**
 * The one error class of every refusal in the system: a registered code (schema/src/codes.ts), the HTTP status
 * the register gives it, and a human message pointing at the rule. Its JSON is what a client sees: never a stack
 * trace, never personal data (spec p.2, p.5, p.18, p.20, p.22).
 */
import { GraphQLError } from 'graphql';
import { allowedStatuses, codeEntry, type Code } from './codes.ts';
import type { RuleRef } from './policy/model.ts';

export interface RefusalOptions {
  /** The cell of an appendix the refusal rests on (sent as `extensions.rule`). */
  rule?: RuleRef;
  /** One of the statuses the register allows for the code; default the register's. */
  status?: number;
  /** Response headers that go with it (e.g. Retry-After). */
  headers?: Record<string, string>;
  /** More members of `extensions` (e.g. `retryAfterSeconds`); never personal data. */
  extensions?: Record<string, unknown>;
}

export interface RefusalJSON {
  message: string;
  extensions: { code: Code; rule?: RuleRef } & Record<string, unknown>;
}

export class Refusal extends Error {
  override name = 'Refusal';
  readonly code: Code;
  readonly status: number;
  readonly rule: RuleRef | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: Code, message?: string, options: RefusalOptions = {}) {
    const entry = codeEntry(code);
    super(message ?? entry.message);
    const allowed = allowedStatuses(code);
    if (options.status !== undefined && !allowed.includes(options.status)) {
      throw new RangeError(`${code} is answered with HTTP ${allowed.join(' or ')}, not ${options.status} (schema/src/codes.ts)`);
    }
    this.code = code;
    this.status = options.status ?? entry.status;
    this.rule = options.rule;
    this.headers = options.headers ?? {};
    // `code` and `rule` are the refusal's own: extensions cannot override them.
    const { code: _code, rule: _rule, ...extensions } = options.extensions ?? {};
    this.extensions = extensions;
  }

  /** The error as it appears in a response (no stack, no cause). */
  toJSON(): RefusalJSON {
    return { message: this.message, extensions: { code: this.code, ...(this.rule ? { rule: this.rule } : {}), ...this.extensions } };
  }

  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, { extensions: this.toJSON().extensions });
  }
}

/** The body of a refused request, with the journal's receipt when the refusal was journaled. */
export function refusalBody<R>(refusal: Refusal, receipt?: R): { errors: RefusalJSON[]; extensions?: { journal: R } } {
  return { errors: [refusal.toJSON()], ...(receipt === undefined ? {} : { extensions: { journal: receipt } }) };
}
