-- Oracle dialect of db/postgresql/redemption/V3__program_rule_versions.sql (the comments there explain
-- it). UNTESTED against Oracle.
alter table award_chart add (change_id number(19));
alter table award_zone_country add (change_id number(19));
alter table extension_package add (change_id number(19));

create table peak_calendar (
    scope          varchar2(20 char) not null,
    version_from   date              not null,
    change_id      number(19),
    constraint peak_calendar_pk primary key (scope, version_from),
    constraint peak_calendar_scope_ck check (regexp_like(scope, '^[A-Z][A-Z0-9_]{1,19}$', 'c'))
);

insert into peak_calendar (scope, version_from)
select distinct coalesce(route_group_code, 'ALL'), date '2000-01-01' from peak_period
union
select 'ALL', date '2000-01-01' from dual;

alter table peak_period add (scope varchar2(20 char), version_from date);
update peak_period set scope = coalesce(route_group_code, 'ALL'), version_from = date '2000-01-01';
alter table peak_period modify (scope not null, version_from not null);
alter table peak_period add constraint peak_period_version_fk
    foreign key (scope, version_from) references peak_calendar (scope, version_from);
alter table peak_period add constraint peak_period_scope_ck
    check (scope = coalesce(route_group_code, 'ALL'));
create index peak_period_version_idx on peak_period (scope, version_from);

alter table award add (route_group_code varchar2(20 char), cabin varchar2(15 char),
    journey varchar2(10 char), passengers number(10), outbound date);
alter table award add constraint award_flight_ck check (
    (route_group_code is null and cabin is null and journey is null and passengers is null
     and outbound is null)
    or (kind = 'FLIGHT' and route_group_code is not null and outbound is not null
        and cabin in ('ECONOMY', 'PREMIUM_ECONOMY', 'BUSINESS')
        and journey in ('ONE_WAY', 'ROUND_TRIP') and passengers between 1 and 9));
-- Oracle has no partial index: this one holds every award
create index award_priced_idx on award (route_group_code, cabin, issued_at);

create table award_part (
    award_id    number(19)        not null references award (id),
    part_no     number(5)         not null,
    journey     varchar2(10 char) not null,
    season      varchar2(8 char)  not null,
    travel_date date              not null,
    miles       number(19)        not null,
    constraint award_part_pk primary key (award_id, part_no),
    constraint award_part_journey_ck check (journey in ('ONE_WAY', 'ROUND_TRIP')),
    constraint award_part_season_ck check (season in ('OFF_PEAK', 'PEAK')),
    constraint award_part_miles_ck check (miles > 0)
);
