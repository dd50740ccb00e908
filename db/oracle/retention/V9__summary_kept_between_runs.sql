-- Oracle dialect of db/postgresql/retention/V9__summary_kept_between_runs.sql. UNTESTED against Oracle.
-- The nightly scoring run summarises again only the members whose days changed or leave the window
-- (ADR 0043). Oracle has no statement triggers with transition tables: a row trigger notes each
-- day written (more rows in summary_change, the same members).
create table summary_change (
    member_number varchar2(10) not null,
    activity_date date         not null
);

create table summary_state (
    only_row         number(1)     default 1 primary key check (only_row = 1),
    as_of            date,
    window_start     date,
    mile_value       number,
    usable           number(1)     default 0 not null,
    consumed_through date,
    updated_at       timestamp with time zone default systimestamp not null
);
insert into summary_state (only_row) values (1);

create or replace trigger member_day_changed
after insert or update or delete on member_day
for each row
begin
    if deleting then
        insert into summary_change (member_number, activity_date)
        values (:old.member_number, :old.activity_date);
    else
        insert into summary_change (member_number, activity_date)
        values (:new.member_number, :new.activity_date);
    end if;
end;
/
