import type { Command } from 'commander';
import { SUPERGRAPH_PATH } from './supergraph-path.ts';

// Each command loads what it needs when it runs: `negiz` starts fast for the other packages' commands.
const compose = () => import('./compose.ts');
const registry = () => import('./registry.ts');

function slugList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be an integer from 0 to 65535, got "${value}"`);
  return n;
}

/** `slug=url` pairs for the HTTP adapter. */
function upstream(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^(s\d{2}-[a-z0-9-]+)=(https?:\/\/.+)$/.exec(value);
  if (!match) throw new Error(`--upstream expects slug=url (e.g. s05-vehicles=http://vehicles.internal/api), got "${value}"`);
  return { ...previous, [match[1]!]: match[2]! };
}

/** The subgraphs' commands: compose, serve-subgraphs, services. */
export function registerSubgraphCommands(program: Command): void {
  program
    .command('compose')
    .description('compose every service into schema/supergraph.graphql (fails listing the composition errors)')
    .option('--out <path>', 'where to write the supergraph', SUPERGRAPH_PATH)
    .option('--check', 'do not write: exit 1 when the file differs from a fresh composition')
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; check?: boolean; json?: boolean }) => {
      const { composeSupergraph, readSupergraph, writeSupergraph } = await compose();
      const services = await (await registry()).loadServices();
      if (options.check) {
        const fresh = composeSupergraph(services);
        const current = await readSupergraph(options.out);
        const summary = { services: services.length, path: options.out, upToDate: current === fresh };
        console.log(
          options.json ? JSON.stringify(summary) : summary.upToDate ? `${summary.path} is up to date` : `${summary.path} is stale: run negiz compose`,
        );
        if (!summary.upToDate) process.exitCode = 1;
        return;
      }
      const sdl = await writeSupergraph(services, options.out);
      const summary = { services: services.length, path: options.out, bytes: Buffer.byteLength(sdl) };
      console.log(options.json ? JSON.stringify(summary) : `composed ${summary.services} services into ${summary.path}`);
    });

  program
    .command('serve-subgraphs')
    .description('serve the subgraphs (all by default), each at /<slug>/graphql, health at /healthz; settings: docs/operations.md')
    .option('--services <slugs>', 'comma-separated slugs to host (e.g. s01-individuals,s05-vehicles)', slugList)
    .option('--port <port>', 'port to listen on (default NEGIZ_PORT, 4001)', port)
    .option('--host <host>', 'address to bind (default NEGIZ_HOST, 127.0.0.1)')
    .option('--upstream <slug=url>', 'read this service from a real upstream over HTTP (repeatable)', upstream)
    .option('--redis <url>', 'cache upstream reads in this Redis (redis://host:6379) instead of in memory (default NEGIZ_REDIS_URL)')
    .option('--json', 'print the listening address as JSON')
    .action(async (options: { services?: string[]; port?: number; host?: string; upstream?: Record<string, string>; redis?: string; json?: boolean }) => {
      const { readSubgraphSettings } = await import('./settings.ts');
      const settings = readSubgraphSettings();
      const [{ createSubgraphHost }, { contextKeys }, { exportSubgraphSpans }, { Redis }] = await Promise.all([
        import('./host.ts'),
        import('./context.ts'),
        import('./tracing.ts'),
        import('ioredis'),
      ]);
      const tracing = settings.NEGIZ_OTLP_URL ? exportSubgraphSpans(settings.NEGIZ_OTLP_URL) : undefined;
      const redisUrl = options.redis ?? settings.NEGIZ_REDIS_URL;
      const cacheKind = options.redis ? 'redis' : (settings.NEGIZ_CACHE ?? (redisUrl ? 'redis' : 'memory'));
      const redis = cacheKind === 'redis' ? new Redis(redisUrl!, { keyPrefix: 'negiz:subgraphs:', maxRetriesPerRequest: 1 }) : undefined;
      const { publicKey } = await contextKeys({
        NEGIZ_CONTEXT_ALG: settings.NEGIZ_CONTEXT_ALG,
        ...(settings.NEGIZ_CONTEXT_PUBLIC_KEY ? { NEGIZ_CONTEXT_PUBLIC_KEY: settings.NEGIZ_CONTEXT_PUBLIC_KEY } : {}),
        ...(settings.NEGIZ_CONTEXT_JWKS_URL ? { NEGIZ_CONTEXT_JWKS_URL: settings.NEGIZ_CONTEXT_JWKS_URL } : {}),
      });
      const host = await createSubgraphHost({
        services: options.services,
        source: options.upstream ? 'http' : 'mock',
        upstreams: options.upstream,
        http: {
          timeoutMs: settings.NEGIZ_UPSTREAM_TIMEOUT_MS,
          retries: settings.NEGIZ_UPSTREAM_RETRIES,
          backoffMs: settings.NEGIZ_UPSTREAM_BACKOFF_MS,
          breaker: {
            errorThresholdPercentage: settings.NEGIZ_BREAKER_ERROR_PERCENT,
            resetTimeoutMs: settings.NEGIZ_BREAKER_RESET_MS,
            volumeThreshold: settings.NEGIZ_BREAKER_VOLUME,
            rollingCountTimeoutMs: settings.NEGIZ_BREAKER_WINDOW_MS,
          },
        },
        cache: cacheKind === 'off' ? { enabled: false } : redis ? { redis } : {},
        publicKey,
        logger: { level: settings.NEGIZ_LOG_LEVEL },
      });
      if (!settings.NEGIZ_CONTEXT_PUBLIC_KEY && !settings.NEGIZ_CONTEXT_JWKS_URL) {
        console.error(
          'negiz: warning: no NEGIZ_CONTEXT_PUBLIC_KEY or NEGIZ_CONTEXT_JWKS_URL: a key pair was generated for this process, so a gateway in another process cannot sign for these subgraphs',
        );
      }
      const address = await host.app.listen({ port: options.port ?? settings.NEGIZ_PORT, host: options.host ?? settings.NEGIZ_HOST });
      const summary = { address, services: [...host.services.values()].map((s) => s.path) };
      console.log(options.json ? JSON.stringify(summary) : `serving ${summary.services.length} subgraphs at ${address}/<slug>/graphql`);
      // The spans still buffered are exported before the process leaves.
      const stop = () => void host.close().then(async () => (redis?.disconnect(), await tracing?.close(), process.exit(0)));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('services')
    .description('the catalogue: number, slug, names, fields, truncated fields, access per basis and an example operation of each service')
    .option('--services <slugs>', 'only these services', slugList)
    .option('--json', 'print as JSON')
    .action(async (options: { services?: string[]; json?: boolean }) => {
      const [{ catalogue }, { defaultMockWorld }] = await Promise.all([import('./catalogue.ts'), import('./source/mock.ts')]);
      const entries = catalogue(await (await registry()).loadServices({ only: options.services }), defaultMockWorld());
      if (options.json) {
        console.log(JSON.stringify(entries, null, 2));
        return;
      }
      for (const e of entries) {
        const access = Object.entries(e.access)
          .map(([b, a]) => `${b}:${a}`)
          .join(' ');
        console.log(`${String(e.number).padStart(2)} ${e.slug.padEnd(34)} ${e.fields.length} fields  ${access}`);
      }
    });
}
