/**
 * A seeded generator of hostile requests: bodies (JSON shapes), documents (a small GraphQL grammar over the
 * fixture schema, with aliases, fragments, directives, introspection, internals and garbage) and variables. The
 * same seed gives the same cases, so the counts of the suite are reproducible. Each case says what it sent that
 * must never come back (invalid identifiers) and whether it is introspection only.
 */
/** The suite's seed and number of cases: its counts in docs/reliability.md follow from them. */
export const SEED = 20_260_421;
export const FUZZ_CASES = 3_000;

export interface FuzzCase {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  headers: Record<string, string>;
  /** Invalid identifiers put in the request. */
  echo: string[];
  introspectionOnly: boolean;
}

/** mulberry32: small, fast, and the same on every platform. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID_IINS = ['850301300012', '850301300022'];

export function generator(seed: number) {
  const r = random(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => r() < p;

  function invalidIin(echo: string[]): string {
    const kinds = [
      () => String(100_000_000_000 + int(899_999_999_999)),
      () => '9'.repeat(13 + int(200)),
      () => `85030130001${(int(9) + 3) % 10}`,
      () => `IIN${int(1e6)}x`,
      () => '8503013000١٢',
    ];
    const value = pick(kinds)();
    // A random 12-digit number may happen to be valid: only the clearly invalid ones are checked for echo.
    if (value.length !== 12 || !/^\d+$/.test(value)) echo.push(value);
    return value;
  }

  function iinValue(echo: string[]): string {
    return chance(0.5) ? pick(VALID_IINS) : invalidIin(echo);
  }

  function literal(depth: number, echo: string[]): string {
    if (depth > 3 || chance(0.6)) return pick([`"${iinValue(echo)}"`, '1', '-0.5e3', 'true', 'null', 'ENUM', '""', '"\\u0000"', '$iin']);
    return chance(0.5) ? `[${Array.from({ length: int(3) }, () => literal(depth + 1, echo)).join(', ')}]` : `{ a: ${literal(depth + 1, echo)} }`;
  }

  const PERSON_FIELDS = [
    'lastName',
    'firstName',
    'birthDate',
    'iin',
    '__typename',
    'pensionContributionsTotal',
    'stateEmployeeRecord { position }',
    'counterAudits { auditNumber }',
    'nope',
    'pensionContributions { period amount }',
  ];

  function selection(depth: number, echo: string[], state: { intro: boolean; data: boolean }): string {
    const roll = int(12);
    const alias = chance(0.2) ? `a${int(30)}: ` : '';
    const directive = chance(0.15) ? pick([' @include(if: true)', ' @skip(if: false)', ' @skip(if: $s)', ' @defer', ' @unknown']) : '';
    if (roll === 0) {
      state.intro = true;
      return `${alias}__schema { types { name } }`;
    }
    if (roll === 1) {
      state.intro = true;
      return `${alias}__type(name: "${pick(['Person', 'Query', 'X'])}") { name fields { name } }`;
    }
    if (roll === 2) {
      state.intro = true;
      return `${alias}__typename`;
    }
    if (roll === 3) {
      state.data = true;
      return `${alias}_entities(representations: [{ __typename: "Person", iin: "${iinValue(echo)}" }]) { ... on Person { lastName } }`;
    }
    if (roll === 4) return `${alias}_service { sdl }`;
    if (roll === 5 && depth < 3) {
      state.data = true;
      return `... on Query${directive} { ${selection(depth + 1, echo, state)} }`;
    }
    if (roll === 6) {
      state.data = true;
      return `${alias}vehicle(vin: "${pick(['XTA21099', 'A'.repeat(70), ''])}")${directive} { __typename }`;
    }
    state.data = true;
    const fields = Array.from({ length: 1 + int(3) }, () => pick(PERSON_FIELDS)).join(' ');
    return `${alias}person(iin: ${literal(0, echo)})${directive} { ${fields}${chance(0.2) ? ' ...P' : ''} }`;
  }

  function document(echo: string[]): { text: string; introspectionOnly: boolean } {
    const state = { intro: false, data: false };
    const selections = Array.from({ length: 1 + int(3) }, () => selection(0, echo, state)).join(' ');
    const kind = pick(['query', 'query', 'query', 'mutation', 'subscription', '']);
    const name = chance(0.5) ? ` Q${int(3)}` : '';
    const vars = chance(0.5) ? `(${pick(['$iin: IIN', '$iin: IIN!', '$iin: String', '$s: Boolean = true', '$iin: [IIN]', '$x: Nope'])})` : '';
    let text = kind ? `${kind}${name}${vars} { ${selections} }` : `{ ${selections} }`;
    if (text.includes('...P'))
      text += pick([' fragment P on Person { lastName }', ' fragment P on Person { ...P }', ' fragment P on Query { __typename }', '']);
    if (chance(0.1)) text += ` query Other { __typename }`;
    if (chance(0.05)) text = text.slice(0, int(text.length));
    if (chance(0.03)) text = pick(['', '{', '}}}}', '\u0000', '#', '"""', 'query { person(iin: """x""") { lastName } }', '{ ' + '['.repeat(70) + ' }']);
    return { text, introspectionOnly: state.intro && !state.data };
  }

  function nested(depth: number): unknown {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = chance(0.5) ? [value] : { a: value };
    return value;
  }

  function variables(echo: string[]): unknown {
    return pick<unknown>([
      undefined,
      null,
      {},
      { iin: iinValue(echo) },
      { iin: [iinValue(echo), iinValue(echo)] },
      { iin: 12 },
      { iin: { iin: iinValue(echo) } },
      { s: 'yes' },
      '{"iin":1}',
      [],
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'),
      { iin: pick(VALID_IINS), x: nested(20 + int(30)) },
    ]);
  }

  function extensions(): unknown {
    return pick<unknown>([
      undefined,
      null,
      'basis',
      { basis: null },
      { basis: { type: 'CRIMINAL', number: String(int(1e15)) } },
      {
        basis: {
          type: pick(['CRIMINAL', 'CIVIL', 'ADMIN_COURT', 'NOPE', '']),
          number: pick(['241500031000123', '999', '', 'x'.repeat(100)]),
          instruction: pick([undefined, 'I-1', 'I-'.repeat(40)]),
        },
      },
      { persistedQuery: { version: 1, sha256Hash: pick(['0'.repeat(64), 'z'.repeat(64), 'short']) } },
      { persistedQuery: { version: pick([0, 2, '1']), sha256Hash: 'ab'.repeat(32) } },
      { persistedQuery: null },
    ]);
  }

  function operationName(): unknown {
    return pick([undefined, undefined, null, 'Q0', 'Q1', 'Other', 'Missing', '', 12, ['Q0'], { a: 1 }, '__proto__', 'constructor', 'x'.repeat(2_000)]);
  }

  function operation(echo: string[]): { op: Record<string, unknown>; introspectionOnly: boolean } {
    const doc = document(echo);
    const op: Record<string, unknown> = {};
    if (!chance(0.03)) op['query'] = chance(0.03) ? pick([1, null, [], {}, true]) : doc.text;
    const vars = variables(echo);
    if (vars !== undefined) op['variables'] = vars;
    const ext = extensions();
    if (ext !== undefined) op['extensions'] = ext;
    const name = operationName();
    if (name !== undefined) op['operationName'] = name;
    // The operation the name selects decides: `Other` asks for __typename only.
    const other = name === 'Other' && typeof op['query'] === 'string' && op['query'].endsWith('query Other { __typename }');
    return { op, introspectionOnly: doc.introspectionOnly || other };
  }

  function next(index: number): FuzzCase {
    const echo: string[] = [];
    const roll = int(20);
    const headers: Record<string, string> = {};
    if (chance(0.2)) Object.assign(headers, { 'x-basis-type': pick(['CRIMINAL', 'CIVIL', 'X']), 'x-basis-number': pick(['241500031000123', '1', '']) });
    if (chance(0.05)) headers['x-negiz-client'] = pick(['court-civil', 'graphiql', 'egov', 'nope']);
    let body: string;
    let introspectionOnly = false;
    if (roll === 0) {
      body = pick([
        '',
        'null',
        '[]',
        '[null]',
        '[1,2]',
        '"query"',
        '{',
        '{"query":',
        '{"query":"{ __typename }"}garbage',
        '\u0000',
        '[[[[[[[[[[]]]]]]]]]]',
        '{"query":"{ __typename }","query":"{ person }"}',
      ]);
    } else if (roll === 1) {
      const ops = Array.from({ length: 1 + int(7) }, () => (chance(0.15) ? pick([null, 1, 'x', []]) : operation(echo)));
      introspectionOnly = ops.every((o) => o && typeof o === 'object' && !Array.isArray(o) && (o as { introspectionOnly: boolean }).introspectionOnly);
      body = JSON.stringify(ops.map((o) => (o && typeof o === 'object' && 'op' in o ? o.op : o)));
    } else {
      const one = operation(echo);
      introspectionOnly = one.introspectionOnly;
      body = JSON.stringify(one.op);
    }
    const url = pick(['/graphql', '/graphql', '/graphql', '/GRAPHQL/', '/%67raphql', '/graphql?x=1', '//graphql']);
    if (chance(0.1)) {
      const parsed = (() => {
        try {
          return JSON.parse(body) as Record<string, unknown>;
        } catch {
          return {};
        }
      })();
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}))
        search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      return { name: `case ${index} (GET)`, method: 'GET', url: `${url.split('?')[0]}?${search}`, headers, echo, introspectionOnly };
    }
    const contentType = pick([
      'application/json',
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/graphql-response+json',
      'application/x-www-form-urlencoded',
    ]);
    return { name: `case ${index}`, method: 'POST', url, body, headers: { 'content-type': contentType, ...headers }, echo, introspectionOnly };
  }

  return { next };
}
