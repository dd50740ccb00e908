-- accrual: earning rules (flights, partners, promotions) and the seeded default program.
-- Owned by the accrual module. Tier codes and carrier codes are plain values here: there are no
-- foreign keys into other modules' schemas.
--
-- Effective dating, as in every rule table: for a rule key and a date d (the activity date), the row that
-- applies is the one with the greatest effective_from <= d; it applies only if its effective_to is null or
-- d < effective_to (effective_to is exclusive). To change a rule, insert a new row with a later
-- effective_from; set effective_to only to end a rule without a successor.

-- which flight earning model a carrier's flights use: distance x booking-class factor, or revenue-based
create table flight_earn_model (
    carrier_code   char(2)     not null,
    effective_from date        not null,
    effective_to   date,
    model          varchar(8)  not null,
    constraint flight_earn_model_pk primary key (carrier_code, effective_from),
    constraint flight_earn_model_carrier_ck check (carrier_code ~ '^[A-Z0-9]{2}$'),
    constraint flight_earn_model_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_model_model_ck check (model in ('DISTANCE', 'REVENUE'))
);

-- distance model: base miles = round half up (distance in miles x earn_factor), at least the region's
-- minimum. Base miles are also the qualifying miles; the tier bonus is computed on them afterwards.
-- region: DOMESTIC when origin and destination airport are in the same country, else INTERNATIONAL.
-- A class without a row for the region does not earn (the record is rejected with a reason code).
create table flight_earn_factor (
    carrier_code   char(2)      not null,
    booking_class  char(1)      not null,
    region         varchar(13)  not null,
    effective_from date         not null,
    effective_to   date,
    earn_factor    numeric(4,2) not null,  -- 1.10 = 110 % of the distance
    segment_factor numeric(3,2) not null,  -- how much of a qualifying flight the segment counts for
    constraint flight_earn_factor_pk primary key (carrier_code, booking_class, region, effective_from),
    constraint flight_earn_factor_carrier_ck check (carrier_code ~ '^[A-Z0-9]{2}$'),
    constraint flight_earn_factor_class_ck check (booking_class ~ '^[A-Z]$'),
    constraint flight_earn_factor_region_ck check (region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint flight_earn_factor_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_factor_earn_ck check (earn_factor > 0 and earn_factor <= 5),
    constraint flight_earn_factor_segment_ck check (segment_factor between 0 and 2)
);

create table flight_earn_minimum (
    carrier_code   char(2)     not null,
    region         varchar(13) not null,
    effective_from date        not null,
    effective_to   date,
    minimum_miles  integer     not null,  -- floor on base miles per flown segment
    constraint flight_earn_minimum_pk primary key (carrier_code, region, effective_from),
    constraint flight_earn_minimum_carrier_ck check (carrier_code ~ '^[A-Z0-9]{2}$'),
    constraint flight_earn_minimum_region_ck check (region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint flight_earn_minimum_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint flight_earn_minimum_miles_ck check (minimum_miles between 0 and 10000)
);

-- revenue model: miles = round half up (base fare in the rate's currency x miles_per_unit of the member's
-- tier). The rate already contains the tier's advantage, so no separate flight tier bonus is added; the
-- MEMBER rate's share is qualifying, the rest is posted as non-qualifying tier bonus.
create table revenue_earn_rate (
    carrier_code   char(2)      not null,
    tier_code      varchar(13)  not null,
    currency       char(3)      not null,
    effective_from date         not null,
    effective_to   date,
    miles_per_unit numeric(6,2) not null,
    constraint revenue_earn_rate_pk primary key (carrier_code, tier_code, currency, effective_from),
    constraint revenue_earn_rate_carrier_ck check (carrier_code ~ '^[A-Z0-9]{2}$'),
    constraint revenue_earn_rate_tier_ck check (tier_code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint revenue_earn_rate_currency_ck check (currency ~ '^[A-Z]{3}$'),
    constraint revenue_earn_rate_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint revenue_earn_rate_rate_ck check (miles_per_unit > 0)
);

-- partners: master data. The code also names the partner's file folders, hence the narrow alphabet.
create table partner (
    code   varchar(20)  primary key,
    name   varchar(100) not null,
    kind   varchar(7)   not null,
    active boolean      not null default true,
    constraint partner_code_ck check (code ~ '^[A-Z0-9_]{2,20}$'),
    constraint partner_kind_ck check (kind in ('HOTEL', 'CAR', 'BANK', 'AIRLINE', 'RETAIL'))
);

-- what a partner pays per mile it issues; settlement prices each activity at the row in force on its
-- activity date
create table partner_mile_price (
    partner_code   varchar(20)   not null references partner (code),
    effective_from date          not null,
    effective_to   date,
    price_per_mile numeric(12,6) not null,
    currency       char(3)       not null,
    constraint partner_mile_price_pk primary key (partner_code, effective_from),
    constraint partner_mile_price_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint partner_mile_price_price_ck check (price_per_mile > 0),
    constraint partner_mile_price_currency_ck check (currency ~ '^[A-Z]{3}$')
);

-- partner earn rules: miles = floor(quantity x miles / per_quantity), capped by max_miles_per_record.
-- STAY_NIGHT and RENTAL_DAY count nights/days; SPEND counts money in the rule's currency (a record in
-- another currency is rejected, not converted).
create table partner_earn_rule (
    partner_code         varchar(20)   not null references partner (code),
    basis                varchar(10)   not null,
    effective_from       date          not null,
    effective_to         date,
    miles                integer       not null,
    per_quantity         numeric(18,2) not null,
    currency             char(3),
    max_miles_per_record integer,
    constraint partner_earn_rule_pk primary key (partner_code, basis, effective_from),
    constraint partner_earn_rule_basis_ck check (basis in ('STAY_NIGHT', 'RENTAL_DAY', 'SPEND')),
    constraint partner_earn_rule_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint partner_earn_rule_miles_ck check (miles > 0 and per_quantity > 0),
    constraint partner_earn_rule_currency_ck check (
        (basis = 'SPEND' and currency is not null and currency ~ '^[A-Z]{3}$')
        or (basis <> 'SPEND' and currency is null)),
    constraint partner_earn_rule_max_ck check (max_miles_per_record is null or max_miles_per_record > 0)
);

-- promotions: bonus miles on top of base miles, posted as separate (non-qualifying) bonus entries.
-- The effective range is the activity-date window of the promotion (effective_to exclusive).
-- MULTIPLIER: bonus = round half up (base miles x (multiplier - 1)), so 2.00 = double miles.
-- FIXED_BONUS: bonus_miles per qualifying record (per flown segment, per partner record).
-- Scope: every non-null scope column must match; all null = every activity of applies_to.
create table promotion (
    id                  bigint generated by default as identity primary key,
    code                varchar(30)  not null,
    name                varchar(100) not null,
    kind                varchar(11)  not null,
    multiplier          numeric(5,2),
    bonus_miles         integer,
    applies_to          varchar(7)   not null,
    partner_code        varchar(20)  references partner (code),
    carrier_code        char(2),
    origin_airport      char(3),
    destination_airport char(3),
    both_directions     boolean      not null default true,
    booking_classes     varchar(26),  -- e.g. 'JCD'; null = all classes
    region              varchar(13),
    effective_from      date         not null,
    effective_to        date,
    max_bonus_per_member integer,     -- cap over the whole promotion; null = no cap
    created_at          timestamptz  not null default now(),
    constraint promotion_code_uk unique (code),
    constraint promotion_code_ck check (code ~ '^[A-Z0-9_]{2,30}$'),
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
    constraint promotion_carrier_ck check (carrier_code is null or carrier_code ~ '^[A-Z0-9]{2}$'),
    constraint promotion_airports_ck check (
        (origin_airport is null or origin_airport ~ '^[A-Z]{3}$')
        and (destination_airport is null or destination_airport ~ '^[A-Z]{3}$')),
    constraint promotion_classes_ck check (booking_classes is null or booking_classes ~ '^[A-Z]{1,26}$'),
    constraint promotion_region_ck check (region is null or region in ('DOMESTIC', 'INTERNATIONAL')),
    constraint promotion_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint promotion_cap_ck check (max_bonus_per_member is null or max_bonus_per_member > 0)
);
create index promotion_window_idx on promotion (effective_from, effective_to);

-- ---------------------------------------------------------------------------------------------------
-- default program (Lotusmiles model, DESIGN.md section 3)

insert into flight_earn_model (carrier_code, effective_from, model) values ('VN', date '2000-01-01', 'DISTANCE');

-- DESIGN.md gives the chart as "international / domestic" per group of classes, with the classes that
-- take the domestic value in parentheses when they differ from the group:
--   J,C 2.00 / 2.00; D 1.50 / 1.50; W,Z 1.25 / -; Y 1.10 / 1.10 (Y,M,K domestic);
--   B,M,S 1.00 / 0.75 (L,Q,B,S,H domestic); H,K,L,Q 0.75 / -; N,R,T,P 0.25 / 0.50 (N,R,T domestic);
--   E,A 0.25 (no upgrade awards)
-- Read as: the left value is the international factor of the group's classes; the right value is the
-- domestic factor of the classes in parentheses. "-" means the group has no domestic value of its own.
-- That gives every class at most one factor per region, with no conflicts:
--   W, Z and P: international only (no domestic row, so they do not earn on domestic flights);
--   M and K earn 1.10 domestic; B, S, L, Q, H earn 0.75 domestic; N, R, T earn 0.50 domestic.
-- E,A has a single value: taken as 0.25 in both regions.
-- "No upgrade awards" for E and A is a redemption rule: redemption.upgrade_ineligible_class.
-- Segment factor: DESIGN.md gives no values; every earning class counts as one qualifying flight (1.00).
-- Set it to 0 to stop a class counting, or 0.5 to count half.
insert into flight_earn_factor (carrier_code, booking_class, region, effective_from, earn_factor, segment_factor)
values
    -- international
    ('VN', 'J', 'INTERNATIONAL', date '2000-01-01', 2.00, 1.00),
    ('VN', 'C', 'INTERNATIONAL', date '2000-01-01', 2.00, 1.00),
    ('VN', 'D', 'INTERNATIONAL', date '2000-01-01', 1.50, 1.00),
    ('VN', 'W', 'INTERNATIONAL', date '2000-01-01', 1.25, 1.00),
    ('VN', 'Z', 'INTERNATIONAL', date '2000-01-01', 1.25, 1.00),
    ('VN', 'Y', 'INTERNATIONAL', date '2000-01-01', 1.10, 1.00),
    ('VN', 'B', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00),
    ('VN', 'M', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00),
    ('VN', 'S', 'INTERNATIONAL', date '2000-01-01', 1.00, 1.00),
    ('VN', 'H', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00),
    ('VN', 'K', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00),
    ('VN', 'L', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00),
    ('VN', 'Q', 'INTERNATIONAL', date '2000-01-01', 0.75, 1.00),
    ('VN', 'N', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    ('VN', 'R', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    ('VN', 'T', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    ('VN', 'P', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    ('VN', 'E', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    ('VN', 'A', 'INTERNATIONAL', date '2000-01-01', 0.25, 1.00),
    -- domestic
    ('VN', 'J', 'DOMESTIC',      date '2000-01-01', 2.00, 1.00),
    ('VN', 'C', 'DOMESTIC',      date '2000-01-01', 2.00, 1.00),
    ('VN', 'D', 'DOMESTIC',      date '2000-01-01', 1.50, 1.00),
    ('VN', 'Y', 'DOMESTIC',      date '2000-01-01', 1.10, 1.00),
    ('VN', 'M', 'DOMESTIC',      date '2000-01-01', 1.10, 1.00),
    ('VN', 'K', 'DOMESTIC',      date '2000-01-01', 1.10, 1.00),
    ('VN', 'L', 'DOMESTIC',      date '2000-01-01', 0.75, 1.00),
    ('VN', 'Q', 'DOMESTIC',      date '2000-01-01', 0.75, 1.00),
    ('VN', 'B', 'DOMESTIC',      date '2000-01-01', 0.75, 1.00),
    ('VN', 'S', 'DOMESTIC',      date '2000-01-01', 0.75, 1.00),
    ('VN', 'H', 'DOMESTIC',      date '2000-01-01', 0.75, 1.00),
    ('VN', 'N', 'DOMESTIC',      date '2000-01-01', 0.50, 1.00),
    ('VN', 'R', 'DOMESTIC',      date '2000-01-01', 0.50, 1.00),
    ('VN', 'T', 'DOMESTIC',      date '2000-01-01', 0.50, 1.00),
    ('VN', 'E', 'DOMESTIC',      date '2000-01-01', 0.25, 1.00),
    ('VN', 'A', 'DOMESTIC',      date '2000-01-01', 0.25, 1.00);

-- DESIGN.md asks for "a minimum per segment" without a number. 500 international is the classic
-- airline minimum; domestic 250 so that the 0.50 and 0.75 factors still mean something on the main
-- domestic routes (HAN-SGN is about 720 miles) while very short hops (SGN-PQC, about 186 miles) earn 250.
insert into flight_earn_minimum (carrier_code, region, effective_from, minimum_miles)
values
    ('VN', 'INTERNATIONAL', date '2000-01-01', 500),
    ('VN', 'DOMESTIC',      date '2000-01-01', 250);

-- revenue-based alternative (AAdvantage style), miles per USD of base fare; Million Miler earns as Platinum.
-- Only used for a carrier whose flight_earn_model row says REVENUE (none by default).
insert into revenue_earn_rate (carrier_code, tier_code, currency, effective_from, miles_per_unit)
values
    ('VN', 'MEMBER',        'USD', date '2000-01-01',  5.00),
    ('VN', 'TITANIUM',      'USD', date '2000-01-01',  7.00),
    ('VN', 'GOLD',          'USD', date '2000-01-01',  8.00),
    ('VN', 'PLATINUM',      'USD', date '2000-01-01', 11.00),
    ('VN', 'MILLION_MILER', 'USD', date '2000-01-01', 11.00);

-- demo partners (fictitious names) so that files, settlement and tests have real numbers
insert into partner (code, name, kind)
values
    ('DEMO_HOTEL',  'Demo Riverside Hotels',     'HOTEL'),
    ('DEMO_CAR',    'Demo Car Rental',           'CAR'),
    ('DEMO_BANK',   'Demo Lotus Bank Visa card', 'BANK'),
    ('DEMO_RETAIL', 'Demo Saigon Shopping Mall', 'RETAIL');

insert into partner_mile_price (partner_code, effective_from, price_per_mile, currency)
values
    ('DEMO_HOTEL',  date '2000-01-01',   0.012000, 'USD'),
    ('DEMO_CAR',    date '2000-01-01',   0.012000, 'USD'),
    ('DEMO_BANK',   date '2000-01-01', 270.000000, 'VND'),
    ('DEMO_RETAIL', date '2000-01-01', 280.000000, 'VND');

insert into partner_earn_rule (partner_code, basis, effective_from, miles, per_quantity, currency,
                               max_miles_per_record)
values
    ('DEMO_HOTEL',  'STAY_NIGHT', date '2000-01-01', 500,     1.00, null,  15000),  -- 500 per night, 30 nights max
    ('DEMO_CAR',    'RENTAL_DAY', date '2000-01-01', 300,     1.00, null,   9000),  -- 300 per day, 30 days max
    ('DEMO_BANK',   'SPEND',      date '2000-01-01',   1, 20000.00, 'VND',  null),  -- 1 per 20,000 VND
    ('DEMO_RETAIL', 'SPEND',      date '2000-01-01',   1, 25000.00, 'VND', 10000);  -- 1 per 25,000 VND
