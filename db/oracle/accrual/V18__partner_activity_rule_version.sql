-- Oracle dialect of db/postgresql/accrual/V18__partner_activity_rule_version.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table partner_activity add (earn_rule_from date);
