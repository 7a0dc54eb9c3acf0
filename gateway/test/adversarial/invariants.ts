/**
 * What every answer of the gateway must hold, whatever was sent: no 5xx, no stack trace or internal path, no
 * identifier the sender put in that was invalid, no data without a verified basis (introspection aside), and an
 * answer within the time bound. The suite counts, per family, the cases tried and those that held.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));
/** Loopback, in process: a hostile request answered later than this has frozen something. */
export const ANSWER_WITHIN_MS = 2_000;
/** Paths of the tree or of dependencies, source line references, stack frames. */
const INTERNALS = /\/work\/|node_modules|\.[cm]?[jt]s:\d+|\n\s+at |\bat [\w.<>]+ \(/;

export interface Expectation {
  /** Identifiers sent that are invalid: never echoed back. */
  echo?: readonly string[];
  /** Whether a basis the registry entitles was sent (else no data may come back). */
  basisVerified?: boolean;
  /** The document asks for introspection only (data needs no basis). */
  introspectionOnly?: boolean;
  /** The status the case must get, when the family knows it. */
  status?: number | readonly number[];
}

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

function hasData(item: unknown): boolean {
  if (!item || typeof item !== 'object') return false;
  const data = (item as { data?: unknown }).data;
  return !!data && typeof data === 'object' && Object.keys(data).length > 0;
}

/** The invariants this answer breaks (none: it held). */
export function broken(answer: Answer, expect: Expectation = {}): string[] {
  const out: string[] = [];
  if (answer.status >= 500) out.push(`status ${answer.status}`);
  if (expect.status !== undefined && ![expect.status].flat().includes(answer.status)) out.push(`status ${answer.status}, expected ${String(expect.status)}`);
  if (INTERNALS.test(answer.body)) out.push('internals in the body');
  for (const id of expect.echo ?? []) if (id.length >= 4 && answer.body.includes(id)) out.push(`echoed ${id.slice(0, 20)}`);
  if (answer.ms > ANSWER_WITHIN_MS) out.push(`answered in ${Math.round(answer.ms)} ms`);
  if (!expect.basisVerified && !expect.introspectionOnly) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      parsed = undefined;
    }
    if ([parsed].flat().some(hasData)) out.push('data without a verified basis');
  }
  return out;
}

export interface FamilyResult {
  family: string;
  tried: number;
  held: number;
  /** The slowest answer of the family, in ms (measured, not asserted equal). */
  slowestMs: number;
  failures: string[];
}

export class Tally {
  readonly families = new Map<string, FamilyResult>();

  record(family: string, name: string, answer: Answer, expect?: Expectation): void {
    const result = this.families.get(family) ?? { family, tried: 0, held: 0, slowestMs: 0, failures: [] };
    this.families.set(family, result);
    const failures = broken(answer, expect);
    result.tried += 1;
    result.slowestMs = Math.max(result.slowestMs, answer.ms);
    if (failures.length === 0) result.held += 1;
    else if (result.failures.length < 20) result.failures.push(`${name}: ${failures.join(', ')}: ${answer.status} ${answer.body.slice(0, 300)}`);
  }

  get(family: string): FamilyResult {
    return this.families.get(family) ?? { family, tried: 0, held: 0, slowestMs: 0, failures: [] };
  }

  /** results.json, with REGENERATE=1: the table of docs/reliability.md is checked against it. */
  write(extra: Record<string, unknown>): void {
    if (process.env['REGENERATE'] !== '1') return;
    const families = [...this.families.values()].map(({ family, tried, held, slowestMs }) => ({ family, tried, held, slowestMs: Math.round(slowestMs) }));
    writeFileSync(RESULTS_PATH, `${JSON.stringify({ families, ...extra }, null, 2)}\n`);
  }
}
