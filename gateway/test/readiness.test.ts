/**
 * /readyz: ready when the supergraph is loaded, the journal can take entries and the registries answer; 503 naming
 * the failing parts otherwise (a probe that hangs fails at the timeout).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJournal, MemoryJournal } from '@negiz/journal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProbe, journalProbe, readiness } from '../src/readiness.ts';
import { startHarness, type Harness } from './harness.ts';

let registry: Server;
let registryUrl: string;
beforeAll(async () => {
  // A registry that answers 404 at its root (reachable) and 503 under /down.
  registry = createServer((request, response) => response.writeHead(request.url === '/down' ? 503 : 404).end());
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => registry.close(resolve)));

describe('readiness probes', () => {
  it('a registry is reachable when it answers at all, not when it fails, is down or hangs', async () => {
    const hanging = { name: 'hanging', check: () => new Promise<void>(() => {}) };
    const answer = await readiness(
      [httpProbe('caseRegistry', registryUrl), httpProbe('userRegistry', `${registryUrl}/down`), httpProbe('other', 'http://127.0.0.1:1'), hanging],
      200,
    );
    expect(answer).toEqual({ ready: false, checks: { caseRegistry: 'ok', userRegistry: 'failing', other: 'failing', hanging: 'failing' } });
  });

  it('the journal: the durable one while its store takes entries, the memory one unless set to fail', async () => {
    const durable = await createJournal({ dataDir: 'memory', devKeyPath: 'memory' });
    try {
      expect(await readiness([journalProbe(durable)], 2_000)).toEqual({ ready: true, checks: { journal: 'ok' } });
    } finally {
      await durable.close();
    }
    expect((await readiness([journalProbe(durable)], 2_000)).checks.journal).toBe('failing');
    const memory = new MemoryJournal();
    expect((await readiness([journalProbe(memory)], 100)).ready).toBe(true);
    memory.failing = true;
    expect((await readiness([journalProbe(memory)], 100)).checks.journal).toBe('failing');
  }, 20_000);
});

describe('/readyz', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h?.close());

  it('answers 200 with every part ok, 503 naming the journal when it cannot take entries', async () => {
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { supergraph: 'ok', journal: 'ok' } });
    h.journal.failing = true;
    const unready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(unready.statusCode).toBe(503);
    expect(unready.json()).toEqual({ status: 'unavailable', checks: { supergraph: 'ok', journal: 'failing' } });
    h.journal.failing = false;
  });
});
