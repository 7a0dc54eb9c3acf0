/**
 * /metrics: per-service latency and errors, refusals of the clients' stage, the journal's commit latency and
 * queue depth, cache hits and misses, the upstreams' breakers; labels hold codes and slugs, never personal data.
 */
import { createJournal, type JournalService } from '@negiz/journal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';
import { IIN, IIN_BROKEN, post, startHarness, type Harness } from './harness.ts';

const LOGIN = 'investigator.metrics';
const CASE = { type: 'CRIMINAL', number: '241500031000123' };

let h: Harness;
let journal: JournalService;
beforeAll(async () => {
  journal = await createJournal({ dataDir: 'memory', devKeyPath: 'memory' });
  h = await startHarness({ users: [{ login: LOGIN, status: 'ACTIVE', role: 3 }], journal, basisCacheMs: 10_000 });
  h.cases.cases.set(`CRIMINAL:${CASE.number}`, { type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: [LOGIN], articles: ['190'] });
}, 30_000);
afterAll(async () => {
  await h?.close();
  await journal?.close();
});

/** The value of one sample line, e.g. `negiz_journal_queue_depth 0`. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('/metrics', () => {
  it('counts services, refusals of the clients stage, journal commits and cache lookups', async () => {
    const token = await h.token({ login: LOGIN });
    const ask = (query: string) => post(h, { query, extensions: { basis: CASE } }, { authorization: `Bearer ${token}` });
    const dossier = `{ person(iin: "${IIN}") { lastName stateEmployeeRecord { position } } }`;
    expect((await ask(dossier)).status).toBe(200);
    expect((await ask(dossier)).status).toBe(200);
    expect((await ask(`{ person(iin: "${IIN_BROKEN}") { lastName stateEmployeeRecord { position agency } } }`)).status).toBe(200);
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: person(iin: "${IIN}") { lastName }`).join(' ');
    expect((await ask(`{ ${aliases} }`)).body.errors![0]!.extensions!.code).toBe('TOO_MANY_ALIASES');

    const text = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(text, 'negiz_gateway_service_seconds_count{service="s01-individuals"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'negiz_gateway_service_seconds_count{service="s26-state-employee-request"}')).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/negiz_gateway_service_errors_total\{service="s26-state-employee-request",code="[A-Z_]+"\} 1/);
    expect(sample(text, 'negiz_gateway_budget_refusals_total{code="TOO_MANY_ALIASES"}')).toBe(1);
    expect(sample(text, 'negiz_journal_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'negiz_journal_queue_depth')).toBe(0);
    for (const cache of ['document', 'pruning', 'token', 'basis']) {
      expect(sample(text, `negiz_gateway_cache_lookups_total{cache="${cache}",result="hit"}`), cache).toBeGreaterThanOrEqual(1);
      expect(sample(text, `negiz_gateway_cache_lookups_total{cache="${cache}",result="miss"}`), cache).toBeGreaterThanOrEqual(1);
    }
    for (const secret of [IIN, IIN_BROKEN, LOGIN, CASE.number]) expect(text).not.toContain(secret);
  });

  it("shows each upstream's breaker: 0 closed, 0.5 half-open, 1 open", async () => {
    const metrics = createMetrics({ defaults: false });
    metrics.watchBreakers(() => [
      ['s05-vehicles', { opened: true, halfOpen: false }],
      ['s11-pension-contributions', { opened: false, halfOpen: true }],
      ['s37-counter-audits', { opened: false, halfOpen: false }],
    ]);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'negiz_gateway_breaker_state{service="s05-vehicles"}')).toBe(1);
    expect(sample(text, 'negiz_gateway_breaker_state{service="s11-pension-contributions"}')).toBe(0.5);
    expect(sample(text, 'negiz_gateway_breaker_state{service="s37-counter-audits"}')).toBe(0);
  });
});
