-- Database-level guards for rules the application already keeps, so that no code path (or person
-- with psql) can break them by accident.

-- at most one member that is not closed per email address (case-insensitive); concurrent
-- enrollments with one email cannot both succeed
create unique index member_active_email_uk on member (lower(email)) where status <> 'CLOSED';

-- the ledger is append-only: corrections are new entries, never updates or deletes
create function ledger_entry_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'ledger entries are append-only: % is not allowed (post a correcting entry instead)', tg_op
        using errcode = 'check_violation';
end;
$$;

create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();

create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();
