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

/**
 * Only an OPEN instruction justifies requests. EXECUTED ones no longer do, and neither does UNKNOWN: a status the
 * registry reported that this gateway does not recognise (fail closed).
 */
export type InstructionStatus = 'OPEN' | 'EXECUTED' | 'UNKNOWN';

export interface InstructionRecord {
  number: string;
  /** The criminal case the instruction belongs to. */
  caseNumber: string;
  /** Login of the user the instruction is addressed to. */
  addressee: string;
  status: InstructionStatus;
}

/**
 * What the registries hold in one user's hands right now (what GraphiQL's basis panel offers): the open cases
 * assigned to them and the open instructions addressed to them on open cases (p.5, p.22). Nobody else's logins.
 */
export interface UserCases {
  cases: ReadonlyArray<Pick<CaseRecord, 'type' | 'number' | 'status' | 'articles'> & { title?: string }>;
  instructions: ReadonlyArray<Pick<InstructionRecord, 'number' | 'caseNumber' | 'status'>>;
}

/** Thrown by an adapter when its registry cannot answer; the gateway fails closed (BASIS_UNVERIFIABLE). */
export class RegistryUnavailableError extends Error {
  override name = 'RegistryUnavailableError';
}

export interface CaseRegistry {
  /** The case, or undefined when the registry has no such case. */
  findCase(type: BasisCode, number: string): Promise<CaseRecord | undefined>;
  findInstruction(number: string): Promise<InstructionRecord | undefined>;
  /** The user's open cases and open instructions (empty lists for a login the registries do not know). */
  casesOf(login: string): Promise<UserCases>;
}

/** The user's cases out of whole records: open cases assigned to them, open instructions to them on open cases. */
export function userCasesOf(login: string, cases: Iterable<CaseRecord & { title?: string }>, instructions: Iterable<InstructionRecord>): UserCases {
  const all = [...new Map([...cases].map((c) => [`${c.type}:${c.number}`, c])).values()];
  const openCriminal = new Set(all.filter((c) => c.type === 'CRIMINAL' && c.status === 'OPEN').map((c) => c.number));
  return {
    cases: all
      .filter((c) => c.status === 'OPEN' && c.assignees.includes(login))
      .map((c) => ({
        type: c.type,
        number: c.number,
        status: c.status,
        ...(c.articles ? { articles: c.articles } : {}),
        ...(c.title ? { title: c.title } : {}),
      })),
    instructions: [...instructions]
      .filter((i) => i.addressee === login && i.status === 'OPEN' && openCriminal.has(i.caseNumber))
      .map((i) => ({ number: i.number, caseNumber: i.caseNumber, status: i.status })),
  };
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
  async casesOf(login: string): Promise<UserCases> {
    return userCasesOf(login, this.cases.values(), this.instructions.values());
  }
}
