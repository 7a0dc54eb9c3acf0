-- Checkpoints as C2SP tlog-checkpoint signed notes (alongside the JWS), and the exchange with outside witnesses:
-- a durable outbox per witness and checkpoint, every send and answer registered with UTC and local time
-- (seed 004 p.9, p.10), and the cosignatures received.

alter table journal_checkpoints add column note text;   -- null on checkpoints signed before this migration

create table journal_witness_outbox (
  id            bigserial primary key,
  witness       text not null,                          -- the witness's key name
  checkpoint_id bigint not null,                        -- journal_checkpoints.id
  tree_size     bigint not null,
  state         text not null default 'pending' check (state in ('pending', 'cosigned', 'refused', 'superseded')),
  attempts      integer not null default 0,
  queued_at     timestamptz not null default now(),
  settled_at    timestamptz,
  reason        text,                                   -- why a checkpoint was refused or superseded
  unique (witness, checkpoint_id)
);
create index journal_witness_outbox_pending on journal_witness_outbox (witness, tree_size, id) where state = 'pending';

create table journal_witness_exchanges (
  id         bigserial primary key,
  outbox_id  bigint not null,
  witness    text not null,
  direction  text not null check (direction in ('sent', 'answered', 'unreachable')),
  at_utc     timestamptz not null,
  at_local   text not null,                             -- the same instant in local time with its offset
  old_size   bigint,
  tree_size  bigint not null,
  status     integer,                                   -- the HTTP status of an answer
  body       text                                       -- the answer or the error (never personal data)
);
create index journal_witness_exchanges_outbox on journal_witness_exchanges (outbox_id, id);

create table journal_cosignatures (
  witness       text not null,
  checkpoint_id bigint not null,
  tree_size     bigint not null,
  root_hash     bytea not null,
  cosigned_at   timestamptz not null,                   -- the time the witness signed into its cosignature
  line          text not null,                          -- the signature line, as the witness returned it
  received_at   timestamptz not null default now(),
  primary key (witness, checkpoint_id)
);

-- One sender per witness across gateway processes (a lease, renewed while it delivers).
create table journal_witness_senders (
  witness text primary key,
  holder  text not null,
  until   timestamptz not null
);

create trigger journal_witness_exchanges_append_only before update or delete on journal_witness_exchanges
  for each row execute function journal_refuse_change();
create trigger journal_witness_exchanges_no_truncate before truncate on journal_witness_exchanges
  for each statement execute function journal_refuse_change();
create trigger journal_cosignatures_append_only before update or delete on journal_cosignatures
  for each row execute function journal_refuse_change();
create trigger journal_cosignatures_no_truncate before truncate on journal_cosignatures
  for each statement execute function journal_refuse_change();
