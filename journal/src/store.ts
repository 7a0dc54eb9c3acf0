/**
 * The journal's SQL: the same statements on PostgreSQL and PGlite. Rows come back with bigint ids as strings (pg)
 * or numbers (PGlite) and bytea as Buffer or Uint8Array; everything here normalises them.
 */
import { sqlLiteral, type SqlClient, type SqlQuery } from './sql-client.ts';
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

/** One row of entriesWithPersonal() as the driver returns it (float8 comes back as a number from pg and PGlite). */
export interface VerifyRow {
  id: number;
  leaf: string;
  body: string;
  personal_missing: boolean;
  salt: Uint8Array | null;
  personal_body: string | null;
  destruction_entry: number | null;
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
  /** The C2SP tlog-checkpoint signed note (absent on checkpoints signed before notes were introduced). */
  note?: string;
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

  /**
   * Takes the append lock for the transaction and returns the next leaf index and the last stored leaf hash (so a
   * writer can tell whether the batch it sealed in advance still follows what is committed). On PostgreSQL both
   * statements go in one round trip; each still takes its own snapshot, so the read sees what the previous lock
   * holder committed.
   */
  async lockForAppend(tx: SqlQuery): Promise<{ next: number; lastLeaf: Hash | undefined }> {
    const LAST = 'select id, leaf_hash from journal_entries order by id desc limit 1';
    let rows: Array<{ id: unknown; leaf_hash: unknown }>;
    if (this.db.kind === 'postgres') {
      const results = (await tx.query(`${APPEND_LOCK}; ${LAST}`)) as unknown as Array<{ rows: Array<{ id: unknown; leaf_hash: unknown }> }>;
      rows = results[1]!.rows;
    } else {
      await tx.query(APPEND_LOCK);
      rows = (await tx.query<{ id: unknown; leaf_hash: unknown }>(LAST)).rows;
    }
    const last = rows[0];
    return last ? { next: toNumber(last.id) + 1, lastLeaf: toBuffer(last.leaf_hash) } : { next: 0, lastLeaf: undefined };
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

  /**
   * One statement for the whole batch, both tables (a data-modifying CTE). Each column travels as one text: the
   * bodies and hashes newline-separated, the short columns as JSON arrays (quoting PostgreSQL array literals in
   * JavaScript cost more than the whole insert); ROWS FROM zips them back into rows, and ids are the batch's
   * first id plus the row's ordinality.
   */
  async insertEntries(tx: SqlQuery, entries: ReadonlyArray<InsertRow> | InsertParameters): Promise<void> {
    const params = Array.isArray(entries) ? insertParameters(entries as ReadonlyArray<InsertRow>) : (entries as InsertParameters);
    if (params.count === 0) return;
    await tx.query(insertStatement(''), params.values);
  }

  /**
   * A sealed batch in one round trip: the append lock, then the insert, which writes its rows only if the log
   * still ends where the batch was sealed to follow (leaf `first - 1` is the last, with the hash it was sealed
   * on), in one transaction sent as one message (SqlClient.script). Under READ COMMITTED the insert reads the log
   * after the lock is held, as the transaction path does. Resolves false when the log ended elsewhere (another
   * writer, or a batch before this one failed): nothing was written, and the caller seals again on what is there.
   */
  async appendSealed(params: InsertParameters, baseLast: Hash): Promise<boolean> {
    if (params.count === 0) return true;
    const first = Number(params.values[0]);
    const previous = String(first - 1);
    const follows =
      `(select max(id) from journal_entries) = ${previous} ` +
      `and (select leaf_hash from journal_entries where id = ${previous}) = decode('${baseLast.toString('hex')}', 'hex')`;
    const insert = insertStatement(`where ${follows}`).replace(/\$(\d+)/g, (_all, n: string) => sqlLiteral(params.values[Number(n) - 1]!));
    const counts = await this.db.script(`${APPEND_LOCK}; ${insert}`);
    const written = counts[1] ?? 0;
    if (written === params.count) return true;
    if (written === 0) return false;
    throw new Error(`journal: the append wrote ${written} of ${params.count} rows`);
  }

  async entries(from: number, limit: number): Promise<StoredEntry[]> {
    const { rows } = await this.db.query<{ id: unknown; leaf_hash: unknown; body: string }>(
      'select id, leaf_hash, body from journal_entries where id >= $1 order by id limit $2',
      [from, limit],
    );
    return rows.map((r) => ({ id: toNumber(r.id), leafHash: toBuffer(r.leaf_hash), body: r.body }));
  }

  /**
   * Entries with their personal parts, for verify: one merge join of the two primary keys (the bound on p.entry_id keeps the
   * personal scan from starting at 0 for every page), leaf hashes as hex (a
   * string compare is cheaper than a Buffer per row). `personal_missing` tells a deleted row from a destroyed one.
   */
  async entriesWithPersonal(from: number, limit: number): Promise<VerifyRow[]> {
    const { rows } = await this.db.query<VerifyRow>(
      `select e.id::float8 as id, encode(e.leaf_hash, 'hex') as leaf, e.body, p.entry_id is null as personal_missing,
              p.salt, p.body as personal_body, p.destruction_entry::float8 as destruction_entry
         from journal_entries e left join journal_personal p on p.entry_id = e.id and p.entry_id >= $1
        where e.id >= $1 order by e.id limit $2`,
      [from, limit],
    );
    return rows;
  }

  async entry(id: number): Promise<StoredEntry | undefined> {
    const { rows } = await this.db.query<{ id: unknown; leaf_hash: unknown; body: string }>('select id, leaf_hash, body from journal_entries where id = $1', [
      id,
    ]);
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

  /**
   * Stores a checkpoint and, in the same transaction, queues it for each witness: once the checkpoint exists, its
   * delivery cannot be forgotten by a crash.
   */
  async insertCheckpoint(checkpoint: Omit<StoredCheckpoint, 'id'>, witnesses: readonly string[] = []): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: unknown }>(
        `insert into journal_checkpoints (tree_size, root_hash, signed_at, jws, frontier, note) values ($1, decode($2, 'hex'), $3, $4, $5, $6) returning id`,
        [
          checkpoint.treeSize,
          checkpoint.rootHash.toString('hex'),
          checkpoint.signedAt.toISOString(),
          checkpoint.jws,
          checkpoint.frontier.map((h) => h.toString('hex')).join(','),
          checkpoint.note ?? null,
        ],
      );
      const id = toNumber(rows[0]!.id);
      for (const witness of witnesses) {
        await tx.query('insert into journal_witness_outbox (witness, checkpoint_id, tree_size) values ($1, $2, $3)', [witness, id, checkpoint.treeSize]);
      }
      return id;
    });
  }

  async checkpoint(id: number): Promise<StoredCheckpoint | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>('select * from journal_checkpoints where id = $1', [id]);
    return rows[0] ? checkpointOf(rows[0]) : undefined;
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

  /** Creates the monthly partitions of entries from `from`'s month for `months` months (those missing). */
  async prepareMonths(from: Date, months: number): Promise<number> {
    const { rows } = await this.db.query<{ created: unknown }>('select journal_prepare_months($1::date, $2) as created', [
      from.toISOString().slice(0, 10),
      months,
    ]);
    return toNumber(rows[0]!.created);
  }

  /** Retention of entries whose case is unknown: erases their personal parts received before `before`. */
  async destroyUnknownCase(before: Date, destructionEntry: number): Promise<number> {
    const { rows } = await this.db.query<{ destroyed: unknown }>('select journal_destroy_unknown_case($1, $2) as destroyed', [
      before.toISOString(),
      destructionEntry,
    ]);
    return toNumber(rows[0]!.destroyed);
  }

  async countUnknownCase(before: Date): Promise<number> {
    const { rows } = await this.db.query<{ n: unknown }>(
      `select count(*) as n from journal_personal p join journal_entries e on e.id = p.entry_id
        where e.received_at < $1 and p.case_number is null and p.destroyed_at is null`,
      [before.toISOString()],
    );
    return toNumber(rows[0]!.n);
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

export interface InsertRow {
  id: number;
  leafHash: Hash;
  encoded: EncodedEntry;
}

/** The batch insert, both tables, over the parameters of insertParameters(); `where` gates every row. */
function insertStatement(where: string): string {
  return `with batch as materialized (
         select $1::bigint + n - 1 as id, leaf, body, received_at, organisation, outcome, basis_type, client_kind, services,
                salt, personal_body, login, case_number, basis_number, subjects
           from rows from (string_to_table($2, E'\\n'), string_to_table($3, E'\\n'), json_array_elements_text($4::json),
                           json_array_elements_text($5::json), json_array_elements_text($6::json), json_array_elements_text($7::json),
                           json_array_elements_text($8::json), json_array_elements_text($9::json), string_to_table($10, E'\\n'),
                           string_to_table($11, E'\\n'), json_array_elements_text($12::json), json_array_elements_text($13::json),
                           json_array_elements_text($14::json), json_array_elements_text($15::json))
                with ordinality as t(leaf, body, received_at, organisation, outcome, basis_type, client_kind, services,
                                     salt, personal_body, login, case_number, basis_number, subjects, n)
          ${where}
       ), entries as (
         insert into journal_entries (id, leaf_hash, body, received_at, organisation, outcome, basis_type, client_kind, services)
         select id, decode(leaf, 'hex'), body, received_at::timestamptz, organisation, outcome, basis_type, client_kind, services::text[] from batch
       )
       insert into journal_personal (entry_id, salt, body, login, case_number, basis_number, subjects)
       select id, decode(salt, 'hex'), personal_body, login, case_number, basis_number, subjects::text[] from batch`;
}

/** The parameters of insertEntries(): the first id, then one JSON array per column (pg passes strings through). */
export interface InsertParameters {
  count: number;
  values: string[];
}

export function insertParameters(entries: ReadonlyArray<InsertRow>): InsertParameters {
  const first = entries[0]?.id ?? 0;
  entries.forEach((e, i) => {
    if (e.id !== first + i) throw new RangeError('journal: a batch must hold consecutive leaf indices');
  });
  const column = (value: (e: InsertRow) => string | null): string => JSON.stringify(entries.map(value));
  // Canonical JSON never holds a raw newline (JSON.stringify escapes control characters), nor does hex: these
  // columns travel as newline-separated text, which PostgreSQL splits without parsing or unescaping anything.
  const lines = (value: (e: InsertRow) => string): string => entries.map(value).join('\n');
  return {
    count: entries.length,
    values: [
      String(first),
      lines((e) => e.leafHash.toString('hex')),
      lines((e) => e.encoded.body),
      column((e) => e.encoded.sealed.receivedAt),
      column((e) => e.encoded.sealed.user.organisation),
      column((e) => e.encoded.sealed.outcome),
      column((e) => e.encoded.sealed.basis?.type ?? null),
      column((e) => e.encoded.sealed.client.kind),
      column((e) => arrayLiteral(e.encoded.sealed.servicesCalled)),
      lines((e) => e.encoded.salt.toString('hex')),
      lines((e) => e.encoded.personalBody),
      column((e) => e.encoded.personal.login),
      column((e) => e.encoded.personal.caseNumber ?? null),
      column((e) => e.encoded.personal.basisNumber ?? null),
      column((e) => arrayLiteral(e.encoded.personal.subjects.map(subjectKey))),
    ],
  };
}

/** A PostgreSQL array literal of text ({"a","b"}), cast to text[] by the insert. */
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
    note: r.note == null ? undefined : String(r.note),
  };
}
