/**
 * The journal's side of the exchange with witnesses, in its own database: the outbox (one row per witness and
 * checkpoint, created with the checkpoint), every send and every answer with its UTC and local time (seed 004
 * p.9, p.10), the cosignatures received, and the lease that keeps one sender per witness across processes.
 */
import { formatOffset } from './encoding.ts';
import type { Hash } from './merkle.ts';
import { localTime } from './reports.ts';
import type { SqlClient } from './sql-client.ts';
import { toBuffer, toNumber } from './store.ts';

export type OutboxState = 'pending' | 'cosigned' | 'refused' | 'superseded';

export interface OutboxRow {
  id: number;
  witness: string;
  checkpointId: number;
  treeSize: number;
  state: OutboxState;
  attempts: number;
  reason: string | null;
}

export interface Exchange {
  outboxId: number;
  witness: string;
  direction: 'sent' | 'answered' | 'unreachable';
  oldSize?: number;
  treeSize: number;
  status?: number;
  body?: string;
}

export interface StoredExchange extends Exchange {
  id: number;
  atUtc: Date;
  atLocal: string;
}

export interface StoredCosignature {
  witness: string;
  checkpointId: number;
  treeSize: number;
  rootHash: Hash;
  cosignedAt: Date;
  line: string;
}

const outboxOf = (r: Record<string, unknown>): OutboxRow => ({
  id: toNumber(r.id),
  witness: String(r.witness),
  checkpointId: toNumber(r.checkpoint_id),
  treeSize: toNumber(r.tree_size),
  state: r.state as OutboxState,
  attempts: toNumber(r.attempts),
  reason: r.reason == null ? null : String(r.reason),
});

const cosignatureOf = (r: Record<string, unknown>): StoredCosignature => ({
  witness: String(r.witness),
  checkpointId: toNumber(r.checkpoint_id),
  treeSize: toNumber(r.tree_size),
  rootHash: toBuffer(r.root_hash),
  cosignedAt: r.cosigned_at instanceof Date ? r.cosigned_at : new Date(String(r.cosigned_at)),
  line: String(r.line),
});

export class OutboxStore {
  readonly db: SqlClient;
  readonly utcOffsetMinutes: number;

  constructor(db: SqlClient, utcOffsetMinutes = 300) {
    this.db = db;
    this.utcOffsetMinutes = utcOffsetMinutes;
  }

  /** A witness configured after checkpoints exist starts from the latest one (it covers the earlier ones). */
  async enqueueLatestIfNew(witness: string): Promise<void> {
    await this.db.query(
      `insert into journal_witness_outbox (witness, checkpoint_id, tree_size)
       select $1, id, tree_size from journal_checkpoints
        where not exists (select 1 from journal_witness_outbox where witness = $1)
        order by tree_size desc, id desc limit 1
       on conflict do nothing`,
      [witness],
    );
  }

  /** Takes or renews the witness's sending lease for `ms`; false while another process holds it. */
  async lease(witness: string, holder: string, ms: number): Promise<boolean> {
    const { rows } = await this.db.query<{ holder: string }>(
      `insert into journal_witness_senders (witness, holder, until) values ($1, $2, now() + $3 * interval '1 millisecond')
       on conflict (witness) do update set holder = excluded.holder, until = excluded.until
        where journal_witness_senders.until < now() or journal_witness_senders.holder = excluded.holder
       returning holder`,
      [witness, holder, ms],
    );
    return rows.length === 1;
  }

  async release(witness: string, holder: string): Promise<void> {
    await this.db.query(`update journal_witness_senders set until = now() where witness = $1 and holder = $2`, [witness, holder]);
  }

