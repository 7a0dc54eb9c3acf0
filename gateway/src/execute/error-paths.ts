/**
 * Errors from entity fetches carry `_entities` in their path (stack-notes). The gateway re-bases them on the
 * client's own path when it can (numeric index) and otherwise drops the internal segments, so the client never
 * sees the federation internals.
 */
import type { GraphQLFormattedError } from 'graphql';

type Path = ReadonlyArray<string | number>;

/** In a subgraph's answer: `["_entities", "0", ...]` -> `["_entities", 0, ...]`, which @apollo/gateway re-bases. */
export function normaliseSubgraphErrorPath(path: Path | undefined): Path | undefined {
  if (!path || path[0] !== '_entities' || typeof path[1] !== 'string' || !/^\d+$/.test(path[1])) return path;
  return ['_entities', Number(path[1]), ...path.slice(2)];
}

/** In the response: remove any `_entities` segment and the index after it. */
export function hideEntitiesInPath(path: Path | undefined): Path | undefined {
  if (!path || !path.includes('_entities')) return path;
  const out: Array<string | number> = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '_entities') {
      if (typeof path[i + 1] === 'number' || /^\d+$/.test(String(path[i + 1]))) i++;
      continue;
    }
    out.push(path[i]!);
  }
  return out;
}

export function hideEntitiesInErrors<E extends GraphQLFormattedError>(errors: readonly E[]): E[] {
  return errors.map((e) => {
    const path = hideEntitiesInPath(e.path);
    const message = e.message.includes('_entities') ? 'A data service could not complete part of the answer' : e.message;
    return path === e.path && message === e.message ? e : { ...e, message, ...(path ? { path } : {}) };
  });
}
