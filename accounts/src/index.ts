/** @negiz/accounts: the account register, the agreement, the HR feed and the tools over them. */
export { loadAgreement, DEFAULT_AGREEMENT_DIR, type Agreement } from './agreement.ts';
export { HrFeed, HR_EVENT_KINDS, hrEventSchema, registerHrSystem, hrSystems, type HrEvent, type HrResult, type HrSystem } from './hr-feed.ts';
export { ACCOUNTS_CHANNEL, redisAccountPublisher, redisAccountSubscriber, type AccountChanges, type ChangeListener } from './invalidation.ts';
export { migrateAccounts } from './migrate.ts';
export { accountsConfigFromEnv, openAccounts, type Accounts, type AccountsConfig } from './open.ts';
export { AccountRegister, type AccountJournal, type AccountStanding, type NewAccount, type RegisterOptions } from './register.ts';
export { accountRoutes, type AccountRoutesOptions, type Caller } from './routes.ts';
export * from './types.ts';
