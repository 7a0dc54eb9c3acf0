/**
 * The GraphiQL bundle (gateway/graphiql/dist) is built, not committed: the start command and the tests build it
 * when it is missing or older than its sources (esbuild, about 5 s).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GRAPHIQL_SOURCE = fileURLToPath(new URL('../../../graphiql/', import.meta.url));

export function graphiqlBundleIsCurrent(dir = GRAPHIQL_SOURCE): boolean {
  const bundle = `${dir}dist/assets/app.js`;
  if (!existsSync(bundle) || !existsSync(`${dir}dist/index.html`)) return false;
  const built = statSync(bundle).mtimeMs;
  // The panels' words are the console's (gateway/src/console/messages.ts), bundled in.
  const words = fileURLToPath(new URL('../../console/messages.ts', import.meta.url));
  const sources = [...readdirSync(`${dir}src`).map((f) => `${dir}src/${f}`), `${dir}build.ts`, words];
  return sources.every((f) => statSync(f).mtimeMs <= built);
}

/**
 * Build the bundle unless it is current; runs build.ts with this Node (24, type stripping). Returns the build's
 * report (undefined when nothing was built) for the caller's log: standard output stays the log's alone.
 */
export function ensureGraphiqlBundle(dir = GRAPHIQL_SOURCE): string | undefined {
  if (graphiqlBundleIsCurrent(dir)) return undefined;
  return execFileSync(process.execPath, [`${dir}build.ts`], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }).trim();
}