  /** The next checkpoint to deliver to this witness: the smallest pending tree size, oldest first. */
  async nextPending(witness: string): Promise<OutboxRow | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `select * from journal_witness_outbox where witness = $1 and state = 'pending' order by tree_size, id limit 1`,
      [witness],
    );
    return rows[0] ? outboxOf(rows[0]) : undefined;
  }

  async outbox(witness?: string): Promise<OutboxRow[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `select * from journal_witness_outbox where $1::text is null or witness = $1 order by witness, tree_size, id`,
      [witness ?? null],
    );
    return rows.map(outboxOf);
  }

  /** Registers one send or answer with the time in UTC and in local time. */
  async register(exchange: Exchange, at = new Date()): Promise<void> {
    await this.db.query(
      `insert into journal_witness_exchanges (outbox_id, witness, direction, at_utc, at_local, old_size, tree_size, status, body)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        exchange.outboxId,
        exchange.witness,
        exchange.direction,
        at.toISOString(),
        localTime(at.toISOString(), formatOffset(this.utcOffsetMinutes)),
        exchange.oldSize ?? null,
        exchange.treeSize,
        exchange.status ?? null,
        exchange.body ?? null,
      ],
    );
    if (exchange.direction === 'sent') await this.db.query('update journal_witness_outbox set attempts = attempts + 1 where id = $1', [exchange.outboxId]);
  }

  async exchanges(witness?: string): Promise<StoredExchange[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `select * from journal_witness_exchanges where $1::text is null or witness = $1 order by id`,
      [witness ?? null],
    );
    return rows.map((r) => ({
      id: toNumber(r.id),
      outboxId: toNumber(r.outbox_id),
      witness: String(r.witness),
      direction: r.direction as Exchange['direction'],
      atUtc: r.at_utc instanceof Date ? r.at_utc : new Date(String(r.at_utc)),
      atLocal: String(r.at_local),
      oldSize: r.old_size == null ? undefined : toNumber(r.old_size),
      treeSize: toNumber(r.tree_size),
      status: r.status == null ? undefined : toNumber(r.status),
      body: r.body == null ? undefined : String(r.body),
    }));
  }

  /** Stores the cosignature and settles the outbox row in one transaction. */
  async cosigned(row: OutboxRow, cosignature: Omit<StoredCosignature, 'checkpointId' | 'witness'>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into journal_cosignatures (witness, checkpoint_id, tree_size, root_hash, cosigned_at, line)
         values ($1, $2, $3, decode($4, 'hex'), $5, $6) on conflict do nothing`,
        [row.witness, row.checkpointId, cosignature.treeSize, cosignature.rootHash.toString('hex'), cosignature.cosignedAt.toISOString(), cosignature.line],
      );
      await tx.query(`update journal_witness_outbox set state = 'cosigned', settled_at = now() where id = $1`, [row.id]);
    });
  }

  async settle(row: OutboxRow, state: 'refused' | 'superseded', reason: string): Promise<void> {
    await this.db.query(`update journal_witness_outbox set state = $2, settled_at = now(), reason = $3 where id = $1`, [row.id, state, reason]);
  }

  async cosignatures(checkpointId?: number): Promise<StoredCosignature[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `select * from journal_cosignatures where $1::bigint is null or checkpoint_id = $1 order by tree_size, witness`,
      [checkpointId ?? null],
    );
    return rows.map(cosignatureOf);
  }

  /** The largest tree size this witness cosigned for us (0 when none). */
  async cosignedSize(witness: string): Promise<number> {
    const { rows } = await this.db.query<{ size: unknown }>(`select coalesce(max(tree_size), 0) as size from journal_cosignatures where witness = $1`, [
      witness,
    ]);
    return toNumber(rows[0]!.size);
  }

  /** The checkpoint covering an entry that most witnesses cosigned (the largest such), with their signature lines. */
  async witnessedCheckpointCovering(entryId: number): Promise<{ checkpointId: number; lines: string[] } | undefined> {
    const { rows } = await this.db.query<{ checkpoint_id: unknown }>(
      `select checkpoint_id from journal_cosignatures where tree_size > $1
        group by checkpoint_id, tree_size order by count(*) desc, tree_size desc limit 1`,
      [entryId],
    );
    if (!rows[0]) return undefined;
    const checkpointId = toNumber(rows[0].checkpoint_id);
    return { checkpointId, lines: (await this.cosignatures(checkpointId)).map((c) => c.line) };
  }
}
