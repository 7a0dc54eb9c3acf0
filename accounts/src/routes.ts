/**
 * The register over HTTP, beside the GraphQL door: the operator's tools (/admin/users..., OPERATOR grant), the
 * user's acceptance of the agreement (/agreement, /agreement/accept) and the HR feed (/hr/events, signed events).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JWK } from 'jose';
import { z } from 'zod';
import { Refusal, refusalBody } from '@negiz/schema';
import { registerHrSystem, type HrFeed } from './hr-feed.ts';
import type { AccountRegister } from './register.ts';
import { GRANT_KINDS, type ChangeContext } from './types.ts';

export interface Caller {
  login: string;
  role: number;
  organisation: string;
}

export interface AccountRoutesOptions {
  register: AccountRegister;
  hr: HrFeed;
  /** The gateway's whole authentication: a verified token of an account that may work (agreement included). */
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  /** The token alone: the acceptance of the agreement is the one request the agreement gate lets through. */
  identify: (authorization: string | undefined) => Promise<Caller>;
}

const reasoned = z.object({ reason: z.string().max(2000).optional(), document: z.string().max(500).optional() });
const newAccount = reasoned.extend({
  login: z.string(),
  fullName: z.string(),
  organisation: z.string(),
  role: z.number().int(),
  phone: z.string().max(32).optional(),
  signingKey: z.record(z.string(), z.unknown()).optional(),
});
const grantBody = reasoned.extend({ kind: z.enum(GRANT_KINDS) });
const hrSystemBody = reasoned.extend({ id: z.string(), organisation: z.string(), publicKey: z.record(z.string(), z.unknown()) });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Refusal('ACCOUNT_CHANGE_INVALID', `The request is not a valid account change: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A compact JWS sent as application/jose (or text/plain), or as JSON {jws}. */
function jwsOf(body: unknown): unknown {
  if (typeof body === 'string') return body.trim();
  if (body && typeof body === 'object' && 'jws' in body) return (body as { jws: unknown }).jws;
  return undefined;
}

export function accountRoutes(options: AccountRoutesOptions): (app: FastifyInstance) => Promise<void> {
  const { register, hr } = options;
  return async (app) => {
    await app.register(async (scope) => {
      scope.addContentTypeParser(['application/jose', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
      scope.setErrorHandler(async (error, _request, reply) => {
        const refusal =
          error instanceof Refusal
            ? error
            : ((error as { statusCode?: number }).statusCode ?? 500) < 500
              ? new Refusal('BAD_REQUEST', 'The request is not well-formed')
              : new Refusal('INTERNAL', 'The account register could not process the request');
        await reply.code(refusal.status).headers(refusal.headers).send(refusalBody(refusal));
      });

      const operator = async (request: FastifyRequest, reason: { reason?: string; document?: string }): Promise<ChangeContext> => {
        const caller = await options.authenticate(request.headers.authorization);
        const context: ChangeContext = {
          actor: { login: caller.login, role: caller.role, organisation: caller.organisation },
          client: { kind: 'ADMIN', id: 'admin-api' },
          reason: reason.reason ?? '',
          ...(reason.document ? { document: reason.document } : {}),
        };
        const standing = await register.standing(caller.login);
        if (!standing?.grants.includes('OPERATOR')) {
          const refusal = new Refusal('OPERATOR_REQUIRED');
          const target = (request.params as { login?: string } | undefined)?.login ?? '-';
          await register.recordRefusal(target, context, `account.admin ${request.method} ${request.routeOptions.url ?? ''}`, refusal);
          throw refusal;
        }
        return context;
      };
      const found = async <T>(value: Promise<T | undefined>): Promise<T> => {
        const v = await value;
        if (v === undefined) throw new Refusal('ACCOUNT_NOT_FOUND');
        return v;
      };
      type LoginParams = { Params: { login: string } };

      scope.get('/admin/users', async (request) => {
        await operator(request, { reason: 'list' });
        return { users: await register.list() };
      });
      scope.get<LoginParams>('/admin/users/:login', async (request) => {
        await operator(request, { reason: 'show' });
        return found(register.account(request.params.login));
      });
      scope.post('/admin/users', async (request, reply: FastifyReply) => {
        const body = parse(newAccount, request.body);
        const context = await operator(request, body);
        const account = await register.add({ ...body, ...(body.signingKey ? { signingKey: body.signingKey as JWK } : {}) }, context);
        return reply.code(201).send(account);
      });
      scope.post<LoginParams>('/admin/users/:login/block', async (request) => {
        const body = parse(reasoned, request.body);
        return register.block(request.params.login, await operator(request, body));
      });
      scope.post<LoginParams>('/admin/users/:login/unblock', async (request) => {
        const body = parse(reasoned, request.body);
        return register.unblock(request.params.login, await operator(request, body));
      });
      scope.post<LoginParams>('/admin/users/:login/approve-role', async (request) => {
        const body = parse(reasoned, request.body);
        return register.approveRole(request.params.login, await operator(request, body));
      });
      scope.post<LoginParams>('/admin/users/:login/grants', async (request) => {
        const body = parse(grantBody, request.body);
        return register.grant(request.params.login, body.kind, await operator(request, body));
      });
      scope.post<LoginParams>('/admin/users/:login/grants/revoke', async (request) => {
        const body = parse(grantBody, request.body);
        return register.revokeGrant(request.params.login, body.kind, await operator(request, body));
      });
      scope.post('/admin/hr-systems', async (request, reply: FastifyReply) => {
        const body = parse(hrSystemBody, request.body);
        const context = await operator(request, body);
        if (!context.reason.trim()) throw new Refusal('REASON_REQUIRED');
        await registerHrSystem(register, { id: body.id, organisation: body.organisation, publicKey: body.publicKey as JWK }, context);
        return reply.code(201).send({ id: body.id, organisation: body.organisation });
      });

      scope.get('/agreement', async () => register.agreement);
      scope.post('/agreement/accept', async (request) => {
        const caller = await options.identify(request.headers.authorization);
        const jws = jwsOf(request.body);
        if (typeof jws !== 'string') throw new Refusal('AGREEMENT_SIGNATURE_INVALID');
        const account = await register.acceptAgreement(caller.login, jws, {
          actor: { login: caller.login, role: caller.role, organisation: caller.organisation },
          client: { kind: 'PORTAL', id: 'agreement' },
        });
        return { login: account.login, agreement: account.agreement };
      });

      scope.post('/hr/events', async (request) => hr.receive(jwsOf(request.body)));
    });
  };
}
