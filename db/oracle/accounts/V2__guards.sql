-- Oracle dialect of db/postgresql/accounts/V2__guards.sql. UNTESTED against a real Oracle server.

-- at most one member that is not closed per email: a function-based unique index that maps closed
-- members to NULL (Oracle does not index all-NULL keys)
create unique index member_active_email_uk on member (case when status <> 'CLOSED' then lower(email) end);

-- the ledger is append-only
create or replace trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row
begin
    raise_application_error(-20001, 'ledger entries are append-only: post a correcting entry instead');
end;
/
