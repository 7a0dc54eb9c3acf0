/**
 * A refusal of the clients' stage: a stable `extensions.code`, a message pointing at the rule, the HTTP status
 * that fits, and headers such as Retry-After. Same body shape as the gateway's other refusals.
 */
export class ClientRefusal extends Error {
  override name = 'ClientRefusal';
  readonly code: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;
  constructor(code: string, message: string, options: { status?: number; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {}) {
    super(message);
    this.code = code;
    this.status = options.status ?? 400;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toJSON(): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
    return { errors: [{ message: this.message, extensions: { code: this.code, ...this.extensions } }] };
  }
}
