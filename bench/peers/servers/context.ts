/**
 * The one signed context a peer gateway sends to every subgraph (the subgraphs refuse a request without one): the
 * bench user's claims (BENCH_CONTEXT_CLAIMS, JSON) signed with NEGIZ_CONTEXT_PRIVATE_KEY (Ed25519 PKCS8 PEM) for an
 * audience of every subgraph of the supergraph, re-signed every 30 s in the background (the subgraphs accept a
 * context for at most a minute). The peers have no stages: this is the cheapest context there is.
 */
import { createPrivateKey } from 'node:crypto';
import type { GatewayClaims } from '@negiz/schema';
import { signGatewayContext } from '@negiz/subgraphs/context.ts';

export { GATEWAY_CONTEXT_HEADER } from '@negiz/schema';

export async function signedContext(audience: string[]): Promise<() => string> {
  const pem = process.env.NEGIZ_CONTEXT_PRIVATE_KEY;
  const claims = process.env.BENCH_CONTEXT_CLAIMS;
  if (!pem || !claims) throw new Error('a peer needs NEGIZ_CONTEXT_PRIVATE_KEY and BENCH_CONTEXT_CLAIMS');
  const privateKey = createPrivateKey(pem);
  const sign = () => signGatewayContext(JSON.parse(claims) as GatewayClaims, { privateKey, audience, alg: 'EdDSA' });
  let token = await sign();
  setInterval(() => void sign().then((t) => (token = t)), 30_000).unref();
  return () => token;
}
