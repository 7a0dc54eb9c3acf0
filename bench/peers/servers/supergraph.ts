/**
 * The supergraph a peer gateway plans over: Negiz's composed one, each subgraph's URL rewritten to
 * `<BENCH_SUBGRAPH_BASE_URL>/<name>/graphql`, where `negiz serve-subgraphs` serves it (the same URL the Negiz
 * gateway builds from NEGIZ_SUBGRAPH_BASE_URL).
 */
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@negiz/subgraphs/compose.ts';

export interface PeerSupergraph {
  sdl: string;
  /** The subgraphs' names (join__Graph), the audience of the signed context. */
  names: string[];
}

export function supergraphOverHttp(): PeerSupergraph {
  const base = process.env.BENCH_SUBGRAPH_BASE_URL?.replace(/\/+$/, '');
  if (!base) throw new Error('a peer needs BENCH_SUBGRAPH_BASE_URL (where negiz serve-subgraphs listens)');
  const names: string[] = [];
  const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8').replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_all, name: string) => {
    names.push(name);
    return `@join__graph(name: "${name}", url: "${base}/${name}/graphql")`;
  });
  if (!names.length) throw new Error(`no join__graph in ${SUPERGRAPH_PATH}`);
  return { sdl, names };
}

/** Prints the line the driver waits for. */
export function ready(name: string, address: string): void {
  process.stdout.write(`ready ${name} ${address}/graphql\n`);
}
