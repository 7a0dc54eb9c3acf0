#!/usr/bin/env node
// Launcher: the CLI is TypeScript run by Node 24's type stripping. When this file is started by an older Node
// (a bare shell on a machine whose system Node is 20), it re-runs itself with the project's Node 24; the
// long-running commands (runtime.json) also get the gateway's V8 settings unless the operator set their own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const runtime = JSON.parse(readFileSync(new URL('./runtime.json', import.meta.url), 'utf8'));
const major = Number(process.versions.node.split('.')[0]);
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((flag) => flag.split('=')[0]);
const flags = runtime.serverCommands.includes(command) ? runtime.serverFlags.filter((flag) => !given.includes(flag.split('=')[0])) : [];

if (major < 24 || flags.length) {
  let node = process.execPath;
  if (major < 24) {
    try {
      node = createRequire(import.meta.url).resolve('node/bin/node');
    } catch {
      console.error(`negiz: needs Node 24 (running ${process.versions.node}); run 'npm ci' in the repository first`);
      process.exit(1);
    }
  }
  const args = [...flags, ...process.argv.slice(1)];
  // Node 24 replaces this process (signals reach the server directly); an older Node waits for a child.
  if (typeof process.execve === 'function' && major >= 24) process.execve(node, [node, ...args], process.env);
  const { status } = spawnSync(node, args, { stdio: 'inherit' });
  process.exit(status ?? 1);
}
await import('../src/main.ts');
