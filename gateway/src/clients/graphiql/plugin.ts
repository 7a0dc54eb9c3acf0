/**
 * GraphiQL for analysts, self-hosted at `/graphiql` (spec Appendix 4: the users' computers reach no other host).
 * Serves the esbuild bundle of gateway/graphiql/dist and the small API its panels use: the user's own cases for
 * the basis panel, the field -> service map for the documentation, and (development only) a demo login.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BASIS_CODES, policy as shippedPolicy, Refusal, roleMayUse, type BasisCode, type Policy } from '@negiz/schema';
import { replyRefusal } from '../../refusal.ts';
import type { FieldServiceMap } from './field-services.ts';

export const GRAPHIQL_DIST = fileURLToPath(new URL('../../../graphiql/dist/', import.meta.url));

/** Who is logged in, as the gateway's authenticate stage proves it. */
export interface GraphiqlIdentity {
  login: string;
  role: number;
  organisation: string;
}

/** A case in the user's hands, as the registries hold it (the basis panel offers these). */
export interface UserCase {
  type: BasisCode;
  number: string;
  status: 'OPEN' | 'CLOSED';
  /** A short description for the picker (no personal data). */
  title?: string;
  articles?: readonly string[];
  /** Outgoing numbers of instructions addressed to the user on this case (p.22). */
  instructions?: readonly string[];
  /** The case's subjects ("IIN ...", "BIN ..."), shown to the user whose case it is. */
  subjects?: readonly string[];
}

export interface DemoUser {
  login: string;
  role: number;
  organisation: string;
  /** Display name of the demo account. */
  name?: string;
}

export interface GraphiqlPluginOptions {
  /** Verifies `Authorization: Bearer ...` (the gateway's Authenticator); throws a refusal with `code`/`status`. */
  authenticate(authorization: string | undefined): Promise<GraphiqlIdentity>;
  /** The user's own cases, from the case registries. */
  casesOf(identity: GraphiqlIdentity): Promise<readonly UserCase[]>;
  /** Field -> service attribution (from the supergraph). */
  fieldServices(): FieldServiceMap | Promise<FieldServiceMap>;
  /** Development only: demo users and the dev identity provider's token issuer. Absent in production. */
  devLogin?: {
    users(): readonly DemoUser[] | Promise<readonly DemoUser[]>;
    issue(user: DemoUser): Promise<string>;
  };
  /** Where the GraphQL endpoint is (default `/graphql`). */
  graphqlPath?: string;
  /** The bundle's folder (default gateway/graphiql/dist). */
  distDir?: string;
  policy?: Policy;
}

/**
 * Everything the page loads comes from this origin, and the policy stops any script from reaching another host.
 * Monaco's workers are our own files; inline styles are allowed because Monaco sets them.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export async function graphiqlPlugin(app: FastifyInstance, options: GraphiqlPluginOptions): Promise<void> {
  const p = options.policy ?? shippedPolicy();
  const dist = options.distDir ?? GRAPHIQL_DIST;
  const built = existsSync(`${dist}/index.html`);

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/graphiql')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    }
    return payload;
  });

  if (built) {
    await app.register(fastifyStatic, { root: dist, prefix: '/graphiql/', index: ['index.html'], redirect: true, cacheControl: false });
    app.get('/graphiql', (_request, reply) => reply.sendFile('index.html'));
  } else {
    const notBuilt = (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .code(503)
        .type('text/plain')
        .send('GraphiQL is not built: run `npm run build -w gateway/graphiql` (the start command does it when the bundle is missing)');
    app.get('/graphiql', notBuilt);
    app.get('/graphiql/', notBuilt);
  }

  app.get('/graphiql/api/config', async () => ({
    graphqlPath: options.graphqlPath ?? '/graphql',
    devLogin: Boolean(options.devLogin),
    bases: p.bases.map((b) => ({
      code: b.code,
      name: b.name.en,
      numberPattern: b.number.pattern,
      numberExample: b.number.example,
      instruction: b.instruction,
    })),
  }));

  app.get('/graphiql/api/field-services', async () => options.fieldServices());

  app.get('/graphiql/api/cases', async (request, reply) => {
    let identity: GraphiqlIdentity;
    try {
      identity = await options.authenticate(request.headers.authorization);
    } catch (error) {
      return replyRefusal(reply, error);
    }
    const cases = await options.casesOf(identity);
    const role = p.roles.get(identity.role);
    return {
      user: { login: identity.login, role: identity.role, roleName: role?.name.en ?? `role ${identity.role}`, organisation: identity.organisation },
      // The bases this role may use at all (Appendix 1), and the user's cases on them.
      bases: BASIS_CODES.filter((code) => roleMayUse(identity.role, code, p)),
      cases: cases.filter((c) => roleMayUse(identity.role, c.type, p)),
    };
  });

  const devLogin = options.devLogin;
  if (devLogin) {
    app.get('/graphiql/api/dev/users', async () => {
      const users = await devLogin.users();
      return users.map((u) => ({ ...u, roleName: p.roles.get(u.role)?.name.en ?? `role ${u.role}` }));
    });
    app.post<{ Body: { login?: unknown } }>('/graphiql/api/dev/login', async (request, reply) => {
      const login = request.body?.login;
      const user = (await devLogin.users()).find((u) => u.login === login);
      if (!user) return replyRefusal(reply, new Refusal('BAD_REQUEST', 'Unknown demo user: pick one of /graphiql/api/dev/users'));
      return { token: await devLogin.issue(user) };
    });
  }
}
