/**
 * The supervisors' console (docs/console.md): a route beside the door, registered through buildGatewayServer's
 * `routes` like GraphiQL.
 */
import type { FastifyInstance } from 'fastify';
import { reportsPrincipal, type ReportsPrincipalOptions } from '../reports/principal.ts';
import { consolePlugin, type ConsolePluginOptions } from './plugin.ts';

export { ensureConsoleBundle, consoleBundleIsCurrent } from './bundle.ts';
export { consolePlugin, CONSOLE_DIST, type ConsolePluginOptions } from './plugin.ts';

export function consoleRoutes(options: ReportsPrincipalOptions & Pick<ConsolePluginOptions, 'devLogin' | 'distDir'>): (app: FastifyInstance) => Promise<void> {
  const principal = reportsPrincipal(options);
  return async (app) => {
    await app.register(consolePlugin, {
      principal,
      ...(options.devLogin ? { devLogin: options.devLogin } : {}),
      ...(options.distDir ? { distDir: options.distDir } : {}),
    });
  };
}
