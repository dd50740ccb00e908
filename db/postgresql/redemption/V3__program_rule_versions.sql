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

-- What a flight award was priced at, so that a proposed award chart can be replayed on the awards
-- issued (ADR 0045, simulation): the route group, cabin, journey and number of passengers, and
-- per passenger each priced part, by the chart cell it used (a round trip priced by a ROUND_TRIP
-- cell is one part of journey ROUND_TRIP; one priced as two one-way awards, two ONE_WAY parts).
-- The chart in force on the award's outbound date priced every part. Null / no parts for partner
-- and upgrade awards, and for flight awards issued before V3.
alter table award add column route_group_code varchar(20);
alter table award add column cabin varchar(15);
alter table award add column journey varchar(10);
alter table award add column passengers integer;
alter table award add column outbound date;
alter table award add constraint award_flight_ck check (
    (route_group_code is null and cabin is null and journey is null and passengers is null
     and outbound is null)
    or (kind = 'FLIGHT' and route_group_code is not null and outbound is not null
        and cabin in ('ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS')
        and journey in ('ONE_WAY', 'ROUND_TRIP') and passengers between 1 and 9));
create index award_priced_idx on award (route_group_code, cabin, issued_at)
    where route_group_code is not null;

create table award_part (
    award_id    bigint      not null references award (id),
    part_no     smallint    not null,
    journey     varchar(10) not null,
    season      varchar(8)  not null,
    travel_date date        not null,
    miles       bigint      not null,
    constraint award_part_pk primary key (award_id, part_no),
    constraint award_part_journey_ck check (journey in ('ONE_WAY', 'ROUND_TRIP')),
    constraint award_part_season_ck check (season in ('OFF_PEAK', 'PEAK')),
    constraint award_part_miles_ck check (miles > 0)
);
