-- Production roles for the journal (run once as a superuser; replace the names and passwords).
-- negiz_journal_owner owns the tables and runs the migrations (`negiz journal migrate`).
-- negiz_gateway is what the gateway connects as: it may read and INSERT, nothing else.
-- negiz_journal_destroyer may only call journal_destroy_case() (lawful destruction, p.48).
-- The triggers refuse UPDATE/DELETE/TRUNCATE on entries and checkpoints even for the owner; privileges are the
-- second wall.

create role negiz_journal_owner login password 'change-me-owner';
create role negiz_gateway login password 'change-me-gateway';
create role negiz_journal_destroyer login password 'change-me-destroyer';
grant create, usage on schema public to negiz_journal_owner;

-- After `NEGIZ_JOURNAL_URL=postgres://negiz_journal_owner@... negiz journal migrate`, as the owner:
revoke all on journal_entries, journal_personal, journal_checkpoints, journal_grants, journal_migrations from public;
grant usage on schema public to negiz_gateway, negiz_journal_destroyer;
grant select, insert on journal_entries, journal_personal, journal_checkpoints to negiz_gateway;
grant select on journal_grants, journal_migrations to negiz_gateway;
grant usage on sequence journal_checkpoints_id_seq to negiz_gateway;
grant execute on function journal_destroy_case(text, bigint) to negiz_journal_destroyer;
grant select on journal_personal, journal_migrations to negiz_journal_destroyer;
-- The destroyer also journals its own act (an insert), so it needs the gateway's insert rights:
grant select, insert on journal_entries, journal_personal, journal_checkpoints to negiz_journal_destroyer;
grant usage on sequence journal_checkpoints_id_seq to negiz_journal_destroyer;
-- The exchange with witnesses (docs/journal.md "Witnesses"): the outbox is updated as answers come in, the
-- exchanges and cosignatures are append-only.
grant select, insert, update on journal_witness_outbox, journal_witness_senders to negiz_gateway, negiz_journal_destroyer;
grant select, insert on journal_witness_exchanges, journal_cosignatures to negiz_gateway, negiz_journal_destroyer;
grant usage on sequence journal_witness_outbox_id_seq, journal_witness_exchanges_id_seq to negiz_gateway, negiz_journal_destroyer;
-- Monthly partitions of the entries are prepared by whoever writes; retention runs as the destroyer.
grant execute on function journal_prepare_months(date, integer) to negiz_gateway, negiz_journal_destroyer;
grant execute on function journal_destroy_unknown_case(timestamptz, bigint) to negiz_journal_destroyer;
-- Grants for Reports (p.10) are issued by the operator through the owner: `negiz journal grant ...`.
