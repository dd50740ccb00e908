-- Qualifying spend (ADR 0020): a flown coupon's base fare converted to the tier program's spend currency
-- (tiers.tier_program.spend_currency) by an effective-dated rate, as program data like the earn rules.
--
-- spend = round half up (base_fare x units_per_unit, the spend currency's minor units, at most 2)
-- where units_per_unit is the rate from fare_currency to spend_currency in force on the flight date
-- (effective_from inclusive, effective_to exclusive; the latest effective_from wins where versions
-- overlap). A fare already in the spend currency needs no rate. Admins add versions (docs/program.md);
-- a coupon whose currency has no rate on its date while a tier counts spend is rejected NO_SPEND_RATE
-- (nothing is recorded; the airline sends it again once the rate exists).
create table spend_conversion_rate (
    fare_currency  char(3)        not null,
    spend_currency char(3)        not null,
    effective_from date           not null,
    effective_to   date,
    units_per_unit numeric(20,10) not null,
    constraint spend_conversion_rate_pk primary key (fare_currency, spend_currency, effective_from),
    constraint spend_conversion_rate_currency_ck check (
        fare_currency ~ '^[A-Z]{3}$' and spend_currency ~ '^[A-Z]{3}$'
        and fare_currency <> spend_currency),
    constraint spend_conversion_rate_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint spend_conversion_rate_rate_ck check (units_per_unit > 0)
);

-- demo currencies of the samples and benches (USD, VND) and a few the airline sells in, into the two
-- plausible program currencies; rounded reference rates, to be replaced by the airline's own
insert into spend_conversion_rate (fare_currency, spend_currency, effective_from, units_per_unit)
values
    ('VND', 'USD', date '2000-01-01', 0.0000394000),
    ('EUR', 'USD', date '2000-01-01', 1.0800000000),
    ('JPY', 'USD', date '2000-01-01', 0.0067000000),
    ('KRW', 'USD', date '2000-01-01', 0.0007300000),
    ('SGD', 'USD', date '2000-01-01', 0.7400000000),
    ('AUD', 'USD', date '2000-01-01', 0.6600000000),
    ('USD', 'VND', date '2000-01-01', 25400.0000000000),
    ('EUR', 'VND', date '2000-01-01', 27400.0000000000),
    ('JPY', 'VND', date '2000-01-01', 170.0000000000);

-- what each coupon counted, in the spend currency of the program when it was rated: a reversal (and a
-- claim or an enrollment crediting a stored coupon) posts exactly this, negated for a reversal
alter table flown_coupon add column qualifying_spend numeric(14,2) not null default 0;
