-- Oracle dialect of db/postgresql/retention/V1__member_facts.sql (the comments there explain it).
-- UNTESTED against Oracle.
create table member_fact (
    member_number        varchar2(10 char) primary key,
    enrolled_on          date,
    first_activity       date,
    last_activity        date,
    activity_days        number(10)    default 0 not null,
    flights              number(12,2)  default 0 not null,
    partner_transactions number(10)    default 0 not null,
    revenue              number(16,2)  default 0 not null,
    miles_earned         number(19)    default 0 not null,
    miles_redeemed       number(19)    default 0 not null,
    updated_at           timestamp with time zone default systimestamp not null
);

create table member_day (
    member_number        varchar2(10 char) not null,
    activity_date        date          not null,
    flights              number(10,2)  default 0 not null,
    partner_transactions number(10)    default 0 not null,
    revenue              number(14,2)  default 0 not null,
    miles_earned         number(19)    default 0 not null,
    constraint member_day_pk primary key (member_number, activity_date)
);
create index member_day_date_ix on member_day (activity_date);

create table member_partner_category (
    member_number        varchar2(10 char) not null,
    category             varchar2(10 char) not null,
    transactions         number(10)    default 0 not null,
    spend                number(16,2)  default 0 not null,
    constraint member_partner_category_pk primary key (member_number, category)
);

-- scratch copies for the rebuild (see the PostgreSQL form); Oracle has no unlogged tables
create table rebuild_member_fact as select * from member_fact where 1 = 0;
alter table rebuild_member_fact add constraint rebuild_member_fact_pk primary key (member_number);
create table rebuild_member_day as select * from member_day where 1 = 0;
alter table rebuild_member_day add constraint rebuild_member_day_pk primary key (member_number, activity_date);
create table rebuild_member_partner_category as select * from member_partner_category where 1 = 0;
alter table rebuild_member_partner_category add constraint rebuild_member_partner_category_pk primary key (member_number, category);
