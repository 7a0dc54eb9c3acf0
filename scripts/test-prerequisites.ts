/**
 * Runs before `npm test`: makes sure what the tests talk to is there (real PostgreSQL and Redis on loopback,
 * Debian's Chromium for the browser tests), starting or installing them the way this machine's kind documents
 * when they are missing and we are allowed to (root). Prints one line per fix and fails loudly otherwise.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitFor(port: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await reachable(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const isRoot = process.getuid?.() === 0;
const problems: string[] = [];

if (!(await reachable(5432))) {
  if (isRoot && existsSync('/etc/postgresql')) {
    const version = readdirSync('/etc/postgresql')[0];
    console.log(`test-prerequisites: starting PostgreSQL ${version}`);
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
  }
  if (!(await waitFor(5432, 20))) problems.push('PostgreSQL is not reachable on 127.0.0.1:5432');
}

if (!(await reachable(6379))) {
  if (isRoot) {
    console.log('test-prerequisites: starting Redis');
    execSync('redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no', { stdio: 'inherit' });
  }
  if (!(await waitFor(6379, 10))) problems.push('Redis is not reachable on 127.0.0.1:6379');
}

if (!existsSync('/usr/bin/chromium')) {
  if (isRoot) {
    console.log('test-prerequisites: installing Debian chromium for the browser tests');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
  if (!existsSync('/usr/bin/chromium')) problems.push('Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)');
}

if (problems.length) {
  for (const p of problems) console.error(`test-prerequisites: ${p}`);
  process.exit(1);
}
