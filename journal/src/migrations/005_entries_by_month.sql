-- Entries partitioned by the month they were received (declarative partitioning): a month's reports read only its
-- partition, and old months can be moved to slower storage as whole tables. Ids stay the leaf indices, dense
-- across partitions; their order is the append lock's business (as before), their uniqueness is checked by verify.
-- Entries outside the months prepared in advance land in journal_entries_default (nothing is ever refused).

alter table journal_entries rename to journal_entries_before_partitioning;
alter table journal_entries_before_partitioning rename constraint journal_entries_pkey to journal_entries_before_partitioning_pkey;
alter index journal_entries_organisation_time_id rename to journal_entries_before_partitioning_org_time_id;

create table journal_entries (
  id          bigint not null,              -- the leaf index in the Merkle log, from 0
  leaf_hash   bytea not null,               -- SHA-256(0x00 || body); a cache that `verify` recomputes
  body        text not null,                -- canonical JSON of the sealed (non-personal) part: the leaf bytes
  received_at timestamptz not null,         -- the partition key
  organisation text not null,
  outcome     text not null,
  basis_type  text,
  client_kind text not null,
  services    text[] not null default '{}',
  committed_at timestamptz not null default now(),
  primary key (id, received_at)
) partition by range (received_at);
create index journal_entries_id on journal_entries (id);
create index journal_entries_organisation_time_id on journal_entries (organisation, received_at, id);
create table journal_entries_default partition of journal_entries default;

create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function journal_refuse_change();
create trigger journal_entries_no_truncate before truncate on journal_entries
  for each statement execute function journal_refuse_change();
create trigger journal_entries_default_no_truncate before truncate on journal_entries_default
  for each statement execute function journal_refuse_change();

-- Prepares the partitions of p_months months from p_from's month (skipping a month the default partition already
-- holds rows of: they stay there). Row triggers reach every partition from the parent; TRUNCATE of a partition
-- itself needs its own trigger.
create function journal_prepare_months(p_from date, p_months integer) returns integer
  language plpgsql security definer set search_path from current as $$
declare
  month date := date_trunc('month', p_from)::date;
  name text;
  created integer := 0;
begin
  perform pg_advisory_xact_lock(7461, 3);
  for i in 1 .. p_months loop
    name := 'journal_entries_' || to_char(month, 'YYYYMM');
    if to_regclass(name) is null
       and not exists (select 1 from journal_entries_default where received_at >= month and received_at < month + interval '1 month') then
      execute format('create table %I partition of journal_entries for values from (%L) to (%L)', name, month::timestamptz, (month + interval '1 month')::timestamptz);
      execute format('create trigger %I before truncate on %I for each statement execute function journal_refuse_change()', name || '_no_truncate', name);
      created := created + 1;
    end if;
    month := (month + interval '1 month')::date;
  end loop;
  return created;
end
$$;
revoke all on function journal_prepare_months(date, integer) from public;

-- The months the journal already holds, then this month and the next two.
do $$
declare
  m date;
begin
  for m in select distinct date_trunc('month', received_at)::date from journal_entries_before_partitioning loop
    perform journal_prepare_months(m, 1);
  end loop;
  perform journal_prepare_months(current_date, 3);
end
$$;
insert into journal_entries select * from journal_entries_before_partitioning;
drop table journal_entries_before_partitioning;

-- Personal parts of entries whose case is unknown (no case number, so p.48's destruction with the case can never
-- reach them), received before p_before: erased like a case's, recorded against the entry that journaled the act.
create function journal_destroy_unknown_case(p_before timestamptz, p_entry bigint) returns integer
  language plpgsql security definer set search_path from current as $$
declare
  destroyed integer;
begin
  perform set_config('negiz.journal_destroy', 'on', true);
  update journal_personal p
     set salt = null, body = null, login = null, case_number = null, basis_number = null, subjects = null,
         destroyed_at = now(), destruction_entry = p_entry
    from journal_entries e
   where e.id = p.entry_id and e.received_at < p_before and p.case_number is null and p.destroyed_at is null
     and p.entry_id <> p_entry;
  get diagnostics destroyed = row_count;
  perform set_config('negiz.journal_destroy', 'off', true);
  return destroyed;
end
$$;
revoke all on function journal_destroy_unknown_case(timestamptz, bigint) from public;
