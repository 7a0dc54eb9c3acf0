/**
 * Errors from entity fetches carry `_entities` in their path, with the index as a string in some subgraphs'
 * answers: made numeric here so @apollo/gateway can re-base them on the client's own path.
 */
import type { GraphQLFormattedError } from 'graphql';

type Path = GraphQLFormattedError['path'];

/** In a subgraph's answer: `["_entities", "0", ...]` -> `["_entities", 0, ...]`, which @apollo/gateway re-bases. */
export function normaliseSubgraphErrorPath(path: Path | undefined): Path | undefined {
  if (!path || path[0] !== '_entities' || typeof path[1] !== 'string' || !/^\d+$/.test(path[1])) return path;
  return ['_entities', Number(path[1]), ...path.slice(2)];
}
