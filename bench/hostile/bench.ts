/**
 * The hostile requests of gateway/test/adversarial/hostile.ts against the whole gateway on the real supergraph
 * (93 services, bench/gateway/server.ts "negiz"), in its own process: each request ROUNDS times, one at a time,
 * timed here; the gateway's RSS sampled from /proc every 20 ms; /healthz polled every 50 ms meanwhile. JSON in
 * bench/results/hostile.json; the figures go to docs/reliability.md. `npm run bench -- hostile`.
 * Env: BENCH_ROUNDS (5), BENCH_PORT (4790).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HOSTILE } from '../../gateway/test/adversarial/hostile.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const PORT = Number(process.env['BENCH_PORT'] ?? 4790);
const base = `http://127.0.0.1:${PORT}`;

const child = spawn(process.execPath, [`${here}/../gateway/server.ts`, 'negiz', String(PORT)], {
  cwd: `${here}/../gateway`,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const token = await new Promise<string>((resolve, reject) => {
  let buffer = '';
  let token = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (const line of buffer.split('\n')) {
      if (line.startsWith('token ')) token = line.slice(6);
      if (line.startsWith('ready ')) resolve(token);
    }
  });
  child.once('exit', (code) => reject(new Error(`gateway exited ${code}`)));
});

const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const idleMb = rss();
let peakMb = idleMb;
const sampler = setInterval(() => (peakMb = Math.max(peakMb, rss())), 20);
const health: number[] = [];
let polling = true;
const poller = (async () => {
  while (polling) {
    const started = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    health.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
})();

const results: Array<{ name: string; status: number; bytes: number; medianMs: number; maxMs: number }> = [];
for (const request of HOSTILE) {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: request.body,
    });
    bytes = (await response.arrayBuffer()).byteLength;
    times.push(performance.now() - started);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  results.push({
    name: request.name,
    status,
    bytes,
    medianMs: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10,
    maxMs: Math.round(times.at(-1)! * 10) / 10,
  });
}
polling = false;
await poller;
clearInterval(sampler);
child.kill('SIGINT');

health.sort((a, b) => a - b);
const slowest = results.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
const out = {
  measuredAt: new Date().toISOString(),
  rounds: ROUNDS,
  requests: results,
  slowest: { name: slowest.name, ms: slowest.maxMs },
  rssMb: { idle: Math.round(idleMb), peak: Math.round(peakMb), growth: Math.round(peakMb - idleMb) },
  healthzMs: { polls: health.length, p95: Math.round(health[Math.ceil(health.length * 0.95) - 1]! * 10) / 10, max: Math.round(health.at(-1)! * 10) / 10 },
};
writeFileSync(`${here}/../results/hostile.json`, `${JSON.stringify(out, null, 2)}\n`);
console.table(results);
console.log(
  `slowest ${slowest.name}: ${slowest.maxMs} ms; RSS idle ${out.rssMb.idle} MB, peak ${out.rssMb.peak} MB; /healthz p95 ${out.healthzMs.p95} ms, max ${out.healthzMs.max} ms over ${health.length} polls`,
);
