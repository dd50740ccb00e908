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
