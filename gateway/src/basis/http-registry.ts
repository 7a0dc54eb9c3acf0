/**
 * The case registries over HTTP (the operator's integration bus; contract in docs/operations.md):
 * `GET {base}/cases/{type}/{number}`, `GET {base}/instructions/{number}` and `GET {base}/users/{login}/cases`,
 * JSON, 404 when absent. Node's fetch is undici with keep-alive connections; a timeout, and any other answer is
 * "unavailable" so the basis stage fails closed. An instruction status other than OPEN or EXECUTED is read as
 * UNKNOWN, which entitles nobody.
 */
import { z } from 'zod';
import { BASIS_CODES, type BasisCode } from '@negiz/schema';
import { RegistryUnavailableError, type CaseRecord, type CaseRegistry, type InstructionRecord, type InstructionStatus, type UserCases } from './registry.ts';

const caseSchema = z.object({
  type: z.enum(BASIS_CODES),
  number: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  assignees: z.array(z.string()),
  articles: z.array(z.string()).optional(),
});
const instructionStatus = z.string().transform((s): InstructionStatus => (s === 'OPEN' || s === 'EXECUTED' ? s : 'UNKNOWN'));
const instructionSchema = z.object({ number: z.string(), caseNumber: z.string(), addressee: z.string(), status: instructionStatus });
const userCasesSchema = z.object({
  cases: z.array(caseSchema.omit({ assignees: true }).extend({ title: z.string().optional() })),
  instructions: z.array(z.object({ number: z.string(), caseNumber: z.string(), status: instructionStatus })),
});
const NO_CASES: UserCases = { cases: [], instructions: [] };

export interface HttpCaseRegistryOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** Sent as `Authorization` to the registry (the gateway's own credential, never the user's token). */
  authorization?: string;
}

export class HttpCaseRegistry implements CaseRegistry {
  readonly #base: string;
  readonly #timeoutMs: number;
  readonly #authorization: string | undefined;

  constructor(options: HttpCaseRegistryOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 2_000;
    this.#authorization = options.authorization;
  }

  async #get<T>(path: string, schema: z.ZodType<T>): Promise<T | undefined> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        headers: { accept: 'application/json', ...(this.#authorization ? { authorization: this.#authorization } : {}) },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new RegistryUnavailableError(`case registry unreachable (${(error as Error).name})`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RegistryUnavailableError(`case registry answered ${response.status}`);
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new RegistryUnavailableError('case registry answered an unexpected document');
    return parsed.data;
  }

  findCase(type: BasisCode, number: string): Promise<CaseRecord | undefined> {
    return this.#get(`/cases/${type}/${encodeURIComponent(number)}`, caseSchema);
  }

  findInstruction(number: string): Promise<InstructionRecord | undefined> {
    return this.#get(`/instructions/${encodeURIComponent(number)}`, instructionSchema);
  }

  async casesOf(login: string): Promise<UserCases> {
    return (await this.#get(`/users/${encodeURIComponent(login)}/cases`, userCasesSchema)) ?? NO_CASES;
  }

  async close(): Promise<void> {}
}
