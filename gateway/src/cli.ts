/**
 * `negiz start` (the whole product on embedded defaults in development), `negiz token --user <login>` (a
 * development token for a demo user), `negiz cluster` (the production shape on loopback, several processes) and
 * `negiz deploy check` (the Kubernetes manifests' and the Dockerfile's properties).
 * Registered in cli/src/main.ts.
 */
import { fileURLToPath } from 'node:url';
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

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new InvalidArgumentError('a count is an integer 1-16');
  return n;
}

function milliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 60_000) throw new InvalidArgumentError('a cache age is 0-60000 ms');
  return n;
}

export function registerGatewayCommands(program: Command): void {
  program
    .command('cluster')
    .description('start, on loopback, subgraph hosts over HTTP, the registries over HTTP and gateway replicas sharing PostgreSQL and Redis')
    .option('--gateways <n>', 'gateway processes', count, 2)
    .option('--subgraph-hosts <n>', 'subgraph-host processes sharing the 93 services', count, 3)
    .option('--postgres <url>', 'a database on the server where the cluster creates its own (NEGIZ_CLUSTER_PG)')
    .option('--redis <url>', 'Redis of the gateways (NEGIZ_REDIS_URL, default redis://127.0.0.1:6379)')
    .option('--basis-cache-ms <ms>', "the gateways' basis cache (0: the case registry is asked on every request)", milliseconds)
    .option('--keep-database', 'keep the journal database when stopped')
    .option('--verbose', "show every process's logs")
    .action(
      async (options: {
        gateways: number;
        subgraphHosts: number;
        postgres?: string;
        redis?: string;
        basisCacheMs?: number;
        keepDatabase?: boolean;
        verbose?: boolean;
      }) => {
        const { startCluster } = await import('./development/cluster.ts');
        const cluster = await startCluster({
          gateways: options.gateways,
          subgraphHosts: options.subgraphHosts,
          ...(options.postgres ? { postgresUrl: options.postgres } : {}),
          ...(options.redis ? { redisUrl: options.redis } : {}),
          ...(options.basisCacheMs !== undefined ? { basisCacheMs: options.basisCacheMs } : {}),
          keepDatabase: options.keepDatabase ?? false,
          inheritOutput: options.verbose ?? false,
        });
        const stop = () => void cluster.close().finally(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        for (const url of cluster.gateways) console.error(`negiz: gateway at ${url}`);
        for (const host of cluster.subgraphHosts) console.error(`negiz: subgraph host at ${host.url} (${host.services.length} services)`);
        console.error(`negiz: case registry and user register at ${cluster.registry.url}`);
        console.error(`negiz: journal at ${cluster.journalUrl}${options.keepDatabase ? ' (kept)' : ' (dropped when stopped)'}`);
        console.error(`negiz: get a token with "NEGIZ_HOME=${cluster.home} negiz token --user investigator.police"; Ctrl-C stops every process`);
        await new Promise(() => {});
      },
    );

  program
    .command('deploy')
    .description('the Kubernetes manifests and the Dockerfile')
    .command('check')
    .description('check deploy/ and the Dockerfile: replicas, probes, non-root read-only containers, limits, network policies, every service hosted')
    .option('--dir <path>', 'the manifests', fileURLToPath(new URL('../../deploy/', import.meta.url)))
    .option('--dockerfile <path>', 'the Dockerfile', fileURLToPath(new URL('../../Dockerfile', import.meta.url)))
    .option('--json', 'print JSON')
    .action(async (options: { dir: string; dockerfile: string; json?: boolean }) => {
      const [{ checkDeployment }, { supergraphServices }, { readFileSync }] = await Promise.all([
        import('./deploy.ts'),
        import('./supergraph-services.ts'),
        import('node:fs'),
      ]);
      const findings = checkDeployment(options.dir, options.dockerfile, supergraphServices(readFileSync(configFromEnv().supergraphPath, 'utf8')));
      if (options.json) console.log(JSON.stringify({ ok: findings.length === 0, findings }));
      else console.log(findings.length ? findings.map((f) => `- ${f}`).join('\n') : `deployment checked: ${options.dir} and ${options.dockerfile}`);
      if (findings.length) process.exitCode = 1;
    });

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
      // Drain the requests in flight, close the journal (last checkpoint signed), then exit.
      const stop = () =>
        void gateway.shutdown().then(
          () => process.exit(0),
          () => process.exit(1),
        );
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
