-- Oracle dialect of db/postgresql/cashmiles/V5__rules_by_change.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table mile_value add (change_id number(19));
alter table cash_miles_rule add (change_id number(19));
