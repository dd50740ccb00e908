-- Program administration (issue 20, ADR 0045): program managers change the engagement catalogue, the
-- engagement levels and the campaigns' rules through change requests, each approved version written
-- from its date and never changed. The three catalogues were one row per code, changed in place; the
-- codes stay where they are (engagement_action, member_engagement, campaign_run_count and
-- campaign_audience reference them), and what a code means moves to a version table keyed by
-- (code, effective_from). The version of a code for a date d is the one with the greatest
-- effective_from <= d (it applies until the next one's effective_from, exclusive), as the other rule
-- tables read (accrual V1). change_id names the approved program.change_request that wrote a version
-- (null for the versions carried over here); no foreign key: retention does not reach into the program
-- schema, and the version is written in the approval's transaction, so the request exists. The rows
-- there today become versions from 1900-01-01, so every action, level and run reads what it read.

-- What an engagement action is worth from a date (the columns' meaning is V3's): an action is counted
-- by the version in force on its airline day (engagement_action.action_day), caps included. A code
-- with no version in force on a day is not in the catalogue that day: a new code starts from its date.
create table engagement_action_type_version (
    code            varchar(30)  not null references engagement_action_type (code),
    effective_from  date         not null,
    name            varchar(100) not null,
    points          integer      not null,
    daily_cap       integer,
    lifetime_cap    integer,
    bonus_miles     bigint       not null default 0,
    active          boolean      not null default true,
    change_id       bigint,
    constraint engagement_action_type_version_pk primary key (code, effective_from),
    constraint engagement_action_type_version_points_ck check (points >= 0),
    constraint engagement_action_type_version_caps_ck check (
        (daily_cap is null or daily_cap >= 0) and (lifetime_cap is null or lifetime_cap >= 0)),
    constraint engagement_action_type_version_miles_ck check (bonus_miles >= 0 and bonus_miles <= 1000000)
);

insert into engagement_action_type_version
       (code, effective_from, name, points, daily_cap, lifetime_cap, bonus_miles, active)
select code, date '1900-01-01', name, points, daily_cap, lifetime_cap, bonus_miles, active
  from engagement_action_type;

-- engagement_action_type keeps the codes only: the versions say what they mean.
alter table engagement_action_type
    drop constraint engagement_action_type_points_ck,
    drop constraint engagement_action_type_caps_ck,
    drop constraint engagement_action_type_miles_ck,
    drop column name,
    drop column points,
    drop column daily_cap,
    drop column lifetime_cap,
    drop column bonus_miles,
    drop column active;

-- Levels keep their order (level_rank, 0 = the lowest, which starts at 0 points); the threshold moves to the
-- versions. A level's threshold is above the threshold of the level ranked below it and below that of
-- the level ranked above it, among the versions in force on each date (checked when a version is
-- proposed and approved: a date's versions are not one row a constraint could see).
alter table engagement_level add column level_rank integer;
update engagement_level l
   set level_rank = (select count(*) from engagement_level o where o.min_points < l.min_points);
alter table engagement_level alter column level_rank set not null;
alter table engagement_level add constraint engagement_level_rank_uk unique (level_rank);
alter table engagement_level add constraint engagement_level_rank_ck check (level_rank >= 0);

create table engagement_level_version (
    code            varchar(20)  not null references engagement_level (code),
    effective_from  date         not null,
    name            varchar(60)  not null,
    min_points      integer      not null,
    change_id       bigint,
    constraint engagement_level_version_pk primary key (code, effective_from),
    constraint engagement_level_version_points_ck check (min_points >= 0)
);

insert into engagement_level_version (code, effective_from, name, min_points)
select code, date '1900-01-01', name, min_points from engagement_level;

alter table engagement_level
    drop constraint engagement_level_points_uk,
    drop constraint engagement_level_points_ck,
    drop column name,
    drop column min_points;

-- A campaign's rule from a date (the columns' meaning is V4's): a run reads the version in force on its
-- run_date. The campaign's name and description stay in campaign: the description names the selection
-- rule, which is code (one per campaign code), so a campaign code is never added by a change request.
create table campaign_version (
    code            varchar(20)  not null references campaign (code),
    effective_from  date         not null,
    channel         varchar(5)   not null,
    window_days     integer,
    lookback_days   integer      not null,
    offer           varchar(300) not null,
    active          boolean      not null default true,
    change_id       bigint,
    constraint campaign_version_pk primary key (code, effective_from),
    constraint campaign_version_channel_ck check (channel in ('EMAIL', 'SMS', 'OTT', 'PUSH')),
    constraint campaign_version_window_ck check (window_days is null or window_days > 0),
    constraint campaign_version_lookback_ck check (lookback_days > 0)
);

insert into campaign_version (code, effective_from, channel, window_days, lookback_days, offer, active)
select code, date '1900-01-01', channel, window_days, lookback_days, offer, active from campaign;

alter table campaign
    drop constraint campaign_channel_ck,
    drop constraint campaign_window_ck,
    drop constraint campaign_lookback_ck,
    drop column channel,
    drop column window_days,
    drop column lookback_days,
    drop column offer,
    drop column active;
