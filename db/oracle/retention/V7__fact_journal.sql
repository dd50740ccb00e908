-- Oracle dialect of db/postgresql/retention/V7__fact_journal.sql (the comments there explain it).
-- UNTESTED against Oracle.
create table fact_journal (
    member_number        varchar2(10)  not null,
    activity_date        date,
    category             varchar2(10),
    flights              number(10,2)  default 0 not null,
    partner_transactions number(10)    default 0 not null,
    revenue              number(14,2)  default 0 not null,
    miles                number(19)    default 0 not null,
    earned               number(19)    default 0 not null,
    redeemed             number(19)    default 0 not null
);
