/**
 * Durability through the whole gateway (issue 5, "done when"): the journal on the machine's real PostgreSQL, the
 * gateway over Fastify inject. (a) Under concurrent load every response with data has its committed entry, with
 * the receipt's id and leaf hash. (b) PostgreSQL becoming unreachable mid-run (a TCP proxy in front of it is
 * cut): no response with data leaves without an entry; the others are JOURNAL_UNAVAILABLE (503).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, type JournalService } from '@negiz/journal';
import { IIN, post, startHarness, type Harness } from '../harness.ts';
import { createTestDatabase, type TestDatabase } from '../databases.ts';

const CASE = { type: 'CRIMINAL', number: '241500031000123' };
const QUERY = `query Look($iin: IIN!) { person(iin: $iin) { lastName } }`;

/** A TCP proxy on 127.0.0.1 in front of PostgreSQL; `cut()` closes it and every connection through it. */
async function tcpProxy(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

type Reply = Awaited<ReturnType<typeof post>>;

/** `total` requests, `concurrency` at a time; `onDone(n)` after the n-th completes. */
async function load(h: Harness, token: string, total: number, concurrency: number, onDone?: (n: number) => void | Promise<void>): Promise<Reply[]> {
  const replies: Reply[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next++;
      const reply = await post(h, { query: QUERY, variables: { iin: IIN }, extensions: { basis: CASE } }, { authorization: `Bearer ${token}` });
      replies.push(reply);
      await onDone?.(replies.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return replies;
}

async function committed(db: TestDatabase): Promise<Map<string, string>> {
  const admin = db.admin();
  await admin.connect();
  try {
    const { rows } = await admin.query<{ id: string; leaf: string }>("select id::text as id, encode(leaf_hash, 'hex') as leaf from journal_entries");
    return new Map(rows.map((r) => [r.id, r.leaf]));
  } finally {
    await admin.end();
  }
}

function withData(replies: Reply[]): Reply[] {
  return replies.filter((r) => r.body.data != null);
}

describe('durability through the gateway, journal on PostgreSQL', () => {
  let h: Harness;
  let token: string;
  let steady: { db: TestDatabase; journal: JournalService };
  let outage: { db: TestDatabase; journal: JournalService; proxy: Awaited<ReturnType<typeof tcpProxy>> };
  // Which journal the gateway records into (one gateway, one database per scenario).
  let current: JournalService;

  beforeAll(async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const target = new URL(b.url);
    const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(b.url);
    proxied.port = String(proxy.port);
    steady = { db: a, journal: await createJournal({ url: a.url, devKeyPath: 'memory' }) };
    outage = { db: b, proxy, journal: await createJournal({ url: proxied.toString(), devKeyPath: 'memory', connectTimeoutMs: 500, queryTimeoutMs: 2_000 }) };
    current = steady.journal;
    h = await startHarness({
      users: [{ login: 'inv1', status: 'ACTIVE', role: 3 }],
      journal: { record: (entry) => current.record(entry), close: async () => undefined },
    });
    h.cases.cases.set(`CRIMINAL:${CASE.number}`, { type: 'CRIMINAL', number: CASE.number, status: 'OPEN', assignees: ['inv1'] });
    token = await h.token({ login: 'inv1' });
  }, 30_000);

  afterAll(async () => {
    await h?.close();
    await steady?.journal.close().catch(() => undefined);
    await outage?.journal.close().catch(() => undefined);
    await outage?.proxy.cut();
    await steady?.db.drop();
    await outage?.db.drop();
  }, 30_000);

  it('(a) 200 requests, 20 at a time: every released response has its committed entry with the same leaf hash', async () => {
    current = steady.journal;
    const replies = await load(h, token, 200, 20);
    const released = withData(replies);
    expect(released).toHaveLength(200);
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const entries = await committed(steady.db);
    expect(entries.size).toBe(released.length);
    const receipts = released.map((r) => (r.body.extensions as { journal: { id: string; leafHash: string } }).journal);
    expect(new Set(receipts.map((r) => r.id)).size).toBe(200);
    for (const receipt of receipts) expect(entries.get(receipt.id)).toBe(receipt.leafHash);
    // And the log they form verifies.
    await steady.journal.checkpoint();
    expect((await steady.journal.verify()).ok).toBe(true);
  }, 60_000);

  it('(b) PostgreSQL unreachable mid-run: no response with data without its entry; the rest JOURNAL_UNAVAILABLE (503)', async () => {
    current = outage.journal;
    const replies = await load(h, token, 200, 20, async (n) => {
      if (n === 60) await outage.proxy.cut();
    });
    expect(replies).toHaveLength(200);
    const released = withData(replies);
    const refused = replies.filter((r) => r.body.data == null);
    // Some were answered before the cut, and everything after it was refused.
    expect(released.length).toBeGreaterThanOrEqual(60);
    expect(refused.length).toBeGreaterThan(100);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.body.errors![0]!.extensions!.code).toBe('JOURNAL_UNAVAILABLE');
      expect(r.body.extensions).toBeUndefined();
    }
    const entries = await committed(outage.db);
    // An entry may be committed whose acknowledgement the cut lost (its response was refused): never the reverse.
    expect(entries.size).toBeGreaterThanOrEqual(released.length);
    for (const r of released) {
      const receipt = (r.body.extensions as { journal: { id: string; leafHash: string } }).journal;
      expect(entries.get(receipt.id)).toBe(receipt.leafHash);
    }
  }, 60_000);
});
