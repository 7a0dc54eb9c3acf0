import { readFileSync } from 'node:fs';
import { getNamedType, isCompositeType, isEnumType, isObjectType, isScalarType, type GraphQLObjectType } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, type BasisCode } from '@negiz/schema';
import { postgresClient } from '@negiz/journal/sql-client.ts';
import { defaultWorld } from '@negiz/mocks';
import { configFromEnv, DEFAULT_SUPERGRAPH } from '../../src/config.ts';
import { contextKeyPair, shareServices, startCluster, type Cluster } from '../../src/development/cluster.ts';
import { supergraphServices } from '../../src/supergraph-services.ts';
import { amrOf, tokenUser } from '../../src/development/demo-users.ts';
import { readSupergraph, type SupergraphFacts } from '../../src/policy/index.ts';
import { startGateway, type RunningGateway } from '../../src/start.ts';

// From the mocks' default world (npx negiz mocks cases --user investigator.police): two open cases of hers.
const LOGIN = 'investigator.police';
const DOSSIER_CASE = { type: 'CRIMINAL', number: '261889032000022' } as const;
const CLOSING_CASE = { type: 'CRIMINAL', number: '261889031000021' } as const;
const BUDGET = 10;

// The full dossier as bench/gateway/queries.ts builds it: every Person field of a service the basis opens in
// full, scalars two levels deep, entities met inside a record not followed.
const ENTITIES = new Set(['Person', 'LegalEntity', 'Vehicle', 'Weapon']);
function leaves(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const [name, field] of Object.entries(type.getFields())) {
    if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(name);
    else if (ENTITIES.has(named.name)) parts.push(`${name} { __typename }`);
    else if (depth > 0 && isObjectType(named)) {
      const inner = leaves(named, depth - 1);
      if (inner) parts.push(`${name} { ${inner} }`);
    } else if (isCompositeType(named)) parts.push(`${name} { __typename }`);
  }
  return parts.join(' ');
}
function dossierQuery(
  facts: SupergraphFacts,
  iin: string,
  role: number,
  basis: BasisCode,
  articles: readonly string[],
): { query: string; services: Set<string> } {
  const person = facts.apiSchema.getType('Person') as GraphQLObjectType;
  const services = new Set<string>();
  const parts: string[] = [];
  for (const [name, field] of Object.entries(person.getFields())) {
    const owners = facts.fields.get(`Person.${name}`)?.services ?? [];
    if (!owners.length || !owners.every((n) => decide(role, basis, n, { articles: [...articles] }).access === 'full')) continue;
    if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
    for (const n of owners) services.add(String(n));
    const named = getNamedType(field.type);
    if (isObjectType(named)) parts.push(ENTITIES.has(named.name) ? `${name} { __typename }` : `${name} { ${leaves(named, 1) || '__typename'} }`);
    else if (isCompositeType(named)) parts.push(`${name} { __typename }`);
    else parts.push(name);
  }
  return { query: `query Dossier { person(iin: "${iin}") { ${parts.join(' ')} } }`, services };
}

interface Answer {
  status: number;
  body: {
    data?: { person?: Record<string, unknown> | null } | null;
    errors?: Array<{ extensions?: { code?: string } }>;
    extensions?: { journal?: { id: string } };
  };
}

