-- tiers: the status each member holds. One row per member: the tier, since when, until when (inclusive;
-- null = until further notice, e.g. lifetime). No row = the base tier. Qualification counters, history
-- and overrides come with the tiers capability (issue 5); accrual reads this table through MemberTiers.
create table member_tier (
    member_number varchar(10) primary key,
    tier_code     varchar(13) not null,
    since         date        not null,
    valid_until   date,
    constraint member_tier_code_ck check (tier_code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint member_tier_dates_ck check (valid_until is null or valid_until >= since)
);
