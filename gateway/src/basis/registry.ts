/**
 * The case registries the basis is verified against (p.5): the unified register of pre-trial investigations,
 * the courts' case system, the register of administrative offences, the enforcement-proceedings system, the
 * search case register, and the instructions of p.22. Adapters: the mocks (development) and HTTP (production).
 */
import type { BasisCode } from '@negiz/schema';

export interface CaseRecord {
  type: BasisCode;
  number: string;
  status: 'OPEN' | 'CLOSED';
  /** Logins of the users in whose hands the case is (investigator, supervising prosecutor, judge, bailiff...). */
  assignees: readonly string[];
  /** Criminal Code articles of a criminal case, as registered. */
  articles?: readonly string[];
}

export interface InstructionRecord {
  number: string;
  /** The criminal case the instruction belongs to. */
  caseNumber: string;
  /** Login of the user the instruction is addressed to. */
  addressee: string;
  /** An executed instruction no longer justifies requests. */
  status?: 'OPEN' | 'EXECUTED';
}

/** Thrown by an adapter when its registry cannot answer; the gateway fails closed (BASIS_UNVERIFIABLE). */
export class RegistryUnavailableError extends Error {
  override name = 'RegistryUnavailableError';
}

export interface CaseRegistry {
  /** The case, or undefined when the registry has no such case. */
  findCase(type: BasisCode, number: string): Promise<CaseRecord | undefined>;
  findInstruction(number: string): Promise<InstructionRecord | undefined>;
}

/** A registry held in memory (tests, and the shape the mock adapter fills). */
export class MemoryCaseRegistry implements CaseRegistry {
  readonly cases = new Map<string, CaseRecord>();
  readonly instructions = new Map<string, InstructionRecord>();
  constructor(cases: Iterable<CaseRecord> = [], instructions: Iterable<InstructionRecord> = []) {
    for (const c of cases) this.cases.set(`${c.type}:${c.number}`, c);
    for (const i of instructions) this.instructions.set(i.number, i);
  }
  async findCase(type: BasisCode, number: string): Promise<CaseRecord | undefined> {
    return this.cases.get(`${type}:${number}`);
  }
  async findInstruction(number: string): Promise<InstructionRecord | undefined> {
    return this.instructions.get(number);
  }
}
