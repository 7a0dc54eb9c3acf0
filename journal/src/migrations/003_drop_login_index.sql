-- Reports filter by user only within one organisation's period (found through the entries' index), so an index on
-- the login costs every insert and serves no query.
drop index if exists journal_personal_login;
