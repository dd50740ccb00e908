-- The nightly scoring run summarises again only the members whose activity days changed since the
-- last run, or whose days leave the RFM window, and keeps every other member's summary row
-- (ADR 0043).
--
-- summary_change: per statement that writes member_day (a fold of the facts' journal, a chunk
-- applied directly, a merge, a correction by hand), one row per member with the latest activity
-- date written, made by the triggers below, so no way of writing the days can forget it. A run as
-- of D summarises again every member found here and takes out the rows dated D or before; a row
-- dated after D stays for the run that reaches its date. No key: appended and read whole.
create table summary_change (
    member_number varchar(10) not null,
    activity_date date        not null
);

-- summary_state: what the kept summary (score_summary, unlogged, made by the runs) holds. usable is
-- false after member_day was emptied (a rebuild of the facts), after a cohort's summary, and after
-- a run for an earlier date than one before it; consumed_through is the latest date of the change
-- rows a run took out, so that a run for an earlier date knows rows it would need are gone.
create table summary_state (
    only_row         boolean       primary key default true check (only_row),
    as_of            date,
    window_start     date,
    mile_value       numeric,
    usable           boolean       not null default false,
    consumed_through date,
    updated_at       timestamptz   not null default now()
);
insert into summary_state (only_row) values (true);

-- statement-level, with the statement's rows as a transition table: one insert per statement, not
-- one per day row
create function note_summary_change() returns trigger
language plpgsql as $$
begin
    insert into retention.summary_change (member_number, activity_date)
    select member_number, max(activity_date) from changed_days group by member_number;
    return null;
end
$$;

create trigger member_day_inserted after insert on member_day
    referencing new table as changed_days
    for each statement execute function note_summary_change();
create trigger member_day_updated after update on member_day
    referencing new table as changed_days
    for each statement execute function note_summary_change();
create trigger member_day_deleted after delete on member_day
    referencing old table as changed_days
    for each statement execute function note_summary_change();

create function summary_no_longer_holds() returns trigger
language plpgsql as $$
begin
    update retention.summary_state set usable = false, updated_at = now();
    return null;
end
$$;

create trigger member_day_emptied after truncate on member_day
    for each statement execute function summary_no_longer_holds();
