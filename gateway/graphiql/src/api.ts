/** The gateway's endpoints the page talks to; all on this origin (no other host is reachable, spec Appendix 4). */
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';

export const BASE = '/graphiql';

export interface Config {
  graphqlPath: string;
  devLogin: boolean;
  bases: Array<{ code: string; name: string; numberExample: string; instruction: 'allowed' | 'forbidden' }>;
}
export interface DemoUser {
  login: string;
  role: number;
  roleName: string;
  organisation: string;
  name?: string;
}
export interface UserCase {
  type: string;
  number: string;
  status: 'OPEN' | 'CLOSED';
  title?: string;
  articles?: string[];
  instructions?: string[];
  subjects?: string[];
}
export interface MyCases {
  user: { login: string; role: number; roleName: string; organisation: string };
  bases: string[];
  cases: UserCase[];
}
export interface Basis {
  type: string;
  number: string;
  instruction?: string;
}
export type FieldServices = Record<string, { services: Array<{ number: number; slug: string; name: string }>; truncated: boolean }>;

export interface GraphQLErrorJson {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}
export interface GraphQLResultJson {
  data?: unknown;
  errors?: GraphQLErrorJson[];
  extensions?: Record<string, unknown>;
}

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { errors?: GraphQLErrorJson[] };
  if (!response.ok && body.errors?.length) throw new Error(`${String(body.errors[0]!.extensions?.['code'] ?? response.status)}: ${body.errors[0]!.message}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return body;
}

export const getConfig = async (): Promise<Config> => json(await fetch(`${BASE}/api/config`));
export const getDemoUsers = async (): Promise<DemoUser[]> => json(await fetch(`${BASE}/api/dev/users`));
export const getFieldServices = async (): Promise<FieldServices> => json(await fetch(`${BASE}/api/field-services`));

export async function devLogin(login: string): Promise<string> {
  const body = await json<{ token: string }>(
    await fetch(`${BASE}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login }) }),
  );
  return body.token;
}

export async function getMyCases(token: string): Promise<MyCases> {
  return json(await fetch(`${BASE}/api/cases`, { headers: { authorization: `Bearer ${token}` } }));
}

/** The headers that carry the basis (the gateway also accepts `extensions.basis`). */
export function basisHeaders(basis: Basis | undefined): Record<string, string> {
  if (!basis) return {};
  return {
    'x-basis-type': basis.type,
    'x-basis-number': basis.number,
    ...(basis.instruction ? { 'x-basis-instruction': basis.instruction } : {}),
  };
}

export async function postGraphQL(
  path: string,
  token: string,
  basis: Basis | undefined,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; retryAfter: string | null; result: GraphQLResultJson }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...extraHeaders,
      authorization: `Bearer ${token}`,
      // Tokens of interactive users carry no client claim: the page names its registered client.
      'x-negiz-client': 'negiz-graphiql',
      ...basisHeaders(basis),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let result: GraphQLResultJson;
  try {
    result = JSON.parse(text) as GraphQLResultJson;
  } catch {
    result = { errors: [{ message: `The gateway answered HTTP ${response.status} without a GraphQL body`, extensions: { code: `HTTP_${response.status}` } }] };
  }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), result };
}

export async function introspect(path: string, token: string, basis: Basis | undefined): Promise<IntrospectionQuery> {
  const { result } = await postGraphQL(path, token, basis, { query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' });
  if (!result.data)
    throw new Error(result.errors?.[0] ? `${String(result.errors[0].extensions?.['code'] ?? 'ERROR')}: ${result.errors[0].message}` : 'no schema');
  return result.data as IntrospectionQuery;
}
