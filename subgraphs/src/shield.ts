import { isIntrospectionType, isObjectType, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import type { IRules } from 'graphql-shield';
import { policy as shippedPolicy, roleMayUse, type Policy, type Service } from '@negiz/schema';
import { subgraphError } from './errors.ts';
import type { GatewayClaims } from '@negiz/schema';

/** Federation's own entry points: the gateway's composition reads `_service`; `_entities` is checked field by field. */
const FEDERATION_FIELDS = new Set(['_service', '_entities']);
const FEDERATION_TYPES = new Set(['_Service']);

export type ServiceAccess = { granted: true; truncated: boolean } | { granted: false; error: Error };

/**
 * The cell of Appendix 2 for this service and the request's basis, re-checked from the signed context
 * (defence in depth: the gateway decided first). Appendix 1 (role x basis) is re-checked too.
 */
export function serviceAccess(service: Service, claims: GatewayClaims | undefined, p: Policy = shippedPolicy()): ServiceAccess {
  if (!claims) return { granted: false, error: subgraphError('GATEWAY_CONTEXT_REQUIRED', 'A subgraph serves data only to requests signed by the gateway') };
  const basis = claims.basis.type;
  const column = p.basis(basis).column;
  const where = `Appendix 2, row ${service.number} (${service.name.en}), column ${column} (${basis})`;
  if (!roleMayUse(claims.role, basis, p)) {
    const error = subgraphError(
      'FORBIDDEN_BASIS_FOR_ROLE',
      `Appendix 1, row ${claims.role}, column ${column} (${basis}): this role may not request on this basis`,
    );
    return { granted: false, error };
  }
  switch (service.access[basis]) {
    case 'full':
      return { granted: true, truncated: false };
    case 'truncated':
      return { granted: true, truncated: true };
    case 'articles':
      if (claims.articlesQualify) return { granted: true, truncated: false };
      return {
        granted: false,
        error: subgraphError(
          'FORBIDDEN_ARTICLE_FOR_SERVICE',
          `${where}: only for criminal cases under the configured articles (${p.articleRestriction.reference})`,
        ),
      };
    default:
      return { granted: false, error: subgraphError('FORBIDDEN_SERVICE_FOR_BASIS', `${where}: not allowed`) };
  }
}

// graphql-shield 7.6.5's ES build imports `isUndefined` from node:util, which Node 23+ removed (a link error);
// its CommonJS build only touches it in chain()/race(), which we do not use. graphql-middleware must then be the
// CommonJS build too: it recognises shield's middleware generator by `instanceof`.
const require = createRequire(import.meta.url);
const { allow, deny, rule, shield } = require('graphql-shield') as typeof import('graphql-shield');
const { applyMiddleware } = require('graphql-middleware') as typeof import('graphql-middleware');

type ShieldContext = { gateway?: GatewayClaims };

/**
 * The graphql-shield rules of one service, generated from the policy data: every field of the service answers to
 * its service x basis cell; the fields the policy withholds (`@truncated`) are refused on truncated bases.
 * Anything not listed falls to `deny`.
 */
export function serviceRules(schema: GraphQLSchema, service: Service, p: Policy = shippedPolicy()): IRules {
  const withheld = new Set(service.withheld ?? []);
  const access = rule(`service-${service.number}`, { cache: 'contextual' })((_parent, _args, ctx: ShieldContext) => {
    const decision = serviceAccess(service, ctx.gateway, p);
    return decision.granted ? true : decision.error;
  });
  const redaction = rule(`service-${service.number}-withheld`, { cache: 'contextual' })((_parent, _args, ctx: ShieldContext) => {
    const decision = serviceAccess(service, ctx.gateway, p);
    if (!decision.granted) return decision.error;
    if (!decision.truncated) return true;
    const basis = ctx.gateway!.basis.type;
    return subgraphError(
      'REDACTED',
      `Appendix 2, row ${service.number} (${service.name.en}), column ${p.basis(basis).column} (${basis}), footnote 1: this field is withheld in the truncated form`,
    );
  });

  const tree: Record<string, Record<string, unknown> | unknown> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    if (FEDERATION_TYPES.has(type.name)) {
      tree[type.name] = allow;
      continue;
    }
    const fields: Record<string, unknown> = {};
    for (const field of Object.keys(type.getFields())) {
      if (type === schema.getQueryType() && FEDERATION_FIELDS.has(field)) fields[field] = allow;
      else fields[field] = withheld.has(`${type.name}.${field}`) ? redaction : access;
    }
    tree[type.name] = fields;
  }
  return tree as IRules;
}

/** The service's schema behind its shield. Shield's own denials become a coded error instead of "Not Authorised!". */
export function shieldServiceSchema(schema: GraphQLSchema, service: Service, p: Policy = shippedPolicy()): GraphQLSchema {
  const permissions = shield(serviceRules(schema, service, p), {
    fallbackRule: deny,
    // Resolver errors (upstream timeouts, bad identifiers) pass through with their own codes.
    allowExternalErrors: true,
    fallbackError: () => subgraphError('FORBIDDEN_SERVICE_FOR_BASIS', `Appendix 2, row ${service.number} (${service.name.en}): not allowed`),
  });
  return applyMiddleware(schema, permissions);
}
