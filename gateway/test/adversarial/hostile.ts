/**
 * The hostile requests found against the gateway (each once stalled the event loop or grew the process by a
 * gigabyte), at the size that fits the body limit: the suite, the /healthz test and bench/hostile replay them.
 * `query` is for a schema with `person(iin: IIN!) { lastName }` (the test fixtures and the real supergraph).
 */
export interface HostileRequest {
  name: string;
  body: string;
  /** Within the limits, so served (introspection needs no basis); every other one is refused. */
  served?: true;
}

const IIN = '850301300012';

function fanOut(levels: number, on: string, leaf: string): string {
  let text = '';
  for (let i = 0; i < levels; i++) text += `fragment F${i} on ${on} { ${leaf} ...F${i + 1} ...F${i + 1} }\n`;
  return `${text}fragment F${levels} on ${on} { ${leaf} }`;
}

const introspection =
  'types { name kind fields(includeDeprecated: true) { name args { name type { name ofType { name ofType { name } } } } type { name kind ofType { name kind ofType { name kind ofType { name } } } } } }';
const json = (value: object) => JSON.stringify(value);

export const HOSTILE: readonly HostileRequest[] = [
  { name: 'list literal nested 30,000 deep', body: json({ query: `{ person(iin: ${'['.repeat(30_000)}"x"${']'.repeat(30_000)}) { lastName } }` }) },
  { name: 'object literal nested 60 deep', body: json({ query: `{ person(iin: ${'{a:'.repeat(60)}1${'}'.repeat(60)}) { lastName } }` }) },
  { name: 'fragment fan-out 2^40 on Person', body: json({ query: `{ person(iin: "${IIN}") { ...F0 } }\n${fanOut(40, 'Person', 'lastName')}` }) },
  { name: 'fragment fan-out 2^40 of __typename', body: json({ query: `{ ...F0 }\n${fanOut(40, 'Query', '__typename')}` }) },
  { name: 'fragment fan-out 2^30 of __schema', body: json({ query: `{ ...F0 }\n${fanOut(30, 'Query', `__schema { ${introspection} }`)}` }) },
  {
    name: '400 aliased __schema introspections',
    body: json({ query: `{ ${Array.from({ length: 400 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }` }),
  },
  {
    name: '300 unaliased __schema introspections',
    body: json({ query: `{ ${Array.from({ length: 300 }, () => `__schema { ${introspection} }`).join(' ')} }` }),
  },
  {
    name: 'two full introspections (the most served)',
    body: json({ query: `{ a: __schema { ${introspection} } b: __schema { ${introspection} } }` }),
    served: true,
  },
  { name: '6,000 repeated fields (overlap check)', body: json({ query: `{ person(iin: "${IIN}") { ${'lastName '.repeat(6_000)}} }` }) },
  { name: '8,500 __typename', body: json({ query: `{ ${'__typename '.repeat(8_500)}}` }) },
  {
    name: 'variables nested 40,000 deep',
    body: `{"query":"query($iin: IIN!) { person(iin: $iin) { lastName } }","variables":{"iin":"${IIN}","x":${'{"a":'.repeat(16_000)}1${'}'.repeat(16_000)}}}`,
  },
  { name: 'extensions nested 40,000 deep', body: `{"query":"{ __typename }","extensions":${'['.repeat(40_000)}${']'.repeat(40_000)}}` },
  {
    name: 'fragment chain 2,000 long',
    body: json({
      query: `{ ...C0 }\n${Array.from({ length: 2_000 }, (_, i) => `fragment C${i} on Query { ...C${i + 1} }`).join('\n')}\nfragment C2000 on Query { __typename }`,
    }),
  },
  { name: 'fragment cycle', body: json({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }) },
  { name: '2,000 inline fragments of __typename', body: json({ query: `{ ${'... { __typename } '.repeat(2_000)}}` }) },
  { name: '5 operations of 1,500 tokens in a batch', body: json(Array.from({ length: 5 }, () => ({ query: `{ ${'__typename '.repeat(1_500)}}` }))) },
];
