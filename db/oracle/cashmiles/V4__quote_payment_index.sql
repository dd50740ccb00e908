-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/cashmiles/V4__quote_payment_index.sql.
create index payment_quote_ix on payment (quote_token);
