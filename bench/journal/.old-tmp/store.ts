/**
 * The journal's SQL: the same statements on PostgreSQL and PGlite. Rows come back with bigint ids as strings (pg)
 * or numbers (PGlite) and bytea as Buffer or Uint8Array; everything here normalises them.
 */
import type { SqlClient, SqlQuery } from './sql-client.ts';
import type { EncodedEntry } from './encoding.ts';
import { subjectKey } from './encoding.ts';
import type { Hash } from './merkle.ts';

/** Advisory lock key of the append path: one batch at a time across every writer of the database. */
const APPEND_LOCK = 'select pg_advisory_xact_lock(7461, 2)';

export interface StoredEntry {
  id: number;
  leafHash: Hash;
  body: string;
}

export interface StoredPersonal {
  entryId: number;
  salt: Buffer | null;
  body: string | null;
  destroyedAt: Date | null;
  destructionEntry: number | null;
}

export interface StoredCheckpoint {
  id: number;
  treeSize: number;
  rootHash: Hash;
  signedAt: Date;
  jws: string;
  frontier: Hash[];
}

export interface StoredGrant {
  id: number;
  login: string;
  organisation: string;
  kind: 'REPORTS' | 'INTERNAL_SECURITY';
  letterReference: string;
  grantedBy: string;
  grantedAt: Date;
  revokedAt: Date | null;
}

export const toBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));
export const toNumber = (value: unknown): number => Number(value);
const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

export class JournalStore {
  readonly db: SqlClient;

  constructor(db: SqlClient) {
    this.db = db;
  }

  /** Takes the append lock for the transaction and returns the next leaf index. */
  async lockForAppend(tx: SqlQuery): Promise<number> {
    await tx.query(APPEND_LOCK);
    const { rows } = await tx.query<{ next: unknown }>('select coalesce(max(id) + 1, 0) as next from journal_entries');
    return toNumber(rows[0]!.next);
  }

  /** Leaf hashes of [from, to), in pages so that a long log never hits the query timeout in one statement. */
  async leafHashes(q: SqlQuery, from: number, to?: number): Promise<Hash[]> {
    const hashes: Hash[] = [];
    const PAGE = 100_000;
    for (let start = from; to === undefined || start < to; start += PAGE) {
      const end = to === undefined ? start + PAGE : Math.min(start + PAGE, to);
      const { rows } = await q.query<{ leaf_hash: unknown }>('select leaf_hash from journal_entries where id >= $1 and id < $2 order by id', [start, end]);
      for (const r of rows) hashes.push(toBuffer(r.leaf_hash));
      if (rows.length < end - start) break;
    }
    return hashes;
  }

  /** One multi-row insert per table for the whole batch (unnest of parallel arrays). */
  async insertEntries(tx: SqlQuery, entries: Array<{ id: number; leafHash: Hash; encoded: EncodedEntry }>): Promise<void> {
    const ids = entries.map((e) => e.id);
    await tx.query(
      `insert into journal_entries (id, leaf_hash, body, received_at, organisation, outcome, basis_type, client_kind, services)
       select id, decode(leaf, 'hex'), body, received_at, organisation, outcome, basis_type, client_kind, services::text[]
         from unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           as t(id, leaf, body, received_at, organisation, outcome, basis_type, client_kind, services)`,
      [
        ids,
        entries.map((e) => e.leafHash.toString('hex')),
        entries.map((e) => e.encoded.body),
        entries.map((e) => e.encoded.sealed.receivedAt),
        entries.map((e) => e.encoded.sealed.user.organisation),
        entries.map((e) => e.encoded.sealed.outcome),
        entries.map((e) => e.encoded.sealed.basis?.type ?? null),
        entries.map((e) => e.encoded.sealed.client.kind),
        entries.map((e) => arrayLiteral(e.encoded.sealed.servicesCalled)),
      ],
    );
    await tx.query(
      `insert into journal_personal (entry_id, salt, body, login, case_number, basis_number, subjects)
       select id, decode(salt, 'hex'), body, login, case_number, basis_number, subjects::text[]
         from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           as t(id, salt, body, login, case_number, basis_number, subjects)`,
      [
        ids,
        entries.map((e) => e.encoded.salt.toString('hex')),
        entries.map((e) => e.encoded.personalBody),
        entries.map((e) => e.encoded.personal.login),
        entries.map((e) => e.encoded.personal.caseNumber ?? null),
        entries.map((e) => e.encoded.personal.basisNumber ?? null),
        entries.map((e) => arrayLiteral(e.encoded.personal.subjects.map(subjectKey))),
      ],
    );
  }

