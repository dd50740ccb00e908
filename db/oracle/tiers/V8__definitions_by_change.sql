-- Oracle dialect of db/postgresql/tiers/V8__definitions_by_change.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table tier_definition add (change_id number(19));
