/**
 * Builds the supervisors' console into dist/: React, Chart.js and the page's own code, bundled by esbuild so the
 * page loads nothing from any other host (spec Appendix 4). Run: `npm run build -w gateway/console`. The output
 * is not committed.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist/`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}assets`, { recursive: true });

await esbuild.build({
  bundle: true,
  minify: true,
  legalComments: 'none',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  absWorkingDir: here,
  entryPoints: { console: 'src/main.tsx' },
  outdir: `${dist}assets`,
  format: 'esm',
  jsx: 'automatic',
});
copyFileSync(`${here}src/index.html`, `${dist}index.html`);

// Nothing in the bundle may point the browser at another host.
const offenders: string[] = [];
for (const file of readdirSync(`${dist}assets`)) {
  if (!/\.(css|html)$/.test(file)) continue;
  const text = readFileSync(`${dist}assets/${file}`, 'utf8');
  for (const m of text.matchAll(/(?:url\(|@import\s+)["']?(https?:)?\/\/[^"')\s]+/g)) offenders.push(`${file}: ${m[0]}`);
}
if (offenders.length) {
  console.error(`console build: external references found:\n${offenders.join('\n')}`);
  process.exit(1);
}
console.log(`console build: ${readdirSync(`${dist}assets`).length} assets in ${dist}`);
