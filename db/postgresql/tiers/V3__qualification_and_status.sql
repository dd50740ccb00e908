-- tiers: qualification counters, agent overrides, status history and review runs (issue 5).
--
-- Counters are kept per member and calendar month of the activity date (the date the source reports,
-- e.g. the local flight date; never shifted by a time zone). Both qualification periods are sums of
-- months: a calendar year is its 12 months, the rolling 12 months on a day are that day's month and
-- the 11 before. They are written by the observer of accounts' MilesPosted in the posting's own
-- transaction (one statement per batch), reversals included, so they always equal the sum of the
-- ledger's qualifying activity. A month can go below zero if a reversal is dated later than its credit.
create table qualifying_month (
    member_number      varchar(10)    not null,
    month              date           not null,  -- first day of the month
    qualifying_miles   bigint         not null,
    qualifying_flights numeric(12,2)  not null,
    constraint qualifying_month_pk primary key (member_number, month),
    constraint qualifying_month_first_day_ck check (extract(day from month) = 1)
);

create table qualifying_lifetime (
    member_number      varchar(10)    primary key,
    qualifying_miles   bigint         not null,
    qualifying_flights numeric(14,2)  not null
);

-- member_tier holds the EARNED status (tier_code, since, valid_until) and the agent override in force,
-- if any. The effective tier on a date is the higher ranked of the earned tier (if valid that day) and
-- the override (if in force that day).
alter table member_tier add column override_tier_code varchar(13);
alter table member_tier add column override_since date;
alter table member_tier add column override_until date;
alter table member_tier add column override_id bigint;
alter table member_tier add constraint member_tier_override_ck check (
    (override_tier_code is null and override_since is null and override_until is null and override_id is null)
    or (override_tier_code in ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')
        and override_since is not null and override_until >= override_since and override_id is not null));
create index member_tier_override_until_ix on member_tier (override_until) where override_until is not null;

-- agent status match / override: a tier granted for a while, with the reason and who approved it
create table tier_override (
    id            bigserial    primary key,
    member_number varchar(10)  not null,
    tier_code     varchar(13)  not null,
    reason        varchar(200) not null,
    approver      varchar(60)  not null,
    starts_on     date         not null,
    expires_on    date         not null,  -- last day in force
    created_at    timestamptz  not null default now(),
    ended_at      timestamptz,            -- replaced by a later override, or ended by the expiry job
    constraint tier_override_code_ck check (tier_code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint tier_override_dates_ck check (expires_on >= starts_on)
);
create index tier_override_member_ix on tier_override (member_number, id);

-- every change of a member's effective tier (review moves included) and of an override
create table tier_history (
    id            bigserial    primary key,
    member_number varchar(10)  not null,
    from_tier     varchar(13)  not null,
    to_tier       varchar(13)  not null,
    source        varchar(14)  not null,
    reason        varchar(200) not null default '',
    valid_until   date,
    at            timestamptz  not null default now(),
    constraint tier_history_source_ck check (source in ('UPGRADE', 'REVIEW', 'OVERRIDE', 'OVERRIDE_ENDED'))
);
create index tier_history_member_ix on tier_history (member_number, id);

-- one row per reviewed period end: the unique key makes a review run once, whoever starts it and how
-- often; the moves per tier are its summary
create table tier_review_run (
    period_end           date        primary key,
    qualification_period varchar(17) not null,
    started_at           timestamptz not null,
    finished_at          timestamptz,
    reviewed             bigint      not null default 0,
    moved                bigint      not null default 0
);

create table tier_review_move (
    period_end date        not null references tier_review_run (period_end),
    from_tier  varchar(13) not null,
    to_tier    varchar(13) not null,
    members    bigint      not null,
    constraint tier_review_move_pk primary key (period_end, from_tier, to_tier)
);
