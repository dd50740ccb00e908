-- Oracle dialect of db/postgresql/accrual/V16__rule_versions_by_change.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table partner_earn_rule add (change_id number(19));
