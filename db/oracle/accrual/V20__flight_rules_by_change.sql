-- Oracle dialect of db/postgresql/accrual/V20__flight_rules_by_change.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table flight_earn_factor add (change_id number(19));
alter table flight_earn_minimum add (change_id number(19));
alter table revenue_earn_rate add (change_id number(19));
alter table flight_earn_model add (change_id number(19));
