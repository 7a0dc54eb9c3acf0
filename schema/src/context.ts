/**
 * The contract between the gateway and the subgraphs: every subgraph request carries a context the gateway signed
 * (issuer, header, lifetime, claims). The gateway signs it, the subgraphs verify it; both read this file.
 */
import { z } from 'zod';
import { BASIS_CODES } from './policy/model.ts';

/** The gateway signs every subgraph request with this issuer; subgraphs accept no other. */
export const GATEWAY_ISSUER = 'negiz-gateway';
/** HTTP header carrying the signed context from the gateway to a subgraph. */
export const GATEWAY_CONTEXT_HEADER = 'x-negiz-context';
/** HTTP header carrying the request id: outside the context, which is reused across requests. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Short-lived: a token copied out of a log or a proxy is useless a minute later. */
export const GATEWAY_CONTEXT_TTL_SECONDS = 60;

export const gatewayClaimsSchema = z.object({
  sub: z.string().min(1),
  role: z.number().int().positive(),
  org: z.string().min(1),
  basis: z.object({ type: z.enum(BASIS_CODES), number: z.string().min(1), instruction: z.string().min(1).optional() }),
  articlesQualify: z.boolean(),
});

/**
 * What the gateway established about the request: who asks, in which proceeding, and whether its articles qualify.
 * No request id: the gateway reuses a context for the same claims for a while (the request id travels in
 * REQUEST_ID_HEADER), so nothing in it is particular to one request.
 */
export type GatewayClaims = z.infer<typeof gatewayClaimsSchema>;
