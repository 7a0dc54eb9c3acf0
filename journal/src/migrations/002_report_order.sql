-- Reports page through one organisation's period in time order: (organisation, received_at, id) serves both the
-- range and the keyset cursor, so a month at 5,000,000 entries reads only its own rows.
drop index if exists journal_entries_organisation_time;
create index journal_entries_organisation_time_id on journal_entries (organisation, received_at, id);
