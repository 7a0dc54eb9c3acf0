/**
 * The basis a request claims (spec p.1, p.20, p.22): canonically `extensions.basis`, alternatively the headers
 * `x-basis-type`, `x-basis-number`, `x-basis-instruction` (GraphiQL and simple clients). Checked for form here;
 * the registries decide whether it is real.
 */
import { z } from 'zod';
import { BASIS_CODES, policy, Refusal, type BasisCode, type Policy } from '@negiz/schema';

export interface BasisClaim {
  type: BasisCode;
  number: string;
  /** Outgoing number of an investigator's or prosecutor's instruction (p.22). */
  instruction?: string;
  /** Free-text justification, when asked for. */
  reason?: string;
}

const claimSchema = z.object({
  type: z.string().min(1),
  number: z.string().min(1).max(64),
  instruction: z.string().min(1).max(64).optional(),
  reason: z.string().max(2000).optional(),
});

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

// Compiled once per pattern (bases.yaml), not per request.
const numberPatterns = new Map<string, RegExp>();
function numberPattern(source: string): RegExp {
  let compiled = numberPatterns.get(source);
  if (!compiled) numberPatterns.set(source, (compiled = new RegExp(source)));
  return compiled;
}

const invalid = (why: string): Refusal => new Refusal('BASIS_INVALID', `The legal basis is malformed (order No. 21 p.1, p.20; bases.yaml): ${why}`);

/** The claimed basis of one operation, or undefined when none is sent. Throws BASIS_INVALID on a malformed one. */
export function readBasisClaim(
  extensions: Record<string, unknown> | undefined,
  headers: Record<string, string | string[] | undefined>,
  p: Policy = policy(),
): BasisClaim | undefined {
  let raw: unknown = extensions?.basis;
  if (raw === undefined || raw === null) {
    const type = header(headers, 'x-basis-type');
    const number = header(headers, 'x-basis-number');
    const instruction = header(headers, 'x-basis-instruction');
    if (!type && !number && !instruction) return undefined;
    raw = { type, number, ...(instruction ? { instruction } : {}) };
  }
  const parsed = claimSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`"${issue.path.join('.') || 'basis'}" ${issue.message.toLowerCase()}; send {type, number, instruction?}`);
  }
  const { type, number, instruction, reason } = parsed.data;
  if (!(BASIS_CODES as readonly string[]).includes(type)) throw invalid(`type must be one of ${BASIS_CODES.join(', ')}`);
  const basis = p.basis(type as BasisCode);
  if (!numberPattern(basis.number.pattern).test(number)) {
    throw invalid(`a ${type} number is ${basis.number.description}, e.g. ${basis.number.example}`);
  }
  if (instruction !== undefined && basis.instruction !== 'allowed') throw invalid(`an instruction (p.22) goes only with a criminal case, not with ${type}`);
  return { type: type as BasisCode, number, ...(instruction ? { instruction } : {}), ...(reason ? { reason } : {}) };
}
