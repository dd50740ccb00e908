-- Oracle dialect of db/postgresql/tiers/V2__member_tier.sql. UNTESTED against Oracle.
create table member_tier (
    member_number varchar2(10 char) primary key,
    tier_code     varchar2(13 char) not null,
    since         date              not null,
    valid_until   date,
    constraint member_tier_code_ck check (tier_code in
        ('MEMBER', 'TITANIUM', 'GOLD', 'PLATINUM', 'MILLION_MILER')),
    constraint member_tier_dates_ck check (valid_until is null or valid_until >= since)
);
