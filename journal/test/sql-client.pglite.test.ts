import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgliteClient } from '../src/sql-client.ts';

describe('the embedded store (PGlite) after each COMMIT', () => {
  it('fdatasyncs the WAL segment the commit went to, also once checkpoints have recycled old segments', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'negiz-wal-'));
    const synced: string[][] = [];
    const db = await pgliteClient({ dataDir, onWalSynced: (segments) => synced.push([...segments]) });
    try {
      await db.exec('create table t (b text)');
      // Some 100 MB of WAL that does not compress, with checkpoints: PostgreSQL would rename old segments to future names.
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 60; i++) {
          await db.query(`insert into t select string_agg(md5(random()::text), '') from generate_series(1, 3000) g, generate_series(1, 4) h group by h`);
        }
        await db.exec('checkpoint');
      }
      synced.length = 0;
      await db.transaction(async (tx) => {
        await tx.query(`insert into t values ('x')`);
      });
      const { rows } = await db.query<{ segment: string }>('select pg_walfile_name(pg_current_wal_lsn()) as segment');
      const segment = rows[0]!.segment;
      expect(synced).toHaveLength(1);
      expect(synced[0]).toContain(segment);
      // No recycled future segments: at most the one a checkpoint preallocated lies past the current one.
      const future = readdirSync(join(dataDir, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name) && name > segment);
      expect(future.length).toBeLessThanOrEqual(1);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('lists the WAL again once the directory changed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'negiz-wal-'));
    const synced: string[][] = [];
    const db = await pgliteClient({ dataDir, onWalSynced: (segments) => synced.push([...segments]) });
    try {
      await db.exec('create table t (b text)');
      const commit = () =>
        db.transaction(async (tx) => void (await tx.query(`insert into t select string_agg(md5(random()::text), '') from generate_series(1, 12000)`)));
      await commit();
      const first = synced.at(-1)!;
      await db.exec('select pg_switch_wal()');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await commit();
      const { rows } = await db.query<{ segment: string }>('select pg_walfile_name(pg_current_wal_lsn()) as segment');
      expect(synced.at(-1)).toContain(rows[0]!.segment);
      expect(synced.at(-1)).not.toEqual(first);
    } finally {
      await db.close();
    }
  }, 60_000);
});
