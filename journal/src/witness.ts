/**
 * A witness (C2SP tlog-witness, add-checkpoint): it knows the public keys of the logs it watches and, for each
 * origin, the latest checkpoint it cosigned. It cosigns a new checkpoint (tlog-cosignature/v1) only when the log
 * signed it and a consistency proof links it to that latest one; the new state is committed before the answer, in
 * the same transaction as the check, so it never cosigns two roots for one size, nor a smaller tree, across
 * restarts. Every request is registered with its UTC and local time, refused ones with their checkpoint (evidence
 * of a log's misbehaviour).
 */
import { openCheckpointNote } from './checkpoint-note.ts';
import { cosign } from './cosignature.ts';
import { formatOffset } from './encoding.ts';
import { verifyConsistency } from './merkle.ts';
import { parseNote, type NoteKey, type NoteSigner } from './note.ts';
import { localTime } from './reports.ts';
import type { SqlClient, SqlQuery } from './sql-client.ts';
import { toBuffer, toNumber } from './store.ts';

export interface WitnessOptions {
  /** The witness's own key (type 0x04, cosignature/v1). */
  signer: NoteSigner;
  /** The logs it watches: their checkpoint keys (type 0x01), named by origin. */
  logs: readonly NoteKey[];
  utcOffsetMinutes?: number;
}

export interface WitnessAnswer {
  status: number;
  contentType: string;
  body: string;
}

const MAX_PROOF_LINES = 63;
const SCHEMA = [
  `create table if not exists witness_logs (
     origin text primary key, tree_size bigint not null, root_hash bytea not null, updated_at timestamptz not null)`,
  `create table if not exists witness_cosigned (
     origin text not null, tree_size bigint not null, root_hash bytea not null, cosigned_at timestamptz not null,
     primary key (origin, tree_size))`,
  `create table if not exists witness_requests (
     id bigserial primary key, received_utc timestamptz not null, received_local text not null, origin text,
     old_size bigint, tree_size bigint, status integer not null, reason text not null, checkpoint text)`,
];

const text = (status: number, body: string, contentType = 'text/plain; charset=utf-8'): WitnessAnswer => ({ status, contentType, body });

class Refused extends Error {
  readonly answer: WitnessAnswer;
  constructor(answer: WitnessAnswer) {
    super(answer.body);
    this.answer = answer;
  }
}

interface Request {
  oldSize: number;
  proof: Buffer[];
  note: string;
}

function parseRequest(body: string): Request {
  const at = body.indexOf('\n\n');
  if (at < 0) throw new Refused(text(400, 'add-checkpoint: expected the old size, the proof lines, a blank line and the checkpoint\n'));
  const head = body.slice(0, at).split('\n');
  const old = /^old (0|[1-9]\d*)$/.exec(head[0] ?? '');
  if (!old || !Number.isSafeInteger(Number(old[1]))) throw new Refused(text(400, 'add-checkpoint: the first line must be "old <size>"\n'));
  const proofLines = head.slice(1);
  if (proofLines.length > MAX_PROOF_LINES) throw new Refused(text(400, 'add-checkpoint: more than 63 proof lines\n'));
  const proof = proofLines.map((line) => {
    const hash = Buffer.from(line, 'base64');
    if (hash.length !== 32 || hash.toString('base64') !== line) throw new Refused(text(400, 'add-checkpoint: a proof line is not a base64 SHA-256 hash\n'));
    return hash;
  });
  return { oldSize: Number(old[1]), proof, note: body.slice(at + 2) };
}

export class Witness {
  readonly db: SqlClient;
  readonly signer: NoteSigner;
  private readonly logs: Map<string, NoteKey>;
  private readonly offset: string;

  private constructor(db: SqlClient, options: WitnessOptions) {
    this.db = db;
    this.signer = options.signer;
    this.logs = new Map(options.logs.map((k) => [k.name, k]));
    this.offset = formatOffset(options.utcOffsetMinutes ?? 300);
  }

  static async open(db: SqlClient, options: WitnessOptions): Promise<Witness> {
    for (const statement of SCHEMA) await db.query(statement);
    return new Witness(db, options);
  }

  async latest(origin: string): Promise<{ treeSize: number; rootHash: Buffer } | undefined> {
    return latestOf(this.db, origin);
  }

  /** Every checkpoint this witness cosigned for the origin, by size. */
  async history(origin: string): Promise<Array<{ treeSize: number; rootHash: Buffer }>> {
    const { rows } = await this.db.query<{ tree_size: unknown; root_hash: unknown }>(
      'select tree_size, root_hash from witness_cosigned where origin = $1 order by tree_size',
      [origin],
    );
    return rows.map((r) => ({ treeSize: toNumber(r.tree_size), rootHash: toBuffer(r.root_hash) }));
  }

