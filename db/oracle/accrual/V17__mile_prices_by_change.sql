-- Oracle dialect of db/postgresql/accrual/V17__mile_prices_by_change.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table partner_mile_price add (change_id number(19));
