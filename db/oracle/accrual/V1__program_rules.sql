-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/accrual/V1__program_rules.sql (keep the two in step; the comments
-- there explain the rules and the choices made where DESIGN.md is silent). Differences: number(19)/
-- number(10)/number(p,s) for bigint/integer/numeric, number(1) check (0, 1) for boolean, varchar2(n char),
-- regexp_like(x, '...', 'c') for the ~ checks, DEFAULT before NOT NULL, current_timestamp for now(),
-- one INSERT per row (19c has no multi-row VALUES).
--
-- accrual: earning rules (flights, partners, promotions) and the seeded default program.
-- Owned by the accrual module. Tier codes and carrier codes are plain values here: there are no
-- foreign keys into other modules' schemas.
--
-- Effective dating, as in every rule table: for a rule key and a date d (the activity date), the row that
-- applies is the one with the greatest effective_from <= d; it applies only if its effective_to is null or
-- d < effective_to (effective_to is exclusive). To change a rule, insert a new row with a later
-- effective_from; set effective_to only to end a rule without a successor.

create table flight_earn_model (
    carrier_code   char(2)          not null,
    effective_from date             not null,
    effective_to   date,
    model          varchar2(8 char) not null,
    constraint flight_earn_model_pk primary key (carrier_code, effective_from),
    constraint flight_earn_model_carrier_ck check (regexp_like(carrier_code, '^[A-Z0-9]{2}$', 'c')),
    constraint flight_earn_model_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_model_model_ck check (model in ('DISTANCE', 'REVENUE'))
);

