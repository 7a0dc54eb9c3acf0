/**
 * The console's bundle (gateway/console/dist) is built, not committed: the start command and the tests build it
 * when it is missing or older than its sources (esbuild, about 2 s). Its sources include the words and the
 * inclusion check it shares with the gateway (this folder).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONSOLE_SOURCE = fileURLToPath(new URL('../../console/', import.meta.url));
const SHARED = fileURLToPath(new URL('./', import.meta.url));

export function consoleBundleIsCurrent(dir = CONSOLE_SOURCE): boolean {
  const bundle = `${dir}dist/assets/console.js`;
  if (!existsSync(bundle) || !existsSync(`${dir}dist/index.html`)) return false;
  const built = statSync(bundle).mtimeMs;
  const sources = [...readdirSync(`${dir}src`).map((f) => `${dir}src/${f}`), `${dir}build.ts`, `${SHARED}messages.ts`, `${SHARED}inclusion.ts`];
  return sources.every((f) => statSync(f).mtimeMs <= built);
}

/** Build the bundle unless it is current (build.ts with this Node); returns the build's report, if it built. */
export function ensureConsoleBundle(dir = CONSOLE_SOURCE): string | undefined {
  if (consoleBundleIsCurrent(dir)) return undefined;
  return execFileSync(process.execPath, [`${dir}build.ts`], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }).trim();
}
