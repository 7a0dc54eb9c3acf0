/**
 * Errors from entity fetches carry `_entities` in their path (stack-notes). Whatever @apollo/gateway could not
 * re-base on the client's own path loses its internal segments here, so the client never sees the federation
 * internals.
 */
import type { GraphQLFormattedError } from 'graphql';

type Path = ReadonlyArray<string | number>;

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
