-- Oracle dialect of db/postgresql/accounts/V9__qualifying_spend.sql. UNTESTED against Oracle.
-- A not-null column with a default is added without rewriting the rows (Oracle 12c and later), so
-- PostgreSQL's "not valid" + "validate" step has no counterpart: the check is added validated.
alter table ledger_entry add (qualifying_spend number(14,2) default 0 not null);
alter table ledger_entry drop constraint ledger_entry_qualifying_ck;
alter table ledger_entry add constraint ledger_entry_qualifying_ck check (
    (qualifying_miles = 0 and qualifying_flights = 0 and qualifying_spend = 0)
    or (entry_type = 'CREDIT' and qualifying_miles >= 0 and qualifying_flights >= 0
        and qualifying_spend >= 0)
    or (entry_type = 'REVERSAL' and qualifying_miles <= 0 and qualifying_flights <= 0
        and qualifying_spend <= 0));
