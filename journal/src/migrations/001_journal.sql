-- The journal's tables (spec p.5, p.10, p.44, p.48). Entries and checkpoints are append-only for every role,
-- owner and superuser included; the personal parts may only be destroyed through journal_destroy_case().

create table journal_entries (
  id          bigint primary key,           -- the leaf index in the Merkle log, from 0
  leaf_hash   bytea not null,               -- SHA-256(0x00 || body); a cache that `verify` recomputes
  body        text not null,                -- canonical JSON of the sealed (non-personal) part: the leaf bytes
  received_at timestamptz not null,
  organisation text not null,
  outcome     text not null,
  basis_type  text,
  client_kind text not null,
  services    text[] not null default '{}',
  committed_at timestamptz not null default now()
);
create index journal_entries_organisation_time on journal_entries (organisation, received_at);

create table journal_personal (
  entry_id     bigint primary key,          -- journal_entries.id
  salt         bytea,                       -- null once destroyed
  body         text,                        -- canonical JSON of the personal part; null once destroyed
  login        text,
  case_number  text,
  basis_number text,
  subjects     text[],                      -- "IIN:900101300123", ...
  destroyed_at timestamptz,
  destruction_entry bigint                  -- the journal entry that recorded the destruction
);
create index journal_personal_subjects on journal_personal using gin (subjects);
create index journal_personal_case on journal_personal (case_number) where case_number is not null;
create index journal_personal_login on journal_personal (login) where login is not null;

create table journal_checkpoints (
  id        bigserial primary key,
  tree_size bigint not null,
  root_hash bytea not null,
  signed_at timestamptz not null,
  jws       text not null,                  -- compact JWS of the checkpoint payload (docs/journal.md)
  frontier  text not null default ''        -- hex roots of the perfect subtrees, comma-separated (fast restart)
);

create table journal_grants (
  id               bigserial primary key,
  login            text not null,
  organisation     text not null,
  kind             text not null check (kind in ('REPORTS', 'INTERNAL_SECURITY')),
  letter_reference text not null,           -- the reasoned letter the operator acted on (p.10)
  granted_by       text not null,
  granted_at       timestamptz not null default now(),
  revoked_at       timestamptz
);
create index journal_grants_login on journal_grants (login, kind);

create function journal_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'journal: % on % is refused: the journal is append-only', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;

create trigger journal_entries_append_only before update or delete on journal_entries
  for each row execute function journal_refuse_change();
create trigger journal_entries_no_truncate before truncate on journal_entries
  for each statement execute function journal_refuse_change();
create trigger journal_checkpoints_append_only before update or delete on journal_checkpoints
  for each row execute function journal_refuse_change();
create trigger journal_checkpoints_no_truncate before truncate on journal_checkpoints
  for each statement execute function journal_refuse_change();

-- Personal parts: no DELETE or TRUNCATE; UPDATE only to the destroyed state, only inside journal_destroy_case().
create function journal_personal_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and current_setting('negiz.journal_destroy', true) = 'on'
     and new.entry_id = old.entry_id and new.salt is null and new.body is null and new.login is null
     and new.case_number is null and new.basis_number is null and new.subjects is null
     and new.destroyed_at is not null then
    return new;
  end if;
  raise exception 'journal: % on % is refused: personal parts are only destroyed with their case', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;
create trigger journal_personal_guard before update or delete on journal_personal
  for each row execute function journal_personal_guard();
create trigger journal_personal_no_truncate before truncate on journal_personal
  for each statement execute function journal_refuse_change();

-- The one privileged path that erases personal data (p.48): callable only by roles granted EXECUTE.
create function journal_destroy_case(p_case text, p_entry bigint) returns integer
  language plpgsql security definer set search_path from current as $$
declare
  destroyed integer;
begin
  perform set_config('negiz.journal_destroy', 'on', true);
  update journal_personal
     set salt = null, body = null, login = null, case_number = null, basis_number = null, subjects = null,
         destroyed_at = now(), destruction_entry = p_entry
   where case_number = p_case;
  get diagnostics destroyed = row_count;
  perform set_config('negiz.journal_destroy', 'off', true);
  return destroyed;
end
$$;
revoke all on function journal_destroy_case(text, bigint) from public;