-- distance model: base miles = round half up (distance in miles x earn_factor), at least the region's minimum
create table flight_earn_factor (
    carrier_code   char(2)           not null,
    booking_class  char(1)           not null,
    region         varchar2(13 char) not null,
    effective_from date              not null,
    effective_to   date,
    earn_factor    number(4,2)       not null,  -- 1.10 = 110 % of the distance
    segment_factor number(3,2)       not null,  -- how much of a qualifying flight the segment counts for
    constraint flight_earn_factor_pk primary key (carrier_code, booking_class, region, effective_from),
    constraint flight_earn_factor_carrier_ck check (regexp_like(carrier_code, '^[A-Z0-9]{2}$', 'c')),
    constraint flight_earn_factor_class_ck check (regexp_like(booking_class, '^[A-Z]$', 'c')),
    constraint flight_earn_factor_region_ck check (region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint flight_earn_factor_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_factor_earn_ck check (earn_factor > 0 and earn_factor <= 5),
    constraint flight_earn_factor_segment_ck check (segment_factor between 0 and 2)
);

create table flight_earn_minimum (
    carrier_code   char(2)           not null,
    region         varchar2(13 char) not null,
    effective_from date              not null,
    effective_to   date,
    minimum_miles  number(10)        not null,  -- floor on base miles per flown segment
    constraint flight_earn_minimum_pk primary key (carrier_code, region, effective_from),
    constraint flight_earn_minimum_carrier_ck check (regexp_like(carrier_code, '^[A-Z0-9]{2}$', 'c')),
    constraint flight_earn_minimum_region_ck check (region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint flight_earn_minimum_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_minimum_miles_ck check (minimum_miles between 0 and 10000)
);

create table revenue_earn_rate (
    carrier_code   char(2)           not null,
    tier_code      varchar2(13 char) not null,
    currency       char(3)           not null,
    effective_from date              not null,
    effective_to   date,
    miles_per_unit number(6,2)       not null,
    constraint revenue_earn_rate_pk primary key (carrier_code, tier_code, currency, effective_from),
    constraint revenue_earn_rate_carrier_ck check (regexp_like(carrier_code, '^[A-Z0-9]{2}$', 'c')),
    constraint revenue_earn_rate_tier_ck check (tier_code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint revenue_earn_rate_currency_ck check (regexp_like(currency, '^[A-Z]{3}$', 'c')),
    constraint revenue_earn_rate_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint revenue_earn_rate_rate_ck check (miles_per_unit > 0)
);

create table partner (
    code   varchar2(20 char)  primary key,
    name   varchar2(100 char) not null,
    kind   varchar2(7 char)   not null,
    active number(1)          default 1 not null,
    constraint partner_code_ck check (regexp_like(code, '^[A-Z0-9_]{2,20}$', 'c')),
    constraint partner_kind_ck check (kind in ('HOTEL', 'CAR', 'BANK', 'AIRLINE', 'RETAIL')),
    constraint partner_active_ck check (active in (0, 1))
);

create table partner_mile_price (
    partner_code   varchar2(20 char) not null references partner (code),
    effective_from date              not null,
    effective_to   date,
    price_per_mile number(12,6)      not null,
    currency       char(3)           not null,
    constraint partner_mile_price_pk primary key (partner_code, effective_from),
    constraint partner_mile_price_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint partner_mile_price_price_ck check (price_per_mile > 0),
    constraint partner_mile_price_currency_ck check (regexp_like(currency, '^[A-Z]{3}$', 'c'))
);

-- partner earn rules: miles = floor(quantity x miles / per_quantity), capped by max_miles_per_record
create table partner_earn_rule (
    partner_code         varchar2(20 char) not null references partner (code),
    basis                varchar2(10 char) not null,
    effective_from       date              not null,
    effective_to         date,
    miles                number(10)        not null,
    per_quantity         number(18,2)      not null,
    currency             char(3),
    max_miles_per_record number(10),
    constraint partner_earn_rule_pk primary key (partner_code, basis, effective_from),
    constraint partner_earn_rule_basis_ck check (basis in ('STAY_NIGHT', 'RENTAL_DAY', 'SPEND')),
    constraint partner_earn_rule_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint partner_earn_rule_miles_ck check (miles > 0 and per_quantity > 0),
    constraint partner_earn_rule_currency_ck check (
        (basis = 'SPEND' and currency is not null and regexp_like(currency, '^[A-Z]{3}$', 'c'))
        or (basis <> 'SPEND' and currency is null)),
    constraint partner_earn_rule_max_ck check (max_miles_per_record is null or max_miles_per_record > 0)
);

-- promotions: bonus miles on top of base miles, posted as separate (non-qualifying) bonus entries
create table promotion (
    id                   number(19) generated by default as identity primary key,
    code                 varchar2(30 char)  not null,
    name                 varchar2(100 char) not null,
    kind                 varchar2(11 char)  not null,
    multiplier           number(5,2),
    bonus_miles          number(10),
    applies_to           varchar2(7 char)   not null,
    partner_code         varchar2(20 char)  references partner (code),
    carrier_code         char(2),
    origin_airport       char(3),
    destination_airport  char(3),
    both_directions      number(1)          default 1 not null,
    booking_classes      varchar2(26 char),  -- e.g. 'JCD'; null = all classes
    region               varchar2(13 char),
    effective_from       date               not null,
    effective_to         date,
    max_bonus_per_member number(10),         -- cap over the whole promotion; null = no cap
    created_at           timestamp with time zone default current_timestamp not null,
    constraint promotion_code_uk unique (code),
    constraint promotion_code_ck check (regexp_like(code, '^[A-Z0-9_]{2,30}$', 'c')),
    constraint promotion_kind_ck check (
        (kind = 'MULTIPLIER' and multiplier is not null and multiplier > 1 and multiplier <= 10
            and bonus_miles is null)
        or (kind = 'FIXED_BONUS' and bonus_miles is not null and bonus_miles > 0 and multiplier is null)),
    constraint promotion_applies_to_ck check (applies_to in ('FLIGHT', 'PARTNER', 'ANY')),
    constraint promotion_scope_ck check (
        (applies_to = 'FLIGHT' and partner_code is null)
        or (applies_to = 'PARTNER' and carrier_code is null and origin_airport is null
            and destination_airport is null and booking_classes is null and region is null)
        or applies_to = 'ANY'),
    constraint promotion_directions_ck check (both_directions in (0, 1)),
    constraint promotion_carrier_ck check (carrier_code is null or regexp_like(carrier_code, '^[A-Z0-9]{2}$', 'c')),
    constraint promotion_airports_ck check (
        (origin_airport is null or regexp_like(origin_airport, '^[A-Z]{3}$', 'c'))
        and (destination_airport is null or regexp_like(destination_airport, '^[A-Z]{3}$', 'c'))),
    constraint promotion_classes_ck check (booking_classes is null or regexp_like(booking_classes, '^[A-Z]{1,26}$', 'c')),
    constraint promotion_region_ck check (region is null or region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint promotion_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint promotion_cap_ck check (max_bonus_per_member is null or max_bonus_per_member > 0)
);
create index promotion_window_idx on promotion (effective_from, effective_to);

-- ---------------------------------------------------------------------------------------------------
-- default program (Lotusmiles model, DESIGN.md section 3); see the PostgreSQL script for how DESIGN.md's
-- earn chart was read, the segment factors and the minimum miles per segment

insert into flight_earn_model (carrier_code, effective_from, model) values ('VN', date '2000-01-01', 'DISTANCE');
-- international
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'J', 'INTERNATIONAL', date '2000-01-01', 2.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'C', 'INTERNATIONAL', date '2000-01-01', 2.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'D', 'INTERNATIONAL', date '2000-01-01', 1.50, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'W', 'INTERNATIONAL', date '2000-01-01', 1.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'Z', 'INTERNATIONAL', date '2000-01-01', 1.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'Y', 'INTERNATIONAL', date '2000-01-01', 1.10, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'B', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'M', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'S', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'H', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'K', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'L', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'Q', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'N', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'R', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'T', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'P', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'E', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'A', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00);
-- domestic
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'J', 'DOMESTIC', date '2000-01-01', 2.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'C', 'DOMESTIC', date '2000-01-01', 2.00, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'D', 'DOMESTIC', date '2000-01-01', 1.50, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'Y', 'DOMESTIC', date '2000-01-01', 1.10, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'M', 'DOMESTIC', date '2000-01-01', 1.10, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'K', 'DOMESTIC', date '2000-01-01', 1.10, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'L', 'DOMESTIC', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'Q', 'DOMESTIC', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'B', 'DOMESTIC', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'S', 'DOMESTIC', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'H', 'DOMESTIC', date '2000-01-01', 0.75, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'N', 'DOMESTIC', date '2000-01-01', 0.50, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'R', 'DOMESTIC', date '2000-01-01', 0.50, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'T', 'DOMESTIC', date '2000-01-01', 0.50, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'E', 'DOMESTIC', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor) values ('VN', 'A', 'DOMESTIC', date '2000-01-01', 0.25, 1.00);
insert into flight_earn_minimum (carrier_code, region, effective_from, minimum_miles) values ('VN', 'INTERNATIONAL', date '2000-01-01', 500);
insert into flight_earn_minimum (carrier_code, region, effective_from, minimum_miles) values ('VN', 'DOMESTIC', date '2000-01-01', 250);
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit) values ('VN', 'MEMBER', 'USD', date '2000-01-01', 5.00);
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit) values ('VN', 'TITANIUM', 'USD', date '2000-01-01', 7.00);
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit) values ('VN', 'GOLD', 'USD', date '2000-01-01', 8.00);
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit) values ('VN', 'PLATINUM', 'USD', date '2000-01-01', 11.00);
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit) values ('VN', 'MILLION_MILER', 'USD', date '2000-01-01', 11.00);
insert into partner (code, name, kind) values ('DEMO_HOTEL', 'Demo Riverside Hotels', 'HOTEL');
insert into partner (code, name, kind) values ('DEMO_CAR', 'Demo Car Rental', 'CAR');
insert into partner (code, name, kind) values ('DEMO_BANK', 'Demo Lotus Bank Visa card', 'BANK');
insert into partner (code, name, kind) values ('DEMO_RETAIL', 'Demo Saigon Shopping Mall', 'RETAIL');
insert into partner_mile_price (partner_code, effective_from, price_per_mile, currency) values ('DEMO_HOTEL', date '2000-01-01', 0.012000, 'USD');
insert into partner_mile_price (partner_code, effective_from, price_per_mile, currency) values ('DEMO_CAR', date '2000-01-01', 0.012000, 'USD');
insert into partner_mile_price (partner_code, effective_from, price_per_mile, currency) values ('DEMO_BANK', date '2000-01-01', 270.000000, 'VND');
insert into partner_mile_price (partner_code, effective_from, price_per_mile, currency) values ('DEMO_RETAIL', date '2000-01-01', 280.000000, 'VND');
insert into partner_earn_rule (partner_code, basis, effective_from, miles, per_quantity, currency, max_miles_per_record) values ('DEMO_HOTEL', 'STAY_NIGHT', date '2000-01-01', 500, 1.00, null, 15000);  -- 500 per night, 30 nights max
insert into partner_earn_rule (partner_code, basis, effective_from, miles, per_quantity, currency, max_miles_per_record) values ('DEMO_CAR', 'RENTAL_DAY', date '2000-01-01', 300, 1.00, null, 9000);  -- 300 per day, 30 days max
insert into partner_earn_rule (partner_code, basis, effective_from, miles, per_quantity, currency, max_miles_per_record) values ('DEMO_BANK', 'SPEND', date '2000-01-01', 1, 20000.00, 'VND', null);  -- 1 per 20,000 VND
insert into partner_earn_rule (partner_code, basis, effective_from, miles, per_quantity, currency, max_miles_per_record) values ('DEMO_RETAIL', 'SPEND', date '2000-01-01', 1, 25000.00, 'VND', 10000);  -- 1 per 25,000 VND
