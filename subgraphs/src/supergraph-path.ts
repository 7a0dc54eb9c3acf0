import { fileURLToPath } from 'node:url';

/** Where `negiz compose` writes the supergraph (read by the gateway and checked by a test). */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
