-- Oracle dialect of db/postgresql/accrual/V11__spend_conversion.sql (the comments there explain it).
-- UNTESTED against Oracle. The versions follow PostgreSQL's: V9 and V10 have no Oracle counterpart
-- (docs/oracle.md), and Flyway accepts the gap.
create table spend_conversion_rate (
    fare_currency  char(3 char)   not null,
    spend_currency char(3 char)   not null,
    effective_from date           not null,
    effective_to   date,
    units_per_unit number(20,10)  not null,
    constraint spend_conversion_rate_pk primary key (fare_currency, spend_currency, effective_from),
    constraint spend_conversion_rate_currency_ck check (
        regexp_like(fare_currency, '^[A-Z]{3}$') and regexp_like(spend_currency, '^[A-Z]{3}$')
        and fare_currency <> spend_currency),
    constraint spend_conversion_rate_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint spend_conversion_rate_rate_ck check (units_per_unit > 0)
);

-- INSERT ALL: multi-row VALUES needs Oracle 23c
insert all
    into spend_conversion_rate values ('VND', 'USD', date '2000-01-01', null, 0.0000394000)
    into spend_conversion_rate values ('EUR', 'USD', date '2000-01-01', null, 1.0800000000)
    into spend_conversion_rate values ('JPY', 'USD', date '2000-01-01', null, 0.0067000000)
    into spend_conversion_rate values ('KRW', 'USD', date '2000-01-01', null, 0.0007300000)
    into spend_conversion_rate values ('SGD', 'USD', date '2000-01-01', null, 0.7400000000)
    into spend_conversion_rate values ('AUD', 'USD', date '2000-01-01', null, 0.6600000000)
    into spend_conversion_rate values ('USD', 'VND', date '2000-01-01', null, 25400.0000000000)
    into spend_conversion_rate values ('EUR', 'VND', date '2000-01-01', null, 27400.0000000000)
    into spend_conversion_rate values ('JPY', 'VND', date '2000-01-01', null, 170.0000000000)
select * from dual;

alter table flown_coupon add (qualifying_spend number(14,2) default 0 not null);
