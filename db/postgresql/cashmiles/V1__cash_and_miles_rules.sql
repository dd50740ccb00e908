-- cashmiles: program rules for Cash & Miles (paying the fare part of a ticket partly with miles), with the
-- seeded default program. Owned by the cashmiles module. Quote and payment tables come in a later migration.
--
-- Effective dating, as in every rule table: for a rule key and a date d (the quote date), the row that
-- applies is the one with the greatest effective_from <= d; it applies only if its effective_to is null or
-- d < effective_to (effective_to is exclusive). To change a rule, insert a new row with a later
-- effective_from; set effective_to only to end a rule without a successor.

-- what one mile is worth against a fare in this currency. A fare in a currency without a row cannot be
-- paid with miles. Cash amounts are rounded to the currency's ISO 4217 minor unit (VND 0, USD 2).
create table mile_value (
    currency       char(3)       not null,
    effective_from date          not null,
    effective_to   date,
    value_per_mile numeric(12,6) not null,
    constraint mile_value_pk primary key (currency, effective_from),
    constraint mile_value_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint mile_value_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint mile_value_value_ck check (value_per_mile > 0)
);

-- Miles only ever pay the base fare; taxes, fees and surcharges are always cash (not configurable).
-- Miles offered = min_miles_per_segment x passengers x segments, then up in steps of miles_step, up to
-- max_fare_share_pct of the base fare.
create table cash_miles_rule (
    effective_from               date         primary key,
    effective_to                 date,
    min_miles_per_segment        integer      not null,  -- per passenger and flight segment
    miles_step                   integer      not null,
    max_fare_share_pct           numeric(5,2) not null,  -- of the base fare
    quote_ttl_seconds            integer      not null,
    hold_ttl_seconds             integer      not null,  -- an uncaptured hold is released after this
    voluntary_refund_redeposit   boolean      not null,
    involuntary_refund_redeposit boolean      not null,
    constraint cash_miles_rule_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint cash_miles_rule_min_ck check (min_miles_per_segment > 0),
    constraint cash_miles_rule_step_ck check (miles_step > 0 and min_miles_per_segment % miles_step = 0),
    constraint cash_miles_rule_share_ck check (max_fare_share_pct > 0 and max_fare_share_pct <= 100),
    constraint cash_miles_rule_quote_ttl_ck check (quote_ttl_seconds between 30 and 86400),
    constraint cash_miles_rule_hold_ttl_ck check (hold_ttl_seconds between 60 and 86400)
);

-- ---------------------------------------------------------------------------------------------------
-- default program (Lotusmiles model, DESIGN.md section 3)

-- 1 mile = 0.01 USD (DESIGN.md); 1 mile = 250 VND is the same value at 25,000 VND per USD. The two rows
-- are independent program settings: they do not follow the exchange rate.
insert into mile_value (currency, effective_from, value_per_mile)
values
    ('USD', date '2000-01-01',   0.010000),
    ('VND', date '2000-01-01', 250.000000);

-- at least 2,500 miles per passenger and segment (DESIGN.md); steps of 500 miles, up to the whole base
-- fare, a quote valid 10 minutes, a hold 15 minutes; voluntary refunds keep the miles (not redeposited),
-- involuntary refunds redeposit them (DESIGN.md)
insert into cash_miles_rule (effective_from, min_miles_per_segment, miles_step, max_fare_share_pct,
                             quote_ttl_seconds, hold_ttl_seconds, voluntary_refund_redeposit,
                             involuntary_refund_redeposit)
values (date '2000-01-01', 2500, 500, 100.00, 600, 900, false, true);