async function post(url: string, token: string, query: string, basis: { type: string; number: string }): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, extensions: { basis: { ...basis, reason: 'the cluster test' } } }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('shares and keys of a cluster', () => {
  it('puts every service of the supergraph on exactly one host, the shares within one service of each other', () => {
    const services = supergraphServices(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'));
    expect(services).toHaveLength(93);
    const shares = shareServices(services, 3);
    expect(shares.map((s) => s.length)).toEqual([31, 31, 31]);
    expect(shares.flat().sort()).toEqual([...services].sort());
    expect(shareServices(['s01-a', 's02-b'], 5)).toEqual([['s01-a'], ['s02-b']]);
    expect(() => shareServices(services, 0)).toThrow(/at least one subgraph host/);
  });

  it('makes a context key pair in the PEM forms the processes read', () => {
    const keys = contextKeyPair();
    expect(keys.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keys.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });
});

describe('two gateway processes over three subgraph-host processes, the registries over HTTP, one PostgreSQL journal', () => {
  let cluster: Cluster;
  let inProcess: RunningGateway;
  let token: string;
  let dossier: { query: string; services: Set<string> };
  const receipts: string[] = [];

  beforeAll(async () => {
    // Basis and account statuses never cached: a change in the registry counts from the next request.
    // A budget of 10 requests a minute per user, counted in the one Redis of both gateways.
    cluster = await startCluster({ gateways: 2, subgraphHosts: 3, basisCacheMs: 0, userStatusCacheMs: 0, gatewayEnv: { NEGIZ_RATE_REQUESTS: String(BUDGET) } });
    const user = tokenUser(LOGIN)!;
    token = await cluster.idp.issue({ login: user.login, role: user.role, organisation: user.organisation, amr: amrOf(user) });
    const found = await cluster.registry.cases.findCase(DOSSIER_CASE.type, DOSSIER_CASE.number);
    dossier = dossierQuery(
      readSupergraph(readFileSync(DEFAULT_SUPERGRAPH, 'utf8')),
      defaultWorld().personAt(0).iin,
      user.role,
      'CRIMINAL',
      found?.articles ?? [],
    );
    // The same product in one process: subgraphs in-process, the mock registries of the same world, the same identity provider.
    inProcess = await startGateway(
      configFromEnv({ NEGIZ_MODE: 'development', NEGIZ_HOME: cluster.home, NEGIZ_JOURNAL: 'memory', NEGIZ_JUSTIFICATION_SHARE: '0' }),
      {
        listen: false,
        logger: pino({ level: 'silent' }),
        routes: async () => undefined,
      },
    );
  }, 120_000);
  afterAll(async () => {
    await inProcess?.close();
    await cluster?.close();
  }, 30_000);

  it('answers the full dossier through each gateway over HTTP subgraphs exactly as in one process', async () => {
    const hosts = new Set(
      cluster.subgraphHosts.flatMap((h, i) => h.services.filter((slug) => dossier.services.has(String(Number(slug.slice(1, 3))))).map(() => i)),
    );
    expect(hosts.size).toBe(3);
    const local = await inProcess.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query: dossier.query, extensions: { basis: { ...DOSSIER_CASE, reason: 'the cluster test' } } }),
    });
    const expected = (local.json() as Answer['body']).data;
    expect(local.statusCode).toBe(200);
    expect(Object.values(expected?.person ?? {}).filter((v) => v !== null).length).toBeGreaterThan(10);
    for (const gateway of cluster.gateways) {
      const answer = await post(gateway, token, dossier.query, DOSSIER_CASE);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(expected);
      receipts.push(answer.body.extensions!.journal!.id);
    }
  }, 60_000);

  it('refuses a case closed in the registry on both gateways from the next request', async () => {
    const small = `query Small { person(iin: "${defaultWorld().personAt(0).iin}") { __typename } }`;
    for (const gateway of cluster.gateways) {
      const answer = await post(gateway, token, small, CLOSING_CASE);
      expect(answer.status).toBe(200);
      receipts.push(answer.body.extensions!.journal!.id);
    }
    cluster.registry.closeCase(CLOSING_CASE.type, CLOSING_CASE.number);
    for (const gateway of cluster.gateways) {
      const answer = await post(gateway, token, small, CLOSING_CASE);
      expect(answer.status).toBe(403);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('CASE_CLOSED');
      if (answer.body.extensions?.journal) receipts.push(answer.body.extensions.journal.id);
    }
  }, 20_000);

  it("answers a user's open cases over the registry contract (GET /users/{login}/cases), the closed one no longer among them", async () => {
    const response = await fetch(`${cluster.registry.url}/users/${LOGIN}/cases`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { cases: Array<{ type: string; number: string; status: string }>; instructions: unknown[] };
    expect(body.cases.map((c) => `${c.type}:${c.number}`).sort()).toEqual(['ADMIN_OFFENCE:261889000024', `${DOSSIER_CASE.type}:${DOSSIER_CASE.number}`]);
    expect(body.cases.every((c) => c.status === 'OPEN')).toBe(true);
  });

  it("counts a user's budget across both gateways (Redis): the request past it is refused on whichever gateway it reaches", async () => {
    // A user of this run only (budgets outlive a run in Redis), on the open case.
    const login = `budget.${process.pid}.${Date.now()}`;
    cluster.registry.users.set({ login, status: 'ACTIVE', role: 3, agreementAccepted: true });
    const open = (await cluster.registry.cases.findCase(DOSSIER_CASE.type, DOSSIER_CASE.number))!;
    cluster.registry.reassignCase(DOSSIER_CASE.type, DOSSIER_CASE.number, [...open.assignees, login]);
    const own = await cluster.idp.issue({ login, role: 3, organisation: 'MVD', amr: ['hwk', 'fpt'] });
    const small = `query Small { person(iin: "${defaultWorld().personAt(0).iin}") { __typename } }`;
    // The budget counts per minute (a fixed window): start well inside one.
    const intoMinute = (Date.now() / 1000) % 60;
    if (intoMinute > 50) await new Promise((resolve) => setTimeout(resolve, (61 - intoMinute) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET; i++) {
      const answer = await post(cluster.gateways[i % 2]!, own, small, DOSSIER_CASE);
      statuses.push(answer.status);
      receipts.push(answer.body.extensions!.journal!.id);
    }
    expect(statuses).toEqual(Array(BUDGET).fill(200));
    for (const gateway of cluster.gateways) {
      const answer = await post(gateway, own, small, DOSSIER_CASE);
      expect(answer.status).toBe(429);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      if (answer.body.extensions?.journal) receipts.push(answer.body.extensions.journal.id);
    }
  }, 40_000);

  it("verifies the journal both gateways wrote as one log, every answer's receipt in it once", async () => {
    const journal = await cluster.openJournal();
    try {
      const report = await journal.verify();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.entries).toBeGreaterThanOrEqual(receipts.length);
      // One sequence: the receipts of both processes are distinct leaves of the same log.
      expect(new Set(receipts).size).toBe(receipts.length);
      expect(receipts.every((id) => Number(id) < report.entries)).toBe(true);
    } finally {
      await journal.close();
    }
  }, 20_000);

  it('stops every process it started and drops its database', async () => {
    for (const gateway of cluster.gateways) expect((await fetch(gateway.replace(/graphql$/, 'readyz'))).status).toBe(200);
    const pids = cluster.processes;
    expect(pids.length).toBe(5);
    expect(pids.every(alive)).toBe(true);
    await cluster.close();
    expect(pids.filter(alive)).toEqual([]);
    const server = postgresClient({ url: 'postgres://postgres@127.0.0.1:5432/postgres', max: 1 });
    try {
      expect((await server.query('select 1 from pg_database where datname = $1', [cluster.database])).rows).toEqual([]);
    } finally {
      await server.close();
    }
  }, 30_000);
});
