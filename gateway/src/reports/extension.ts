/**
 * The Reports API on the gateway's Fastify instance (docs/journal.md#reports): the journal's routes, principals
 * from the gateway's authenticate stage. Who may read is the journal's grants, registered by the operator (in
 * development, for the demo users: development/system.ts).
 */
import type { FastifyInstance } from 'fastify';
import { journalReportsPlugin, type FlagOptions, type JournalService } from '@negiz/journal';
import { reportsPrincipal, type ReportsPrincipalOptions } from './principal.ts';

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
