/**
 * `negiz users ...`: the operator's account tools (docs/accounts.md). They connect like the gateway
 * (NEGIZ_ACCOUNTS_URL and NEGIZ_JOURNAL_URL, else the embedded stores under NEGIZ_HOME: stop the gateway first,
 * PGlite admits one process at a time) and every action, with its reason, is journaled.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { JWK } from 'jose';
import type { JournalActor } from '@negiz/journal';
import { Refusal } from '@negiz/schema';
import type { Accounts } from './open.ts';
import { GRANT_KINDS, type Account, type ChangeContext, type GrantKind } from './types.ts';

interface ActorOptions {
  actor?: string;
  actorOrganisation?: string;
  json?: boolean;
}
interface ChangeOptions extends ActorOptions {
  reason: string;
  document?: string;
}

const role = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 21) throw new InvalidArgumentError('a role is a row of Appendix 1 (1-21)');
  return Number(value);
};
const jwkFile = (path: string): JWK => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch {
    throw new InvalidArgumentError('expected a file holding a public JWK (JSON)');
  }
};

function actorOf(options: ActorOptions): JournalActor {
  return {
    login: options.actor ?? process.env.NEGIZ_ACTOR ?? userInfo().username,
    role: 0,
    organisation: options.actorOrganisation ?? process.env.NEGIZ_ACTOR_ORGANISATION ?? 'OPERATOR',
  };
}

const contextOf = (options: ChangeOptions, command: string): ChangeContext => ({
  actor: actorOf(options),
  client: { kind: 'CLI', id: `negiz users ${command}` },
  reason: options.reason,
  ...(options.document ? { document: options.document } : {}),
});

/** Opens the register and the journal it writes into; a refusal is printed with its code, exit code 1. */
async function withAccounts(fn: (accounts: Accounts) => Promise<void>): Promise<void> {
  const [{ createJournal, journalConfigFromEnv }, { openAccounts, accountsConfigFromEnv }] = await Promise.all([import('@negiz/journal'), import('./open.ts')]);
  const journal = await createJournal(journalConfigFromEnv());
  try {
    const accounts = await openAccounts(accountsConfigFromEnv(), { journal });
    try {
      await fn(accounts);
    } finally {
      await accounts.close();
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(`negiz users: ${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await journal.close();
  }
}

const line = (a: Account): string =>
  [
    a.login.padEnd(28),
    a.effectiveStatus.padEnd(12),
    `role ${a.role ?? '-'}`.padEnd(8),
    a.grants
      .map((g) => g.kind)
      .join(',')
      .padEnd(18),
    a.organisation,
  ].join(' ');

function describeAccount(a: Account): string {
  return [
    `login         ${a.login}`,
    `full name     ${a.fullName}`,
    `organisation  ${a.organisation}`,
    `role          ${a.role ?? 'none'}`,
    `phone         ${a.phone ?? '-'}`,
    `status        ${a.status}${a.effectiveStatus !== a.status ? ` (now ${a.effectiveStatus})` : ''}${a.blockCause ? `, ${a.blockCause}` : ''}`,
    ...(a.pendingRole
      ? [
          `pending role  ${a.pendingRole.role} at ${a.pendingRole.organisation}, since ${a.pendingRole.since}, ${a.pendingRole.expired ? 'EXPIRED' : `expires ${a.pendingRole.expiresAt}`}`,
        ]
      : []),
    ...(a.absence ? [`absence       ${a.absence.from} .. ${a.absence.to}`] : []),
    `agreement     ${a.agreement ? `version ${a.agreement.version}, accepted ${a.agreement.acceptedAt}` : 'not accepted'}`,
    `grants        ${a.grants.length ? a.grants.map((g) => `${g.kind}${g.letterReference ? ` (${g.letterReference})` : ''}`).join(', ') : '-'}`,
    `created       ${a.createdAt}`,
    `changed       ${a.changedAt}`,
  ].join('\n');
}

const print = (json: boolean | undefined, value: unknown, text: () => string): void => {
  console.log(json ? JSON.stringify(value, null, 2) : text());
};

const actorOptions = (command: Command): Command =>
  command
    .option('--json', 'print JSON')
    .addOption(new Option('--actor <login>', 'who runs this (journaled); default $NEGIZ_ACTOR or the OS user'))
    .addOption(new Option('--actor-organisation <org>', 'the actor organisation; default $NEGIZ_ACTOR_ORGANISATION or OPERATOR'));
const changeOptions = (command: Command): Command =>
  actorOptions(command).requiredOption('--reason <text>', 'why (journaled)').option('--document <reference>', 'the document the change rests on (journaled)');

export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('the account register: accounts, grants, HR systems (docs/accounts.md)');

  actorOptions(users.command('list').description('every account with its status now, role and grants')).action(async (o: ActorOptions) => {
    await withAccounts(async ({ register }) => {
      const all = await register.list();
      print(o.json, all, () => all.map(line).join('\n'));
    });
  });

  actorOptions(users.command('show').description('one account').argument('<login>')).action(async (login: string, o: ActorOptions) => {
    await withAccounts(async ({ register }) => {
      const account = await register.account(login);
      if (!account) throw new Refusal('ACCOUNT_NOT_FOUND');
      print(o.json, account, () => describeAccount(account));
    });
  });

  changeOptions(
    users
      .command('add')
      .description('register an account (active; the user then accepts the agreement)')
      .requiredOption('--login <login>')
      .requiredOption('--full-name <name>')
      .requiredOption('--organisation <name>')
      .requiredOption('--role <row>', 'row of Appendix 1', role)
      .option('--phone <number>', 'for SMS codes')
      .option('--key <file>', "the user's public signature key (JWK), to verify their acceptance of the agreement", jwkFile),
  ).action(async (o: ChangeOptions & { login: string; fullName: string; organisation: string; role: number; phone?: string; key?: JWK }) => {
    await withAccounts(async ({ register }) => {
      const account = await register.add(
        {
          login: o.login,
          fullName: o.fullName,
          organisation: o.organisation,
          role: o.role,
          ...(o.phone ? { phone: o.phone } : {}),
          ...(o.key ? { signingKey: o.key } : {}),
        },
        contextOf(o, 'add'),
      );
      print(o.json, account, () => `registered ${account.login}`);
    });
  });

  const simple: Array<[string, string, (accounts: Accounts, login: string, context: ChangeContext) => Promise<Account>]> = [
    ['block', 'block the account (order No. 21 p.14, p.15; Appendix 6)', ({ register }, login, c) => register.block(login, c)],
    ['unblock', 'lift a block, a suspension or an absence', ({ register }, login, c) => register.unblock(login, c)],
    ['approve-role', "approve a transferred user's new role (within 24 hours of the notice)", ({ register }, login, c) => register.approveRole(login, c)],
    ['grant-reports', 'grant Reports on a reasoned letter (p.10): --document is the letter', ({ register }, login, c) => register.grant(login, 'REPORTS', c)],
    [
      'grant-internal-security',
      "grant the internal security's journal lookups (seed 000)",
      ({ register }, login, c) => register.grant(login, 'INTERNAL_SECURITY', c),
    ],
    ['grant-operator', 'grant the account tools (the OPERATOR grant)', ({ register }, login, c) => register.grant(login, 'OPERATOR', c)],
  ];
  for (const [name, description, act] of simple) {
    changeOptions(users.command(name).description(description).argument('<login>')).action(async (login: string, o: ChangeOptions) => {
      await withAccounts(async (accounts) => {
        const account = await act(accounts, login, contextOf(o, name));
        print(o.json, account, () => `${name}: ${line(account)}`);
      });
    });
  }

  changeOptions(
    users
      .command('revoke-grant')
      .description('revoke a grant')
      .argument('<login>')
      .addOption(new Option('--kind <kind>').choices([...GRANT_KINDS]).makeOptionMandatory()),
  ).action(async (login: string, o: ChangeOptions & { kind: GrantKind }) => {
    await withAccounts(async ({ register }) => {
      const account = await register.revokeGrant(login, o.kind, contextOf(o, 'revoke-grant'));
      print(o.json, account, () => `revoked ${o.kind}: ${line(account)}`);
    });
  });

  const hr = users.command('hr-system').description("the bodies' HR systems whose signed notices /hr/events accepts (p.15)");
  changeOptions(
    hr
      .command('add')
      .description('register an HR system and its public key')
      .requiredOption('--id <id>', "the system's id: the kid of its JWS")
      .requiredOption('--organisation <name>', 'the organisation whose staff it speaks for')
      .requiredOption('--key <file>', 'its public JWK', jwkFile),
  ).action(async (o: ChangeOptions & { id: string; organisation: string; key: JWK }) => {
    await withAccounts(async ({ register }) => {
      const { registerHrSystem } = await import('./hr-feed.ts');
      const context = contextOf(o, 'hr-system add');
      if (!context.reason.trim()) throw new Refusal('REASON_REQUIRED');
      await registerHrSystem(register, { id: o.id, organisation: o.organisation, publicKey: o.key }, context);
      print(o.json, { id: o.id, organisation: o.organisation }, () => `registered HR system ${o.id}`);
    });
  });
  actorOptions(hr.command('list').description('the registered HR systems')).action(async (o: ActorOptions) => {
    await withAccounts(async ({ register }) => {
      const { hrSystems } = await import('./hr-feed.ts');
      const systems = await hrSystems(register);
      print(o.json, systems, () => systems.map((s) => `${s.id.padEnd(24)} ${s.organisation}`).join('\n'));
    });
  });
}
