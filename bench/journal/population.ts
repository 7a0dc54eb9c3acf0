/** Synthetic journal entries for benchmarks: 50 organisations, 2,000 users, 1,000,000 subjects, a year. */
import type { JournalEntryInput } from '@negiz/journal';

const ORGANISATIONS = Array.from({ length: 50 }, (_, i) => `ORG-${String(i).padStart(2, '0')}`);
const SERVICES = ['s01-persons', 's11-pensions', 's32-civil-status', 's40-tax', 's50-vehicles', 's65-civil-servants'];
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 24 * 3600_000;

/** A cheap deterministic generator (xorshift) so two runs fill the same journal. */
export function generator(seed = 1): (i: number) => JournalEntryInput {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return (i) => {
    const user = Math.floor(next() * 2000);
    const subject = Math.floor(next() * 1_000_000);
    return {
      requestId: `bench-${i}`,
      receivedAt: new Date(YEAR_START + Math.floor((i / 5_000_000) * YEAR_MS) + Math.floor(next() * 60_000)),
      user: { login: `user${user}`, role: 3, organisation: ORGANISATIONS[user % ORGANISATIONS.length]! },
      client: { kind: 'PORTAL', id: 'portal-1' },
      basis: { type: 'CRIMINAL', number: `2615000310${String(user * 7 + (i % 5)).padStart(5, '0')}`, verification: 'VERIFIED' },
      operation: { name: 'Person', documentHash: 'ab'.repeat(32), kind: 'query' },
      subjects: [{ kind: 'IIN', value: subjectIin(subject) }],
      servicesCalled: [SERVICES[i % SERVICES.length]!],
      withheld: [],
      outcome: next() < 0.05 ? 'REFUSED' : 'RELEASED',
      recordCounts: { [SERVICES[i % SERVICES.length]!]: 1 },
      durationMs: 5 + Math.floor(next() * 50),
      caseNumber: `2615000310${String(user * 7 + (i % 5)).padStart(5, '0')}`,
    };
  };
}

export const subjectIin = (n: number): string => `90${String(n).padStart(10, '0')}`;
export { ORGANISATIONS };
