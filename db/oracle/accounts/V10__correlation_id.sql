-- Oracle dialect of db/postgresql/accounts/V10__correlation_id.sql. UNTESTED against Oracle.
alter table ledger_entry add (correlation_id varchar2(64));
