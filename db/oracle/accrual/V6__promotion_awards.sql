-- Oracle dialect of db/postgresql/accrual/V6__promotion_awards.sql. UNTESTED against Oracle.
-- (JdbcPromotionRepository's SQL is PostgreSQL-only: unnest arrays, insert ... on conflict, a
-- data-modifying WITH; see docs/oracle.md.)
create table promotion_award (
    ledger_ref     varchar2(120 char) primary key,
    promotion_code varchar2(30 char)  not null references promotion (code),
    member_number  varchar2(10 char)  not null,
    miles          number(19)         not null,
    awarded_at     timestamp with time zone default current_timestamp not null,
    constraint promotion_award_miles_ck check (miles > 0)
);
create index promotion_award_member_idx on promotion_award (promotion_code, member_number);

create table promotion_member_total (
    promotion_code varchar2(30 char) not null references promotion (code),
    member_number  varchar2(10 char) not null,
    awarded        number(19)        default 0 not null,
    constraint promotion_member_total_pk primary key (promotion_code, member_number),
    constraint promotion_member_total_awarded_ck check (awarded >= 0)
);
