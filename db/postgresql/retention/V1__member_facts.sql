-- Retention's facts about members (issue 19), kept from the other modules' events in the transaction
-- that made them true (ADR 0037), never read from their tables. One row per member in member_fact;
-- one row per member and day with activity (a flight or a partner transaction) in member_day, the
-- rows the nightly scores read (RFM over a window; BG/NBD's repeat days, recency and age); partner
-- transactions per category (the partner's kind) in member_partner_category. Revenue is in the
-- program currency (the tier program's spend currency), converted by the same effective-dated rates
-- as qualifying spend. A reversal subtracts what its record added.
create table member_fact (
    member_number        varchar(10)   primary key,
    enrolled_on          date,
    first_activity       date,
    last_activity        date,
    activity_days        integer       not null default 0,
    flights              numeric(12,2) not null default 0,
    partner_transactions integer       not null default 0,
    revenue              numeric(16,2) not null default 0,
    miles_earned         bigint        not null default 0,
    miles_redeemed       bigint        not null default 0,
    updated_at           timestamptz   not null default now()
);

create table member_day (
    member_number        varchar(10)   not null,
    activity_date        date          not null,
    flights              numeric(10,2) not null default 0,
    partner_transactions integer       not null default 0,
    revenue              numeric(14,2) not null default 0,
    miles_earned         bigint        not null default 0,
    constraint member_day_pk primary key (member_number, activity_date)
);
-- the scores read a window of days across all members
create index member_day_date_ix on member_day (activity_date);

create table member_partner_category (
    member_number        varchar(10)   not null,
    category             varchar(10)   not null,
    transactions         integer       not null default 0,
    spend                numeric(16,2) not null default 0,
    constraint member_partner_category_pk primary key (member_number, category)
);

-- The rebuild (FactsRebuild) recomputes the three tables above from the ledger's entries and
-- accrual's records, through their modules' api, into these scratch copies, then compares them with
-- the kept facts. Unlogged: they hold nothing that a crash must keep.
create unlogged table rebuild_member_fact (like member_fact including defaults including constraints including indexes);
create unlogged table rebuild_member_day (like member_day including defaults including constraints including indexes);
create unlogged table rebuild_member_partner_category (like member_partner_category including defaults including constraints including indexes);
