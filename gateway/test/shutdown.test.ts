/**
 * Graceful shutdown on a durable journal (embedded PostgreSQL in a temporary folder): a request in flight when the
 * gateway is told to stop completes with its receipt, new ones are not accepted, and once closed the journal
 * verifies and its last signed checkpoint covers every entry. Past the timeout, connections are cut.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJournal, type JournalConfig } from '@negiz/journal';
import { describe, expect, it } from 'vitest';
import { MemoryCaseRegistry } from '../src/basis/index.ts';
import { shutDownGateway } from '../src/shutdown.ts';
import { IIN, startHarness } from './harness.ts';

const LOGIN = 'investigator.shutdown';
const CASE = { type: 'CRIMINAL' as const, number: '241500031000123' };

/** A case registry whose answers wait `delayMs` once `slow` is set, announcing each slow question. */
function slowRegistry(delayMs: number) {
  const registry = new MemoryCaseRegistry([{ type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: [LOGIN], articles: ['190'] }]);
  const state = { slow: false, asked: Promise.withResolvers<void>() };
  const findCase = registry.findCase.bind(registry);
  registry.findCase = async (type, number) => {
    if (state.slow) {
      state.asked.resolve();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    return findCase(type, number);
  };
  return { registry, state };
}

async function gateway(delayMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'negiz-shutdown-'));
  const config: JournalConfig = { dataDir: join(dir, 'journal'), devKeyPath: join(dir, 'key.json'), checkpointIntervalMs: 60_000 };
  const journal = await createJournal(config);
  const { registry, state } = slowRegistry(delayMs);
  const h = await startHarness({ users: [{ login: LOGIN, status: 'ACTIVE', role: 3 }], registry, journal });
  const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
  const token = await h.token({ login: LOGIN });
  const ask = () =>
    fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ person(iin: "${IIN}") { lastName } }`, extensions: { basis: CASE } }),
    });
  return { h, journal, config, state, ask };
}

describe('graceful shutdown', () => {
  it("leaves SIGTERM and SIGINT to the gateway (Apollo Server's own handler would re-kill the process mid-drain)", async () => {
    const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
    const env = process.env.NODE_ENV;
    // Apollo Server installs its handlers outside tests only.
    process.env.NODE_ENV = 'production';
    try {
      const h = await startHarness();
      await h.close();
    } finally {
      process.env.NODE_ENV = env;
    }
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before);
  });

  it('drains the request in flight, then closes the journal with a last checkpoint covering every entry', async () => {
    const { h, journal, config, state, ask } = await gateway(400);
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    state.slow = true;
    const inFlight = ask();
    await state.asked.promise;
    const stopping = shutDownGateway({ app: h.app, journal }, { timeoutMs: 10_000 });
    // No new request is accepted once the gateway is stopping.
    await expect(ask().then((r) => r.status)).rejects.toThrow();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { data: unknown; extensions: { journal: { id: string; leafHash: string } } };
    expect(body.data).toEqual({ person: { lastName: 'Last012' } });
    expect(body.extensions.journal).toEqual({ id: '3', leafHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await stopping).toEqual({ drained: true });
    await h.host.close();

    const reopened = await createJournal(config);
    try {
      const report = await reopened.verify();
      expect(report.ok).toBe(true);
      expect(report.entries).toBe(4);
      expect(report.latestCheckpoint?.treeSize).toBe(4);
      expect(report.uncheckpointed).toBe(0);
    } finally {
      await reopened.close();
    }
  }, 30_000);

  it('cuts the connections still open past the timeout, and still closes the journal', async () => {
    const { h, journal, config, state, ask } = await gateway(3_000);
    expect((await ask()).status).toBe(200);
    state.slow = true;
    const inFlight = ask().then(
      (r) => r.status,
      () => 'cut',
    );
    await state.asked.promise;
    expect(await shutDownGateway({ app: h.app, journal }, { timeoutMs: 100 })).toEqual({ drained: false });
    expect(await inFlight).toBe('cut');
    await h.host.close();
    const reopened = await createJournal(config);
    try {
      const report = await reopened.verify();
      expect(report.ok).toBe(true);
      expect(report.latestCheckpoint?.treeSize).toBe(report.entries);
    } finally {
      await reopened.close();
    }
  }, 30_000);
});
