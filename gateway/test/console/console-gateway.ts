/**
 * The test gateway with the console: the real gateway (harness) on a journal in the machine's PostgreSQL, the
 * Reports API and the console wired as docs/console.md tells, a demo login, and a few requests to report: one on a
 * case that names its subject, one on a case that does not (flagged), one refused.
 */
import { accountRoutes, openAccounts, type Accounts } from '@negiz/accounts';
import { createJournal, type JournalService } from '@negiz/journal';
import type { DemoUser } from '../../src/clients/graphiql/plugin.ts';
import { consoleRoutes } from '../../src/console/index.ts';
import { reportsExtension } from '../../src/reports/extension.ts';
import { createTestDatabase, type TestDatabase } from '../databases.ts';
import { IIN, post, startHarness, type Harness } from '../harness.ts';

export const ORG = 'ДП г. Алматы, Следственное управление';
export const CASES = { named: '241500031000123', unnamed: '241500031000456', foreign: '241500031000789' };
export const USERS: DemoUser[] = [
  { login: 'chief', role: 3, organisation: ORG, name: 'Supervisor (REPORTS)' },
  { login: 'usb', role: 15, organisation: 'КНБ, ССБ', name: 'Internal security' },
  { login: 'inv1', role: 3, organisation: ORG, name: 'Investigator (no grant)' },
  { login: 'operator', role: 20, organisation: 'КПССУ', name: 'Operator (OPERATOR)' },
];

export interface ConsoleGateway {
  h: Harness;
  journal: JournalService;
  accounts: Accounts;
  close(): Promise<void>;
}

export async function consoleGateway(): Promise<ConsoleGateway> {
  const db: TestDatabase = await createTestDatabase();
  const journal = await createJournal({ url: db.url, devKeyPath: 'memory' });
  await journal.grant({ login: 'chief', organisation: ORG, kind: 'REPORTS', letterReference: 'No. 3-12/4587 of 15.09.2026', grantedBy: 'operator' });
  await journal.grant({ login: 'usb', organisation: 'КНБ, ССБ', kind: 'INTERNAL_SECURITY', letterReference: 'No. 7/89', grantedBy: 'operator' });
  const clients = new Map<string, never>();
  // The account register beside it, with the operator and the investigator it manages (docs/accounts.md).
  const accounts = await openAccounts({}, { journal });
  const seed = { actor: { login: 'bootstrap', role: 20, organisation: 'КПССУ' }, client: { kind: 'ADMIN' as const, id: 'seed' }, reason: 'initial accounts' };
  await accounts.register.add({ login: 'operator', fullName: 'Operator', organisation: 'КПССУ', role: 20 }, seed);
  await accounts.register.grant('operator', 'OPERATOR', { ...seed, document: 'No. 1/1' });
  await accounts.register.add({ login: 'inv1', fullName: 'Investigator One', organisation: ORG, role: 3 }, seed);
  const h: Harness = await startHarness({
    users: [
      { login: 'inv1', status: 'ACTIVE', role: 3 },
      { login: 'chief', status: 'ACTIVE', role: 3, grants: ['REPORTS'] },
      { login: 'usb', status: 'ACTIVE', role: 15, grants: ['INTERNAL_SECURITY'] },
      { login: 'operator', status: 'ACTIVE', role: 20, grants: ['OPERATOR'] },
    ],
    journal,
    routes: async (app, facts) => {
      const principal = {
        authenticate: facts.authenticate,
        users: { user: (login: string) => h.users.user(login) },
        clients: { get: (id: string) => clients.get(id) },
      };
      await reportsExtension({
        journal,
        ...principal,
        // Only the second case does not name the subject; every hour is a working hour (no clock in the test).
        flags: {
          caseSubjects: (basis) => (basis.number === CASES.unnamed ? ['900101300123'] : [IIN]),
          workingHours: { start: 0, end: 24, days: [1, 2, 3, 4, 5, 6, 7] },
        },
      })(app);
      await accountRoutes({ register: accounts.register, hr: accounts.hr, authenticate: facts.authenticate, identify: facts.authenticate })(app);
      await consoleRoutes({
        ...principal,
        devLogin: { users: () => USERS, issue: (u) => h.idp.issue({ login: u.login, role: u.role, organisation: u.organisation }) },
      })(app);
    },
  });
  h.cases.cases.set(`CRIMINAL:${CASES.named}`, { type: 'CRIMINAL', number: CASES.named, status: 'OPEN', assignees: ['inv1'] });
  h.cases.cases.set(`CRIMINAL:${CASES.unnamed}`, { type: 'CRIMINAL', number: CASES.unnamed, status: 'OPEN', assignees: ['inv1'] });
  h.cases.cases.set(`CRIMINAL:${CASES.foreign}`, { type: 'CRIMINAL', number: CASES.foreign, status: 'OPEN', assignees: ['someone.else'] });
  const token = await h.idp.issue({ login: 'inv1', role: 3, organisation: ORG });
  for (const number of [CASES.named, CASES.unnamed, CASES.foreign]) {
    await post(
      h,
      { query: `{ person(iin: "${IIN}") { lastName } }`, extensions: { basis: { type: 'CRIMINAL', number } } },
      { authorization: `Bearer ${token}` },
    );
  }
  return {
    h,
    journal,
    accounts,
    close: async () => {
      await h.close();
      await accounts.close();
      await journal.close();
      await db.drop();
    },
  };
}
