/**
 * The case registry and the user register over HTTP, as docs/operations.md defines them, served from memory:
 * for tests, and for running the gateway against "real" HTTP registries (NEGIZ_CASE_REGISTRY_URL and
 * NEGIZ_USER_REGISTRY_URL both pointing here). The store starts as the synthetic world's cases, instructions and
 * demo users (@negiz/mocks); tests change it through the methods (close a case, reassign it, execute an
 * instruction, block a user), never over HTTP, so the registry's answers change the way a real one's would.
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { BASIS_CODES, type BasisCode } from '@negiz/schema';
import { createRegistries, defaultWorld, type World } from '@negiz/mocks';
import { demoUserRegistry } from './demo-users.ts';
import type { MemoryUserRegistry, UserStatus } from '../authenticate/users.ts';
import { caseOfWorld, instructionOfWorld } from './case-registry.ts';
import { MemoryCaseRegistry, type CaseRecord } from '../basis/registry.ts';

export interface RegistryServerOptions {
  /** Default: the mocks' default world. */
  world?: World;
  /** When set, every request must carry exactly this `Authorization` (what the gateway sends from NEGIZ_REGISTRY_AUTHORIZATION). */
  authorization?: string;
  /** Default 127.0.0.1 and a free port. */
  host?: string;
  port?: number;
}

export interface RegistryServer {
  /** Base URL of both registries, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The store behind the case registry. */
  cases: MemoryCaseRegistry;
  /** The store behind the user register. */
  users: MemoryUserRegistry;
  /** The case is closed from now on. */
  closeCase(type: BasisCode, number: string): void;
  /** The case is in these users' hands from now on (and no longer in anyone else's). */
  reassignCase(type: BasisCode, number: string, assignees: readonly string[]): void;
  /** The instruction is executed from now on. */
  executeInstruction(number: string): void;
  /** The account's status from now on (BLOCKED, SUSPENDED, ...). */
  setUserStatus(login: string, status: UserStatus): void;
  close(): Promise<void>;
}

/** The world's case registries as a memory store the server answers from. */
export function caseStoreOf(world: World): MemoryCaseRegistry {
  const registries = createRegistries(world);
  return new MemoryCaseRegistry(registries.cases.map(caseOfWorld), registries.instructions.map(instructionOfWorld));
}

function authorized(expected: string | undefined, sent: string | undefined): boolean {
  if (expected === undefined) return true;
  if (sent === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

function caseDocument(c: CaseRecord): CaseRecord {
  return { type: c.type, number: c.number, status: c.status, assignees: c.assignees, ...(c.articles ? { articles: c.articles } : {}) };
}

function routes(app: FastifyInstance, cases: MemoryCaseRegistry, users: MemoryUserRegistry, authorization: string | undefined): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!authorized(authorization, request.headers.authorization)) return reply.code(401).send({ error: 'unauthorized' });
  });
  app.get<{ Params: { type: string; number: string } }>('/cases/:type/:number', async (request, reply) => {
    const { type, number } = request.params;
    const found = (BASIS_CODES as readonly string[]).includes(type) ? await cases.findCase(type as BasisCode, number) : undefined;
    return found ? caseDocument(found) : reply.code(404).send({ error: 'no such case' });
  });
  app.get<{ Params: { number: string } }>('/instructions/:number', async (request, reply) => {
    const found = await cases.findInstruction(request.params.number);
    return found ?? reply.code(404).send({ error: 'no such instruction' });
  });
  app.get<{ Params: { login: string } }>('/users/:login', async (request, reply) => {
    const found = users.user(request.params.login);
    return found ?? reply.code(404).send({ error: 'no such user' });
  });
  app.get<{ Params: { login: string } }>('/users/:login/cases', async (request) => cases.casesOf(request.params.login));
}

export async function startRegistryServer(options: RegistryServerOptions = {}): Promise<RegistryServer> {
  const world = options.world ?? defaultWorld();
  const cases = caseStoreOf(world);
  const users = demoUserRegistry(world);
  const app = Fastify({ logger: false });
  routes(app, cases, users, options.authorization);
  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });

  const caseOf = (type: BasisCode, number: string): CaseRecord => {
    const found = cases.cases.get(`${type}:${number}`);
    if (!found) throw new Error(`the registry has no ${type} case ${number}`);
    return found;
  };
  return {
    url,
    cases,
    users,
    closeCase(type, number) {
      cases.cases.set(`${type}:${number}`, { ...caseOf(type, number), status: 'CLOSED' });
    },
    reassignCase(type, number, assignees) {
      cases.cases.set(`${type}:${number}`, { ...caseOf(type, number), assignees: [...assignees] });
    },
    executeInstruction(number) {
      const found = cases.instructions.get(number);
      if (!found) throw new Error(`the registry has no instruction ${number}`);
      cases.instructions.set(number, { ...found, status: 'EXECUTED' });
    },
    setUserStatus(login, status) {
      if (!users.user(login)) throw new Error(`the register has no user ${login}`);
      users.setStatus(login, status);
    },
    close: () => app.close(),
  };
}
