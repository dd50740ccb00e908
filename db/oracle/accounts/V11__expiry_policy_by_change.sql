-- Oracle dialect of db/postgresql/accounts/V11__expiry_policy_by_change.sql (the comments there explain
-- it). UNTESTED against Oracle.
alter table expiry_policy add (change_id number(19));
