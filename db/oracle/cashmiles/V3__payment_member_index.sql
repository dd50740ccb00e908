-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/cashmiles/V3__payment_member_index.sql.
create index payment_member_ix on payment (member_number, id desc);
