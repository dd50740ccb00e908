-- Oracle dialect of db/postgresql/accounts/V4__qualifying_activity.sql. UNTESTED against Oracle.
alter table ledger_entry add (qualifying_miles number(19) default 0 not null);
alter table ledger_entry add (qualifying_flights number(6,2) default 0 not null);
alter table ledger_entry add constraint ledger_entry_qualifying_ck check (
    (qualifying_miles = 0 and qualifying_flights = 0)
    or (entry_type = 'CREDIT' and qualifying_miles >= 0 and qualifying_flights >= 0)
    or (entry_type = 'REVERSAL' and qualifying_miles <= 0 and qualifying_flights <= 0));
