/**
 * Builds the self-hosted GraphiQL into dist/: the app (React, GraphiQL 5, Monaco, their CSS and fonts) and
 * Monaco's three web workers, all bundled by esbuild so the page loads nothing from any other host (spec
 * Appendix 4). Run: `npm run build -w gateway/graphiql`. The output is not committed.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist/`;
const require = createRequire(import.meta.url);

rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}assets`, { recursive: true });

const common: esbuild.BuildOptions = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  absWorkingDir: here,
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: { app: 'src/main.tsx' },
    outdir: `${dist}assets`,
    format: 'esm',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl', '.png': 'dataurl' },
    assetNames: '[name]-[hash]',
  }),
  esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': require.resolve('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir: `${dist}assets`,
    format: 'iife',
  }),
]);
copyFileSync(`${here}src/index.html`, `${dist}index.html`);

// Nothing in the bundle may point the browser at another host.
const offenders: string[] = [];
for (const file of readdirSync(`${dist}assets`)) {
  if (!/\.(css|html)$/.test(file)) continue;
  const text = readFileSync(`${dist}assets/${file}`, 'utf8');
  for (const m of text.matchAll(/(?:url\(|@import\s+)["']?(https?:)?\/\/[^"')\s]+/g)) offenders.push(`${file}: ${m[0]}`);
}
if (offenders.length) {
  console.error(`graphiql build: external references found:\n${offenders.join('\n')}`);
  process.exit(1);
}
console.log(`graphiql build: ${readdirSync(`${dist}assets`).length} assets in ${dist}`);
