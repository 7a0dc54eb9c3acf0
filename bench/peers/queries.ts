/**
 * The bench user, the case and the operations, in the development world `negiz start` runs on (demo users, mock
 * case registry: @negiz/mocks), so a Negiz started through the CLI knows them. bench/gateway's BENCH_USER and
 * BENCH_CASE exist only in its own server's MemoryCaseRegistry; here the user is the demo investigator
 * `investigator.police` (role 3, as BENCH_USER) on her open criminal case with a Chapter 8 article, which opens to
 * role 3 exactly the services BENCH_CASE ('245 ч.2') opens: this is checked, and the run stops if not. The
 * operations are bench/gateway's (queries.ts): (a) four services on one person, (b) the dossier of one person over
 * every service the basis opens in full; the person is the world's first, as there.
 */
import { readFileSync } from 'node:fs';
import { createRegistries, defaultWorld, demoUser } from '@negiz/mocks';
import { articlesQualify, decide, policy, type GatewayClaims } from '@negiz/schema';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';
import { readSupergraph } from '@negiz/gateway/policy/index.ts';
import { BENCH_CASE, BENCH_USER, dossierQuery, fourServiceQuery } from '../gateway/queries.ts';

export const LOGIN = 'investigator.police';
export type QueryName = 'a' | 'b';

const world = defaultWorld();
const user = demoUser(world, LOGIN);
if (!user || user.status !== 'ACTIVE' || user.role !== BENCH_USER.role) throw new Error(`the demo user ${LOGIN} is not an active role-${BENCH_USER.role} user`);
const open = createRegistries(world)
  .casesOfUser(LOGIN)
  .find((c) => c.basis === BENCH_CASE.type && c.status === 'OPEN' && articlesQualify(c.articles));
if (!open?.articles) throw new Error(`${LOGIN} has no open ${BENCH_CASE.type} case with a Chapter 8 article in the development world`);
const articles = open.articles;

/** The services Appendix 2 opens in full to this role on this basis, with these articles. */
function opened(caseArticles: readonly string[]): number[] {
  return [...policy().services.keys()].filter((n) => decide(BENCH_USER.role, BENCH_CASE.type, n, { articles: [...caseArticles] }).access === 'full');
}
const services = opened(articles);
if (services.join() !== opened(BENCH_CASE.articles).join()) {
  throw new Error(`${LOGIN}'s case ${open.number} (${articles.join(', ')}) opens other services than bench/gateway's BENCH_CASE`);
}

export const BASIS = { type: open.basis, number: open.number };
export const CASE = { ...BASIS, articles, title: open.title, services: services.length };
export const USER = { login: user.login, role: user.role, organisation: user.organisation };

const facts = readSupergraph(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const iin = world.personAt(0).iin;
export const QUERIES: Record<QueryName, string> = {
  a: fourServiceQuery(facts.apiSchema, facts, iin),
  b: dossierQuery(facts.apiSchema, facts, iin, user.role, open.basis, articles),
};

/**
 * Every gateway gets the same body. Negiz reads the basis (and the reason, asked of a drawn share of interactive
 * requests: the justification challenge stays on, as shipped); the peers ignore both extensions.
 */
export function body(name: QueryName): string {
  return JSON.stringify({ query: QUERIES[name], extensions: { basis: { ...BASIS, reason: 'the peer benchmark' } } });
}

/** What Negiz's stages establish for this request and sign for the subgraphs; the peers send it pre-signed. */
export const CLAIMS: GatewayClaims = { sub: user.login, role: user.role, org: user.organisation, basis: BASIS, articlesQualify: true };
