/**
 * The benchmark's operations, generated from the supergraph: (a) four services on one person, (b) the full
 * dossier of one person over every service the basis allows (scalar fields two levels deep).
 */
import { getNamedType, isCompositeType, isObjectType, isScalarType, isEnumType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { decide, type BasisCode } from '@negiz/schema';
import type { SupergraphFacts } from '@negiz/gateway/policy/index.ts';

export const BENCH_USER = { login: 'bench.investigator', role: 3, organisation: 'MVD' };
export const BENCH_CASE = { type: 'CRIMINAL' as const, number: '241500031000123', articles: ['245 ч.2'] };

// Entities met inside a record are not followed: each would be another round of fetches across services.
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

function personFieldsOf(schema: GraphQLSchema, facts: SupergraphFacts, services: (n: number) => boolean): string {
  const person = schema.getType('Person') as GraphQLObjectType;
  const parts: string[] = [];
  for (const [name, field] of Object.entries(person.getFields())) {
    const owners = facts.fields.get(`Person.${name}`)?.services ?? [];
    if (!owners.length || !owners.every(services)) continue;
    if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (ENTITIES.has(named.name)) parts.push(`${name} { __typename }`);
      else parts.push(`${name} { ${leaves(named, 1) || '__typename'} }`);
    } else if (isCompositeType(named)) parts.push(`${name} { __typename }`);
    else parts.push(name);
  }
  return parts.join(' ');
}

export function fourServiceQuery(schema: GraphQLSchema, facts: SupergraphFacts, iin: string): string {
  const four = new Set([1, 5, 6, 29]);
  return `query FourServices { person(iin: "${iin}") { ${personFieldsOf(schema, facts, (n) => four.has(n))} } }`;
}

export function dossierQuery(schema: GraphQLSchema, facts: SupergraphFacts, iin: string, role: number, basis: BasisCode, articles: string[]): string {
  const allowed = (n: number) => decide(role, basis, n, { articles }).access === 'full';
  return `query Dossier { person(iin: "${iin}") { ${personFieldsOf(schema, facts, allowed)} } }`;
}
