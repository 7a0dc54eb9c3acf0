#!/usr/bin/env node
// Launcher: the CLI is TypeScript run by Node 24's type stripping. When this file is started by an
// older Node (a bare shell on a machine whose system Node is 20), re-run it with the project's Node 24.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const require = createRequire(import.meta.url);
  let node24;
  try {
    node24 = require.resolve('node/bin/node');
  } catch {
    console.error(`negiz: needs Node 24 (running ${process.versions.node}); run 'npm ci' in the repository first`);
    process.exit(1);
  }
  const { status } = spawnSync(node24, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(status ?? 1);
}
await import('../src/main.ts');
