-- The account register (order No. 21 p.2, p.14, p.15, Appendix 6).
create table accounts_users (
  login text primary key,
  full_name text not null,
  organisation text not null,
  -- Row of Appendix 1; null while a transfer waits for the operator's approval or after it expired.
  role integer check (role between 1 and 21),
  phone text,
  status text not null check (status in ('ACTIVE', 'SUSPENDED', 'BLOCKED', 'CLOSED', 'PENDING_ROLE')),
  -- Why a blocked or suspended account is so: OPERATOR, HR_DISMISSED, HR_SUSPENDED.
  block_cause text,
  pending_role integer check (pending_role between 1 and 21),
  pending_organisation text,
  pending_since timestamptz,
  pending_order text,
  -- A long absence blocks the account for its duration (Appendix 6).
  absence_from timestamptz,
  absence_to timestamptz,
  agreement_version text,
  agreement_text_hash text,
  agreement_jws text,
  agreement_accepted_at timestamptz,
  -- The user's public signature key (JWK) the agreement's acceptance is verified with.
  signing_key jsonb,
  -- The date of the latest HR order applied: an older one is kept but not applied over it.
  hr_order_date timestamptz,
  created_at timestamptz not null default now(),
  changed_at timestamptz not null default now()
);

create table accounts_grants (
  id bigserial primary key,
  login text not null references accounts_users (login),
  kind text not null check (kind in ('REPORTS', 'INTERNAL_SECURITY', 'OPERATOR')),
  -- The reasoned letter a Reports grant rests on (p.10).
  letter_reference text,
  granted_by text not null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by text
);
create unique index accounts_grants_active on accounts_grants (login, kind) where revoked_at is null;

create table accounts_hr_systems (
  id text primary key,
  organisation text not null,
  public_key jsonb not null,
  registered_by text not null,
  registered_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table accounts_hr_events (
  event_id text primary key,
  system_id text not null references accounts_hr_systems (id),
  login text not null,
  kind text not null,
  order_number text not null,
  order_date timestamptz not null,
  received_at timestamptz not null,
  payload_hash text not null,
  -- APPLIED, STALE (older than the order already applied), UNKNOWN_ACCOUNT.
  outcome text not null,
  late boolean not null,
  jws text not null
);
create index accounts_hr_events_login on accounts_hr_events (login, order_date);
