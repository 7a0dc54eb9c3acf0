/**
 * `negiz start` (the whole product on embedded defaults in development) and `negiz token --user <login>`
 * (a development token for a demo user). Registered in cli/src/main.ts.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { configFromEnv } from './config.ts';

// The heavy modules (the gateway, the subgraphs, the synthetic world) load only when a command runs, so that
// every other `negiz` command starts quickly.

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is an integer 0-65535');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 86_400) throw new InvalidArgumentError('a lifetime is 1-86400 seconds');
  return n;
}

export function registerGatewayCommands(program: Command): void {
  program
    .command('start')
    .description('start the gateway on /graphql (development: all subgraphs in-process, dev identity provider, embedded journal)')
    .option('--port <port>', 'port to listen on (NEGIZ_PORT, default 4000)', port)
    .option('--host <host>', 'address to listen on (NEGIZ_HOST, default 127.0.0.1)')
    .option('--journal <kind>', 'embedded | memory | postgres (NEGIZ_JOURNAL)')
    .action(async (options: { port?: number; host?: string; journal?: string }) => {
      const env = { ...process.env };
      if (options.port !== undefined) env.NEGIZ_PORT = String(options.port);
      if (options.host) env.NEGIZ_HOST = options.host;
      if (options.journal) env.NEGIZ_JOURNAL = options.journal;
      const config = configFromEnv(env);
      const { startGateway } = await import('./start.ts');
      const gateway = await startGateway(config);
      const stop = () => void gateway.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (gateway.idp) console.error(`negiz: development mode; get a token with "negiz token --user investigator.police"`);
      console.error(`negiz: gateway at ${gateway.url}`);
      // Keep running until a signal arrives.
      await new Promise(() => {});
    });

  program
    .command('token')
    .description('print a development token for a demo user (development mode only)')
    .requiredOption('--user <login>', 'the demo user, e.g. investigator.police (see "negiz mocks users")')
    .option('--amr <factors>', 'override the authentication methods, comma-separated (RFC 8176: hwk,fpt,face,otp,sms...)')
    .option('--lifetime <seconds>', 'token lifetime in seconds (default 8 hours)', seconds)
    .option('--client <id>', 'the registered client the token is issued to (client_id claim, schema/clients.yaml)')
    .option('--json', 'print JSON')
    .action(async (options: { user: string; amr?: string; lifetime?: number; client?: string; json?: boolean }) => {
      const config = configFromEnv();
      if (config.mode !== 'development') throw new Error('the development identity provider is off outside development mode');
      const [{ amrOf, tokenUser }, { devIdentityProvider }] = await Promise.all([import('./development/demo-users.ts'), import('./authenticate/dev-idp.ts')]);
      const user = tokenUser(options.user);
      if (!user) throw new Error(`no demo user "${options.user}" (see "negiz mocks users")`);
      const clientId = options.client ?? user.clientId;
      const idp = await devIdentityProvider(config.home);
      const amr = options.amr
        ? options.amr
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : amrOf(user);
      const lifetime = options.lifetime ?? 8 * 3600;
      const token = await idp.issue({ login: user.login, role: user.role, organisation: user.organisation, amr, lifetime, ...(clientId ? { clientId } : {}) });
      if (options.json) {
        console.log(
          JSON.stringify({
            token,
            login: user.login,
            role: user.role,
            amr,
            ...(clientId ? { clientId } : {}),
            expiresAt: new Date(Date.now() + lifetime * 1000).toISOString(),
          }),
        );
      } else console.log(token);
    });
}
