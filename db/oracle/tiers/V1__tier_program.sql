-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/tiers/V1__tier_program.sql (keep the two in step; the comments
-- there explain the rules). Differences: number(19)/number(10) for bigint/integer, number(1) check (0, 1)
-- for boolean, varchar2(n char), DEFAULT before NOT NULL, one INSERT per row (19c has no multi-row VALUES).
--
-- tiers: the tier program (definitions and qualification rules). Owned by the tiers module.
-- Per-member state (qualification counters, current status, status history, overrides) comes in a later
-- migration together with the code that writes it.
--
-- Effective dating, the same in every rule table of every module: for a rule key and a date d, the row
-- that applies is the one with the greatest effective_from <= d; it applies only if its effective_to is
-- null or d < effective_to (effective_to is exclusive). To change a rule, insert a new row with a later
-- effective_from; set effective_to only to end a rule without a successor.

-- program-wide qualification rules
create table tier_program (
    effective_from       date              primary key,
    effective_to         date,
    qualification_period varchar2(17 char) not null,
    upgrade_immediately  number(1)         not null,
    review_drop_tiers    number(10)        not null,  -- 1 = soft landing: a missed requirement costs one tier
    validity_periods     number(10)        not null,  -- status earned in a period holds to the end of the next one
    constraint tier_program_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint tier_program_period_ck check (qualification_period in ('ROLLING_12_MONTHS', 'CALENDAR_YEAR')),
    constraint tier_program_upgrade_ck check (upgrade_immediately in (0, 1)),
    constraint tier_program_drop_ck check (review_drop_tiers between 1 and 4),
    constraint tier_program_validity_ck check (validity_periods between 0 and 2)
);

-- one row per tier and version; thresholds are reached with qualifying miles OR qualifying flights
-- within the period, or (lifetime tiers) with lifetime qualifying miles
create table tier_definition (
    code                  varchar2(13 char) not null,
    effective_from        date              not null,
    effective_to          date,
    tier_rank             number(10)        not null,  -- 0 = base tier; a review moves down by rank
    name                  varchar2(40 char) not null,
    qm_threshold          number(19),                  -- qualifying miles in the period
    qf_threshold          number(10),                  -- qualifying flights (sum of segment factors) in the period
    lifetime_qm_threshold number(19),                  -- lifetime qualifying miles (lifetime tiers only)
    lifetime              number(1)         default 0 not null,  -- never reviewed down once reached
    flight_bonus_pct      number(10)        not null,  -- non-qualifying bonus on base flight miles
    constraint tier_definition_pk primary key (code, effective_from),
    constraint tier_definition_rank_uk unique (effective_from, tier_rank),
    constraint tier_definition_code_ck check (code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint tier_definition_dates_ck check (effective_to is null or effective_to > effective_from),
    constraint tier_definition_rank_ck check (tier_rank between 0 and 9),
    constraint tier_definition_qm_ck check (qm_threshold is null or qm_threshold >= 0),
    constraint tier_definition_qf_ck check (qf_threshold is null or qf_threshold >= 0),
    constraint tier_definition_lifetime_qm_ck check (lifetime_qm_threshold is null or lifetime_qm_threshold > 0),
    -- a periodic tier has both period thresholds; a lifetime tier has the lifetime threshold instead
    constraint tier_definition_kind_ck check (
        (lifetime = 0 and qm_threshold is not null and qf_threshold is not null
            and lifetime_qm_threshold is null)
        or (lifetime = 1 and lifetime_qm_threshold is not null)),
    constraint tier_definition_bonus_ck check (flight_bonus_pct between 0 and 500)
);

-- default program (Lotusmiles model, DESIGN.md section 3). Rolling 12 months: the review of a member looks
-- at the 12 months before their review date.
insert into tier_program (effective_from, qualification_period, upgrade_immediately, review_drop_tiers, validity_periods) values (date '2000-01-01', 'ROLLING_12_MONTHS', 1, 1, 1);
insert into tier_definition (code, effective_from, tier_rank, name, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct) values ('MEMBER', date '2000-01-01', 0, 'Member', 0, 0, null, 0, 0);
insert into tier_definition (code, effective_from, tier_rank, name, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct) values ('TITANIUM', date '2000-01-01', 1, 'Titanium', 15000, 18, null, 0, 25);
insert into tier_definition (code, effective_from, tier_rank, name, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct) values ('GOLD', date '2000-01-01', 2, 'Gold', 30000, 27, null, 0, 50);
insert into tier_definition (code, effective_from, tier_rank, name, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct) values ('PLATINUM', date '2000-01-01', 3, 'Platinum', 50000, 45, null, 0, 100);
-- lifetime Platinum: ranked above Platinum so a review never lowers it
insert into tier_definition (code, effective_from, tier_rank, name, qm_threshold, qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct) values ('MILLION_MILER', date '2000-01-01', 4, 'Million Miler', null, null, 1000000, 1, 100);
