-- What promotions have awarded (V1 has the promotion rules themselves).
--
-- promotion_award: one row per promotion bonus posted to the ledger, keyed by the bonus entry's
-- ledger source reference (<base reference>:PR:<promotion code>). A replayed posting has the same
-- reference, so recording it again inserts nothing.
-- promotion_member_total: per promotion and member, the bonus miles awarded so far, for
-- max_bonus_per_member. It only grows by award rows actually inserted (one statement does both), so
-- it equals the sum of the member's award rows of that promotion. Its row is also the lock that
-- serialises two transactions crediting the same member under the same capped promotion.
create table promotion_award (
    ledger_ref     varchar(120) primary key,
    promotion_code varchar(30)  not null references promotion (code),
    member_number  varchar(10)  not null,
    miles          bigint       not null,
    awarded_at     timestamptz  not null default now(),
    constraint promotion_award_miles_ck check (miles > 0)
);
create index promotion_award_member_idx on promotion_award (promotion_code, member_number);

create table promotion_member_total (
    promotion_code varchar(30) not null references promotion (code),
    member_number  varchar(10) not null,
    awarded        bigint      not null default 0,
    constraint promotion_member_total_pk primary key (promotion_code, member_number),
    constraint promotion_member_total_awarded_ck check (awarded >= 0)
);
