/**
 * The development system on embedded defaults: the synthetic world (@negiz/mocks) standing in for the user
 * register, the case registries and the operator's grants, and GraphiQL's demo directory. `negiz start` loads
 * this module in development mode only.
 */
import { defaultWorld, demoUsers, type World } from '@negiz/mocks';
import type { JournalService } from '@negiz/journal';
import { grantKind } from './demo-users.ts';

export { demoUserRegistry } from './demo-users.ts';
export { loadDemoAccounts } from './demo-accounts.ts';
export { mockCaseRegistry } from './case-registry.ts';
export { demoCasesOf, demoLogin } from './graphiql.ts';
export { worldFlags } from './world-flags.ts';

export function world(): World {
  return defaultWorld();
}

/** Registers the demo users' journal grants once, with a letter's reference, as the operator would. */
export async function registerDemoGrants(journal: JournalService, world: World): Promise<void> {
  for (const user of demoUsers(world)) {
    for (const grant of user.grants) {
      const kind = grantKind(grant);
      if (kind !== 'REPORTS' && kind !== 'INTERNAL_SECURITY') continue;
      const active = await journal.store.activeGrant(user.login, kind);
      if (active && active.organisation === user.organisation) continue;
      const letterReference = typeof grant === 'string' ? 'demo grant of the synthetic world' : grant.letter;
      await journal.grant({ login: user.login, organisation: user.organisation, kind, letterReference, grantedBy: 'negiz start (development)' });
    }
  }
}
