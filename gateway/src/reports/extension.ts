/**
 * The Reports API on the gateway's Fastify instance (docs/journal.md#reports): the journal's routes, principals
 * from the gateway's authenticate stage. In development the demo users' grants are registered in the journal as
 * the operator would (with the letter's reference), so supervisor.police and internal.security can read.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoUser } from '@negiz/mocks';
import type { FlagOptions } from '../journal/flags.ts';
import type { JournalService } from '../journal/journal.ts';
import { journalReportsPlugin } from '../journal/routes.ts';
import { reportsPrincipal, type ReportsPrincipalOptions } from './principal.ts';

export { reportsPrincipal } from './principal.ts';
export { worldFlags } from './world-flags.ts';

export interface ReportsExtensionOptions extends ReportsPrincipalOptions {
  journal: JournalService;
  flags?: FlagOptions;
}

export function reportsExtension(options: ReportsExtensionOptions): (app: FastifyInstance) => Promise<void> {
  const principal = reportsPrincipal(options);
  return async (app) => {
    await app.register(journalReportsPlugin, { journal: options.journal, authenticate: principal, ...(options.flags ? { flags: options.flags } : {}) });
  };
}

/** Registers the demo users' journal grants once (development only; production grants come from the operator). */
export async function registerDemoGrants(journal: JournalService, users: readonly DemoUser[]): Promise<void> {
  for (const user of users) {
    for (const grant of user.grants) {
      const kind = typeof grant === 'string' ? grant : grant.kind;
      if (kind !== 'REPORTS' && kind !== 'INTERNAL_SECURITY') continue;
      const active = await journal.store.activeGrant(user.login, kind);
      if (active && active.organisation === user.organisation) continue;
      const letterReference = typeof grant === 'string' ? 'demo grant of the synthetic world' : grant.letter;
      await journal.grant({ login: user.login, organisation: user.organisation, kind, letterReference, grantedBy: 'negiz start (development)' });
    }
  }
}