  async requests(): Promise<
    Array<{ origin: string | null; oldSize: number | null; treeSize: number | null; status: number; reason: string; receivedLocal: string }>
  > {
    const { rows } = await this.db.query<Record<string, unknown>>('select * from witness_requests order by id');
    return rows.map((r) => ({
      origin: r.origin == null ? null : String(r.origin),
      oldSize: r.old_size == null ? null : toNumber(r.old_size),
      treeSize: r.tree_size == null ? null : toNumber(r.tree_size),
      status: toNumber(r.status),
      reason: String(r.reason),
      receivedLocal: String(r.received_local),
    }));
  }

  /** POST /add-checkpoint. */
  async addCheckpoint(body: string): Promise<WitnessAnswer> {
    const received = new Date();
    let request: Request | undefined;
    let checkpoint: ReturnType<typeof openCheckpointNote> = undefined;
    let origin: string | undefined;
    try {
      request = parseRequest(body);
      let key: NoteKey | undefined;
      try {
        const { text: noteText } = parseNote(request.note);
        origin = noteText.slice(0, noteText.indexOf('\n'));
        key = this.logs.get(origin);
        if (!key) throw new Refused(text(404, `add-checkpoint: unknown log origin\n`));
        checkpoint = openCheckpointNote(request.note, key);
      } catch (error) {
        if (error instanceof Refused) throw error;
        throw new Refused(text(400, `add-checkpoint: ${(error as Error).message}\n`));
      }
      if (!checkpoint) throw new Refused(text(403, 'add-checkpoint: no valid signature by a key trusted for this origin\n'));
      if (request.oldSize > checkpoint.treeSize) throw new Refused(text(400, 'add-checkpoint: the old size exceeds the checkpoint size\n'));
      if (request.oldSize === 0 && request.proof.length > 0) throw new Refused(text(400, 'add-checkpoint: the proof must be empty from size 0\n'));
      const opened = checkpoint;
      const req = request;
      const answer = await this.db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(7462, hashtext($1))', [opened.origin]);
        const latest = await latestOf(tx, opened.origin);
        const current = latest?.treeSize ?? 0;
        if (req.oldSize !== current) throw new Refused(text(409, `${current}\n`, 'text/x.tlog.size'));
        if (latest && req.oldSize === opened.treeSize && !latest.rootHash.equals(opened.rootHash)) {
          throw new Refused(text(409, `${current}\n`, 'text/x.tlog.size'));
        }
        if (latest && req.oldSize < opened.treeSize && !verifyConsistency(req.oldSize, opened.treeSize, latest.rootHash, opened.rootHash, req.proof)) {
          throw new Refused(text(422, 'add-checkpoint: the consistency proof does not link this checkpoint to the one cosigned before\n'));
        }
        const same = await tx.query<{ root_hash: unknown }>('select root_hash from witness_cosigned where origin = $1 and tree_size = $2', [
          opened.origin,
          opened.treeSize,
        ]);
        if (same.rows[0] && !toBuffer(same.rows[0].root_hash).equals(opened.rootHash)) {
          throw new Refused(text(409, `${current}\n`, 'text/x.tlog.size'));
        }
        const now = new Date();
        await tx.query(
          `insert into witness_logs (origin, tree_size, root_hash, updated_at) values ($1, $2, $3, $4)
           on conflict (origin) do update set tree_size = excluded.tree_size, root_hash = excluded.root_hash, updated_at = excluded.updated_at`,
          [opened.origin, opened.treeSize, opened.rootHash, now.toISOString()],
        );
        await tx.query(
          `insert into witness_cosigned (origin, tree_size, root_hash, cosigned_at) values ($1, $2, $3, $4) on conflict (origin, tree_size) do nothing`,
          [opened.origin, opened.treeSize, opened.rootHash, now.toISOString()],
        );
        await this.register(tx, received, opened.origin, req.oldSize, opened.treeSize, 200, 'cosigned');
        return text(200, cosign(opened.text, this.signer, Math.floor(now.getTime() / 1000)).line);
      });
      return answer;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      await this.register(this.db, received, origin, request?.oldSize, checkpoint?.treeSize, error.answer.status, error.answer.body.trim(), request?.note);
      return error.answer;
    }
  }

  private async register(
    q: SqlQuery,
    at: Date,
    origin: string | undefined,
    oldSize: number | undefined,
    treeSize: number | undefined,
    status: number,
    reason: string,
    checkpoint?: string,
  ): Promise<void> {
    await q.query(
      `insert into witness_requests (received_utc, received_local, origin, old_size, tree_size, status, reason, checkpoint) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [at.toISOString(), localTime(at.toISOString(), this.offset), origin ?? null, oldSize ?? null, treeSize ?? null, status, reason, checkpoint ?? null],
    );
  }
}

async function latestOf(q: SqlQuery, origin: string): Promise<{ treeSize: number; rootHash: Buffer } | undefined> {
  const { rows } = await q.query<{ tree_size: unknown; root_hash: unknown }>('select tree_size, root_hash from witness_logs where origin = $1', [origin]);
  return rows[0] ? { treeSize: toNumber(rows[0].tree_size), rootHash: toBuffer(rows[0].root_hash) } : undefined;
}
