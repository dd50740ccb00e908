-- Program administration (issue 20, ADR 0045): the redemption rules program managers change through
-- change requests. A version written by an approved change request names it (program.change_request.id;
-- null for versions seeded by migrations or inserted by SQL), as accrual V20 does. No foreign key:
-- redemption does not reach into the program schema, and the version is written in the approval's
-- transaction, so the request exists.
alter table award_chart add column change_id bigint;
alter table award_zone_country add column change_id bigint;
alter table extension_package add column change_id bigint;

-- The peak calendar in versions. peak_period rows are date ranges, not versions of one rule, so a new
-- calendar could only be made by inserting, moving or deleting ranges that pricing had already used.
-- From here a calendar is versioned like every rule: peak_calendar holds, per scope (a route group's
-- code, or ALL for the ranges that apply to every group) the dates a version of its ranges applies
-- from, and each peak_period row belongs to one version. For a scope and a travel date d, the version
-- that applies is the one with the greatest version_from <= d (the travel date, as the award chart's
-- own rows are read), and its ranges are the scope's whole peak calendar for d: a later version
-- replaces the ranges, it does not add to them (an empty version = no peak for that scope). A travel
-- date is PEAK if it falls in a range of the ALL version or of its route group's version in force on
-- the date. A version is added whole and never changed: its rows are never updated or deleted, so a
-- date priced before a change is priced the same afterwards.
create table peak_calendar (
    scope          varchar(20) not null,
    version_from   date        not null,
    change_id      bigint,
    constraint peak_calendar_pk primary key (scope, version_from),
    constraint peak_calendar_scope_ck check (scope ~ '^[A-Z][A-Z0-9_]{1,19}$')
);

-- the ranges there were become the first version of their scope, from the seed date, so every travel
-- date is priced as before
insert into peak_calendar (scope, version_from)
select distinct coalesce(route_group_code, 'ALL'), date '2000-01-01' from peak_period
union
select 'ALL', date '2000-01-01';

alter table peak_period add column scope varchar(20);
alter table peak_period add column version_from date;
update peak_period set scope = coalesce(route_group_code, 'ALL'), version_from = date '2000-01-01';
alter table peak_period alter column scope set not null;
alter table peak_period alter column version_from set not null;
alter table peak_period add constraint peak_period_version_fk
    foreign key (scope, version_from) references peak_calendar (scope, version_from);
alter table peak_period add constraint peak_period_scope_ck
    check (scope = coalesce(route_group_code, 'ALL'));
create index peak_period_version_idx on peak_period (scope, version_from);
