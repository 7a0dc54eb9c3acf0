/**
 * The account register in the gateway (docs/accounts.md): opened beside the journal (PostgreSQL at
 * NEGIZ_ACCOUNTS_URL, embedded under NEGIZ_HOME otherwise), read by the authenticate stage, changed through the
 * admin API, the agreement's acceptance and the HR feed, and announced over Redis so that every replica forgets a
 * changed account at once.
 */
import type { FastifyInstance } from 'fastify';
import { accountRoutes, openAccounts, redisAccountSubscriber, type AccountJournal, type AccountRegister, type Accounts } from '@negiz/accounts';
import type { Journal } from '@negiz/journal';
import { createAuthenticator, registerUserRegistry, type CachedUserRegistry, type TokenVerifier, type UserRegistry } from '../authenticate/index.ts';
import { ConfigError, type GatewayConfig } from '../config.ts';

export interface GatewayAccounts {
  accounts: Accounts;
  /** The authenticate stage's view of the register. */
  users: UserRegistry;
  /** Subscribes the replica's account cache to the register's announcements (when Redis is configured). */
  attach(cache: CachedUserRegistry): Promise<void>;
  /** /admin/users..., /agreement, /agreement/accept, /hr/events. */
  routes(verify: TokenVerifier, cache: CachedUserRegistry): (app: FastifyInstance) => Promise<void>;
  close(): Promise<void>;
}

function isAccountJournal(journal: Journal): journal is Journal & AccountJournal {
  return 'recordAccount' in journal;
}

export async function openGatewayAccounts(
  config: GatewayConfig,
  journal: Journal,
  options: { seed?: (register: AccountRegister) => Promise<void>; now?: () => Date; sweepMs?: number } = {},
): Promise<GatewayAccounts | undefined> {
  const where = config.accounts;
  if (where.kind === 'http') return undefined;
  if (!isAccountJournal(journal)) throw new ConfigError('the account register journals every change: it needs a journal that records account changes');
  let local: CachedUserRegistry | undefined;
  const accounts = await openAccounts(
    {
      ...(where.kind === 'postgres' ? { url: where.url } : where.kind === 'embedded' ? { dataDir: where.dataDir } : {}),
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    },
    // This replica forgets a change it made itself at once, with or without Redis.
    { journal, ...(options.now ? { now: options.now } : {}), onChange: (login) => local?.forget(login) },
  );
  await options.seed?.(accounts.register);
  let subscriber: ReturnType<typeof redisAccountSubscriber> | undefined;
  // Transfers left unapproved lapse visibly (approve-role refuses them in any case); every replica may sweep.
  const sweep = setInterval(() => void accounts.register.expirePendingRoles().catch(() => undefined), options.sweepMs ?? 60_000);
  sweep.unref();
  return {
    accounts,
    users: registerUserRegistry(accounts.register),
    async attach(cache) {
      local = cache;
      if (!config.redisUrl) return;
      subscriber = redisAccountSubscriber(config.redisUrl, (login) => cache.forget(login));
      // Wait briefly for the subscription; without Redis the cache's own age is the bound (docs/accounts.md).
      await Promise.race([subscriber.ready, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
    routes(verify, cache) {
      const authenticate = createAuthenticator(verify, cache);
      const identify = createAuthenticator(verify, cache, { agreementExempt: true });
      return accountRoutes({ register: accounts.register, hr: accounts.hr, authenticate, identify });
    },
    async close() {
      clearInterval(sweep);
      await subscriber?.close();
      await accounts.close();
    },
  };
}
