/**
 * The supervisors' console at `/console` (docs/console.md): the esbuild bundle of gateway/console/dist, which
 * reads the Reports API (/reports...) with the user's token, and the little it needs besides: who the user is
 * and which grants they hold (to open the right view), and in development the demo login GraphiQL has.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JournalPrincipal } from '@negiz/journal';
import { Refusal } from '@negiz/schema';
import { replyRefusal } from '../refusal.ts';
import type { DemoUser } from '../clients/graphiql/plugin.ts';

export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

export interface ConsolePluginOptions {
  /** The Reports API's principal: the gateway's authenticate stage and the registry's grants. */
  principal(request: FastifyRequest): Promise<JournalPrincipal>;
  /** Development only: the demo users and the dev identity provider's issuer (as GraphiQL's). */
  devLogin?: {
    users(): readonly DemoUser[] | Promise<readonly DemoUser[]>;
    issue(user: DemoUser): Promise<string>;
  };
  distDir?: string;
}

/** Nothing from another host (spec Appendix 4); charts draw on canvas, so no inline styles beyond React's. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export async function consolePlugin(app: FastifyInstance, options: ConsolePluginOptions): Promise<void> {
  const dist = options.distDir ?? CONSOLE_DIST;

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/console')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    }
    return payload;
  });

  if (existsSync(`${dist}/index.html`)) {
    await app.register(fastifyStatic, { root: dist, prefix: '/console/', index: ['index.html'], redirect: true, cacheControl: false, decorateReply: false });
    app.get('/console', (_request, reply) => reply.redirect('/console/'));
  } else {
    const notBuilt = (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .code(503)
        .type('text/plain')
        .send('The console is not built: run `npm run build -w gateway/console` (the start command does it when the bundle is missing)');
    app.get('/console', notBuilt);
    app.get('/console/', notBuilt);
  }

  app.get('/console/api/config', async () => ({ devLogin: Boolean(options.devLogin) }));

  app.get('/console/api/me', async (request, reply) => {
    try {
      const p = await options.principal(request);
      return { login: p.login, role: p.role, organisation: p.organisation, grants: p.grants ?? [] };
    } catch (error) {
      return replyRefusal(reply, error);
    }
  });

  const devLogin = options.devLogin;
  if (devLogin) {
    app.get('/console/api/dev/users', async () => devLogin.users());
    app.post<{ Body: { login?: unknown } }>('/console/api/dev/login', async (request, reply) => {
      const login = request.body?.login;
      const user = (await devLogin.users()).find((u) => u.login === login);
      if (!user) return replyRefusal(reply, new Refusal('BAD_REQUEST', 'Unknown demo user: pick one of /console/api/dev/users'));
      return { token: await devLogin.issue(user) };
    });
  }
}
