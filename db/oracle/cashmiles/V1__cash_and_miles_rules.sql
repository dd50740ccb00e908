-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/cashmiles/V1__cash_and_miles_rules.sql (keep the two in step; the
-- comments there explain the rules). Differences: number(10)/number(p,s) for integer/numeric, number(1)
-- check (0, 1) for boolean, regexp_like for the ~ check, mod() for %, one INSERT per row.
--
-- cashmiles: program rules for Cash & Miles, with the seeded default program. Owned by the cashmiles
-- module. Quote and payment tables come in a later migration.
--
-- Effective dating, as in every rule table: for a rule key and a date d (the quote date), the row that
-- applies is the one with the greatest effective_from <= d; it applies only if its effective_to is null or
-- d < effective_to (effective_to is exclusive). To change a rule, insert a new row with a later
-- effective_from; set effective_to only to end a rule without a successor.

-- what one mile is worth against a fare in this currency; no row = the currency cannot be paid with miles
create table mile_value (
    currency       char(3)      not null,
    effective_from date         not null,
    effective_to   date,
    value_per_mile number(12,6) not null,
    constraint mile_value_pk primary key (currency, effective_from),
    constraint mile_value_currency_ck check (regexp_like(currency, '^[A-Z]{3}$', 'c')),
    constraint mile_value_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint mile_value_value_ck check (value_per_mile > 0)
);

-- miles only ever pay the base fare; taxes, fees and surcharges are always cash (not configurable)
create table cash_miles_rule (
    effective_from               date        primary key,
    effective_to                 date,
    min_miles_per_segment        number(10)  not null,  -- per passenger and flight segment
    miles_step                   number(10)  not null,
    max_fare_share_pct           number(5,2) not null,  -- of the base fare
    quote_ttl_seconds            number(10)  not null,
    hold_ttl_seconds             number(10)  not null,  -- an uncaptured hold is released after this
    voluntary_refund_redeposit   number(1)   not null,
    involuntary_refund_redeposit number(1)   not null,
    constraint cash_miles_rule_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint cash_miles_rule_min_ck check (min_miles_per_segment > 0),
    constraint cash_miles_rule_step_ck check (miles_step > 0 and mod(min_miles_per_segment, miles_step) = 0),
    constraint cash_miles_rule_share_ck check (max_fare_share_pct > 0 and max_fare_share_pct <= 100),
    constraint cash_miles_rule_quote_ttl_ck check (quote_ttl_seconds between 30 and 86400),
    constraint cash_miles_rule_hold_ttl_ck check (hold_ttl_seconds between 60 and 86400),
    constraint cash_miles_rule_refund_ck check (
        voluntary_refund_redeposit in (0, 1) and involuntary_refund_redeposit in (0, 1))
);

-- ---------------------------------------------------------------------------------------------------
-- default program (Lotusmiles model, DESIGN.md section 3): 1 mile = 0.01 USD = 250 VND (at 25,000 VND
-- per USD); at least 2,500 miles per passenger and segment in steps of 500, up to the whole base fare;
-- quote valid 600 s, hold 900 s; voluntary refunds keep the miles, involuntary refunds redeposit them

insert into mile_value (currency, effective_from, value_per_mile) values ('USD', date '2000-01-01', 0.010000);
insert into mile_value (currency, effective_from, value_per_mile) values ('VND', date '2000-01-01', 250.000000);
insert into cash_miles_rule (effective_from, min_miles_per_segment, miles_step, max_fare_share_pct, quote_ttl_seconds, hold_ttl_seconds, voluntary_refund_redeposit, involuntary_refund_redeposit) values (date '2000-01-01', 2500, 500, 100.00, 600, 900, 0, 1);
