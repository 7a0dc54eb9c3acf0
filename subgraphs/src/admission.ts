import { Kind, getOperationAST, type DocumentNode } from 'graphql';
import { GATEWAY_CONTEXT_HEADER, type GatewayClaims } from '@negiz/schema';
import { verifyGatewayContext, type VerificationKey } from './context.ts';

/** What a request carries into a subgraph: the token (in-process) or the HTTP request (header). */
export interface SubgraphContext {
  /** In-process callers put the gateway's JWS here; over HTTP it comes in the x-negiz-context header. */
  gatewayToken?: string;
  reply?: { request: { headers: Record<string, string | string[] | undefined> } };
  /** Set by admission once the token verifies; nothing else may set it. */
  gateway?: GatewayClaims;
}

/** Only the SDL may be read without a context: the gateway's composition needs it before any user asks. */
export function onlyReadsSdl(document: DocumentNode, operationName?: string): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '_service' || s.name.value === '__typename') && !s.directives?.length,
  );
}

function tokenOf(context: SubgraphContext): string | undefined {
  if (context.gatewayToken) return context.gatewayToken;
  const header = context.reply?.request.headers[GATEWAY_CONTEXT_HEADER];
  return Array.isArray(header) ? header[0] : header;
}

/**
 * A mercurius preExecution hook: verify the signed context (signature, issuer, audience = the service's slug,
 * expiry) and put its claims on the context for the shield and the cache key; refuse the whole operation otherwise.
 */
export function admission(options: { audience: string; publicKey: VerificationKey }) {
  return async (_schema: unknown, document: DocumentNode, context: SubgraphContext) => {
    delete context.gateway;
    const token = tokenOf(context);
    if (!token && onlyReadsSdl(document)) return;
    context.gateway = await verifyGatewayContext(token, options);
  };
}
