-- Oracle dialect of db/postgresql/retention/V10__engagement_and_campaign_versions.sql (the comments
-- there explain it). UNTESTED against Oracle. Booleans are number(1); dropping a column drops the check
-- constraints that name only it, the multi-column ones are dropped first.
create table engagement_action_type_version (
    code            varchar2(30 char)  not null references engagement_action_type (code),
    effective_from  date               not null,
    name            varchar2(100 char) not null,
    points          number(10)         not null,
    daily_cap       number(10),
    lifetime_cap    number(10),
    bonus_miles     number(19)         default 0 not null,
    active          number(1)          default 1 not null,
    change_id       number(19),
    constraint engagement_action_type_version_pk primary key (code, effective_from),
    constraint engagement_action_type_version_points_ck check (points >= 0),
    constraint engagement_action_type_version_caps_ck check (
        (daily_cap is null or daily_cap >= 0) and (lifetime_cap is null or lifetime_cap >= 0)),
    constraint engagement_action_type_version_miles_ck check (bonus_miles >= 0 and bonus_miles <= 1000000),
    constraint engagement_action_type_version_active_ck check (active in (0, 1))
);

insert into engagement_action_type_version
       (code, effective_from, name, points, daily_cap, lifetime_cap, bonus_miles, active)
select code, date '1900-01-01', name, points, daily_cap, lifetime_cap, bonus_miles, active
  from engagement_action_type;

alter table engagement_action_type drop constraint engagement_action_type_points_ck;
alter table engagement_action_type drop constraint engagement_action_type_caps_ck;
alter table engagement_action_type drop constraint engagement_action_type_miles_ck;
alter table engagement_action_type drop constraint engagement_action_type_active_ck;
alter table engagement_action_type drop (name, points, daily_cap, lifetime_cap, bonus_miles, active);

alter table engagement_level add (level_rank number(10));
update engagement_level l
   set level_rank = (select count(*) from engagement_level o where o.min_points < l.min_points);
alter table engagement_level modify (level_rank not null);
alter table engagement_level add constraint engagement_level_rank_uk unique (level_rank);
alter table engagement_level add constraint engagement_level_rank_ck check (level_rank >= 0);

create table engagement_level_version (
    code            varchar2(20 char)  not null references engagement_level (code),
    effective_from  date               not null,
    name            varchar2(60 char)  not null,
    min_points      number(10)         not null,
    change_id       number(19),
    constraint engagement_level_version_pk primary key (code, effective_from),
    constraint engagement_level_version_points_ck check (min_points >= 0)
);

insert into engagement_level_version (code, effective_from, name, min_points)
select code, date '1900-01-01', name, min_points from engagement_level;

alter table engagement_level drop constraint engagement_level_points_uk;
alter table engagement_level drop constraint engagement_level_points_ck;
alter table engagement_level drop (name, min_points);

create table campaign_version (
    code            varchar2(20 char)  not null references campaign (code),
    effective_from  date               not null,
    channel         varchar2(5 char)   not null,
    window_days     number(10),
    lookback_days   number(10)         not null,
    offer           varchar2(300 char) not null,
    active          number(1)          default 1 not null,
    change_id       number(19),
    constraint campaign_version_pk primary key (code, effective_from),
    constraint campaign_version_channel_ck check (channel in ('EMAIL', 'SMS', 'OTT', 'PUSH')),
    constraint campaign_version_window_ck check (window_days is null or window_days > 0),
    constraint campaign_version_lookback_ck check (lookback_days > 0),
    constraint campaign_version_active_ck check (active in (0, 1))
);

insert into campaign_version (code, effective_from, channel, window_days, lookback_days, offer, active)
select code, date '1900-01-01', channel, window_days, lookback_days, offer, active from campaign;

alter table campaign drop constraint campaign_channel_ck;
alter table campaign drop constraint campaign_window_ck;
alter table campaign drop constraint campaign_lookback_ck;
alter table campaign drop (channel, window_days, lookback_days, offer, active);