  async entries(from: number, limit: number): Promise<StoredEntry[]> {
    const { rows } = await this.db.query<{ id: unknown; leaf_hash: unknown; body: string }>(
      'select id, leaf_hash, body from journal_entries where id >= $1 order by id limit $2',
      [from, limit],
    );
    return rows.map((r) => ({ id: toNumber(r.id), leafHash: toBuffer(r.leaf_hash), body: r.body }));
  }

  async entry(id: number): Promise<StoredEntry | undefined> {
    const { rows } = await this.db.query<{ id: unknown; leaf_hash: unknown; body: string }>(
      'select id, leaf_hash, body from journal_entries where id = $1',
      [id],
    );
    const r = rows[0];
    return r ? { id: toNumber(r.id), leafHash: toBuffer(r.leaf_hash), body: r.body } : undefined;
  }

  async personal(from: number, to: number): Promise<Map<number, StoredPersonal>> {
    const { rows } = await this.db.query<{ entry_id: unknown; salt: unknown; body: string | null; destroyed_at: unknown; destruction_entry: unknown }>(
      'select entry_id, salt, body, destroyed_at, destruction_entry from journal_personal where entry_id >= $1 and entry_id < $2',
      [from, to],
    );
    return new Map(
      rows.map((r) => [
        toNumber(r.entry_id),
        {
          entryId: toNumber(r.entry_id),
          salt: r.salt == null ? null : toBuffer(r.salt),
          body: r.body,
          destroyedAt: r.destroyed_at == null ? null : toDate(r.destroyed_at),
          destructionEntry: r.destruction_entry == null ? null : toNumber(r.destruction_entry),
        },
      ]),
    );
  }

  async size(): Promise<number> {
    const { rows } = await this.db.query<{ next: unknown }>('select coalesce(max(id) + 1, 0) as next from journal_entries');
    return toNumber(rows[0]!.next);
  }

  async insertCheckpoint(checkpoint: Omit<StoredCheckpoint, 'id'>): Promise<void> {
    await this.db.query(
      `insert into journal_checkpoints (tree_size, root_hash, signed_at, jws, frontier) values ($1, decode($2, 'hex'), $3, $4, $5)`,
      [checkpoint.treeSize, checkpoint.rootHash.toString('hex'), checkpoint.signedAt.toISOString(), checkpoint.jws, checkpoint.frontier.map((h) => h.toString('hex')).join(',')],
    );
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('select * from journal_checkpoints order by id');
    return rows.map(checkpointOf);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>('select * from journal_checkpoints order by tree_size desc, id desc limit 1');
    return rows[0] ? checkpointOf(rows[0]) : undefined;
  }

  /** The privileged destruction path (p.48); returns how many personal parts were erased. */
  async destroyCase(caseNumber: string, destructionEntry: number): Promise<number> {
    const { rows } = await this.db.query<{ destroyed: unknown }>('select journal_destroy_case($1, $2) as destroyed', [caseNumber, destructionEntry]);
    return toNumber(rows[0]!.destroyed);
  }

  async countCase(caseNumber: string): Promise<number> {
    const { rows } = await this.db.query<{ n: unknown }>('select count(*) as n from journal_personal where case_number = $1', [caseNumber]);
    return toNumber(rows[0]!.n);
  }

  async addGrant(grant: Omit<StoredGrant, 'id' | 'grantedAt' | 'revokedAt'>): Promise<number> {
    const { rows } = await this.db.query<{ id: unknown }>(
      'insert into journal_grants (login, organisation, kind, letter_reference, granted_by) values ($1, $2, $3, $4, $5) returning id',
      [grant.login, grant.organisation, grant.kind, grant.letterReference, grant.grantedBy],
    );
    return toNumber(rows[0]!.id);
  }

  async activeGrant(login: string, kind: StoredGrant['kind']): Promise<StoredGrant | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      'select * from journal_grants where login = $1 and kind = $2 and revoked_at is null order by id desc limit 1',
      [login, kind],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: toNumber(r.id),
      login: String(r.login),
      organisation: String(r.organisation),
      kind: r.kind as StoredGrant['kind'],
      letterReference: String(r.letter_reference),
      grantedBy: String(r.granted_by),
      grantedAt: toDate(r.granted_at),
      revokedAt: null,
    };
  }
}

/** A PostgreSQL array literal of text ({"a","b"}), so a batch passes one text per row and no JSON is parsed. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function checkpointOf(r: Record<string, unknown>): StoredCheckpoint {
  const frontier = String(r.frontier ?? '');
  return {
    id: toNumber(r.id),
    treeSize: toNumber(r.tree_size),
    rootHash: toBuffer(r.root_hash),
    signedAt: toDate(r.signed_at),
    jws: String(r.jws),
    frontier: frontier ? frontier.split(',').map((h) => Buffer.from(h, 'hex')) : [],
  };
}
