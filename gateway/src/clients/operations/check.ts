/**
 * Checks an operation before it is registered: it must be one named operation, valid against the supergraph's
 * API schema and within the gateway's limits; and for each field, which of the client's roles and bases will see
 * it (Appendix 1 x Appendix 2 through `decide`), so a court system is warned of fields it will never receive.
 */
import { getOperationAST, parse, TypeInfo, validate, visit, visitWithTypeInfo, type DocumentNode } from 'graphql';
import { decide, policy as shippedPolicy, roleMayUse, BASIS_CODES, type BasisCode, type Code, type Policy, type RuleRef } from '@negiz/schema';
import { readSupergraph, type SupergraphFacts } from '../../policy/supergraph.ts';
import { limitsOptions, type LimitsOptions } from '../limits/options.ts';
import { checkShape } from '../limits/shape.ts';
import { canonicalBody, operationId } from './manifest.ts';
import type { RegisteredClient } from './registry.ts';

export interface FieldVisibility {
  coordinate: string;
  service: number;
  serviceName: string;
  /** Bases (of the client's roles) on which the field is released. */
  visibleOn: BasisCode[];
  /** Bases on which it is withheld, with the code and rule. */
  withheldOn: Array<{ basis: BasisCode; role: number; code: Code; rule: RuleRef }>;
}

export interface OperationCheck {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
  /** Problems that forbid registration. */
  errors: string[];
  /** Fields the client's users will never see, on any of their bases. */
  never: FieldVisibility[];
  /** Fields withheld on some of the client's bases only. */
  partly: FieldVisibility[];
  services: number[];
}

export class OperationCheckError extends Error {
  override name = 'OperationCheckError';
}

/** The roles and bases a client's users work with. */
export function clientScope(client: Pick<RegisteredClient, 'roles' | 'bases'>, p: Policy = shippedPolicy()): Array<{ role: number; basis: BasisCode }> {
  const roles = client.roles?.length ? client.roles : [...p.roles.keys()];
  const bases = client.bases?.length ? client.bases : [...BASIS_CODES];
  return roles.flatMap((role) => bases.filter((basis) => roleMayUse(role, basis, p)).map((basis) => ({ role, basis })));
}

export function checkOperation(
  source: string,
  options: { supergraph: SupergraphFacts | string; client: Pick<RegisteredClient, 'roles' | 'bases'>; limits?: LimitsOptions; policy?: Policy },
): OperationCheck {
  const p = options.policy ?? shippedPolicy();
  const facts = typeof options.supergraph === 'string' ? readSupergraph(options.supergraph, p) : options.supergraph;
  let document: DocumentNode;
  let body: string;
  try {
    body = canonicalBody(source);
    document = parse(body);
  } catch (error) {
    throw new OperationCheckError(`the operation does not parse: ${(error as Error).message.split('\n')[0]}`);
  }
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  if (operations.length !== 1) throw new OperationCheckError(`a registered operation file holds exactly one operation (found ${operations.length})`);
  const operation = getOperationAST(document)!;
  if (!operation.name) throw new OperationCheckError('a registered operation must be named (query Name(...) { ... })');

  const errors = validate(facts.apiSchema, document).map((e) => `invalid against the supergraph: ${e.message}`);
  if (!errors.length) {
    for (const v of checkShape(facts.apiSchema, document, options.limits ?? limitsOptions()).violations)
      errors.push(`over the gateway's limits (${v.code}): ${v.message}`);
  }

  const scope = clientScope(options.client, p);
  const coordinates = new Map<string, number[]>();
  const typeInfo = new TypeInfo(facts.apiSchema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const coordinate = `${typeInfo.getParentType()?.name ?? '?'}.${node.name.value}`;
        const services = facts.fields.get(coordinate)?.services ?? [];
        if (services.length) coordinates.set(coordinate, [...services]);
      },
    }),
  );
  const never: FieldVisibility[] = [];
  const partly: FieldVisibility[] = [];
  const services = new Set<number>();
  for (const [coordinate, owners] of coordinates) {
    for (const service of owners) {
      services.add(service);
      const truncated = facts.fields.get(coordinate)?.truncated ?? false;
      const visibility: FieldVisibility = {
        coordinate,
        service,
        serviceName: p.services.get(service)?.name.en ?? String(service),
        visibleOn: [],
        withheldOn: [],
      };
      for (const { role, basis } of scope) {
        const d = decide(role, basis, service, {}, p);
        // An article-restricted service opens for qualifying cases: not "never".
        const released =
          d.access === 'full' ||
          d.code === 'FORBIDDEN_ARTICLE_FOR_SERVICE' ||
          (d.access === 'truncated' && !truncated && !d.withheldFields.includes(coordinate));
        if (released) {
          if (!visibility.visibleOn.includes(basis)) visibility.visibleOn.push(basis);
        } else {
          visibility.withheldOn.push({ basis, role, code: d.access === 'truncated' ? 'REDACTED' : (d.code ?? 'FORBIDDEN_SERVICE_FOR_BASIS'), rule: d.rule });
        }
      }
      if (!visibility.visibleOn.length) never.push(visibility);
      else if (visibility.withheldOn.length) partly.push(visibility);
    }
  }
  return {
    id: operationId(body),
    name: operation.name.value,
    type: operation.operation as OperationCheck['type'],
    body,
    errors,
    never,
    partly,
    services: [...services].sort((a, b) => a - b),
  };
}
