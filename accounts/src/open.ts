/**
 * Opening the register: PostgreSQL at a URL, else embedded PGlite in a directory (or in memory), migrated, with
 * the agreement in force and, when Redis is configured, the announcement of every change to the replicas.
 */
import { pgliteClient, postgresClient, type SqlClient } from '@negiz/journal/sql-client.ts';
import { loadAgreement, type Agreement } from './agreement.ts';
import { HrFeed } from './hr-feed.ts';
import { redisAccountPublisher, type AccountChanges } from './invalidation.ts';
import { migrateAccounts } from './migrate.ts';
import { AccountRegister, type AccountJournal } from './register.ts';

export interface AccountsConfig {
  /** postgres://...; absent: embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent or 'memory': in memory. */
  dataDir?: string;
  /** redis://...: announce changes to the replicas. */
  redisUrl?: string;
}

export interface Accounts {
  register: AccountRegister;
  hr: HrFeed;
  close(): Promise<void>;
}

export async function openAccounts(
  config: AccountsConfig,
  deps: {
    journal: AccountJournal;
    agreement?: Agreement;
    now?: () => Date;
    db?: SqlClient;
    changes?: AccountChanges;
    /** Told of every committed change in this process (its own cache), besides the announcement to the others. */
    onChange?: (login: string) => void;
  },
): Promise<Accounts> {
  const db =
    deps.db ??
    (config.url
      ? postgresClient({ url: config.url, max: 4 })
      : await pgliteClient({ dataDir: !config.dataDir || config.dataDir === 'memory' ? undefined : config.dataDir }));
  try {
    await migrateAccounts(db);
  } catch (error) {
    if (!deps.db) await db.close();
    throw new Error(`accounts: cannot open the account register (${(error as Error).message})`);
  }
  const changes = deps.changes ?? (config.redisUrl ? redisAccountPublisher(config.redisUrl) : undefined);
  const register = new AccountRegister(db, {
    journal: deps.journal,
    agreement: deps.agreement ?? loadAgreement(),
    ...(deps.now ? { now: deps.now } : {}),
    onChange: async (login: string) => {
      deps.onChange?.(login);
      await changes?.publish(login);
    },
  });
  return {
    register,
    hr: new HrFeed(register, deps.journal),
    async close() {
      await changes?.close();
      if (!deps.db) await db.close();
    },
  };
}

/** From the environment: NEGIZ_ACCOUNTS_URL, else NEGIZ_ACCOUNTS_DIR (default <NEGIZ_HOME>/accounts); NEGIZ_REDIS_URL. */
export function accountsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AccountsConfig {
  const home = env.NEGIZ_HOME ?? '.negiz';
  return {
    ...(env.NEGIZ_ACCOUNTS_URL ? { url: env.NEGIZ_ACCOUNTS_URL } : { dataDir: env.NEGIZ_ACCOUNTS_DIR ?? `${home}/accounts` }),
    ...(env.NEGIZ_REDIS_URL ? { redisUrl: env.NEGIZ_REDIS_URL } : {}),
  };
}
