-- Program administration of promotions (issue 20, ADR 0045, "Promotions").
--
-- A promotion keeps its code for life: the awards and each member's running total name it, and a cap
-- holds over the whole promotion. Its terms (name, bonus, scope, window, cap, registration) are now
-- effective-dated versions like every other rule: a change adds a row for the same code from a date
-- (version_from) and never rewrites one, so every bonus already awarded keeps the terms it used. For an
-- activity date d, the version of a code that applies is the one with the greatest version_from <= d;
-- it gives a bonus only if d is also inside that version's window [effective_from, effective_to).
-- The codes themselves move to promotion_code, which the awards and the totals now reference.
create table promotion_code (
    code       varchar(30) primary key,
    created_at timestamptz not null default now(),
    constraint promotion_code_code_ck check (code ~ '^[A-Z0-9_]{2,30}$')
);
insert into promotion_code (code) select code from promotion;

alter table promotion_award drop constraint promotion_award_promotion_code_fkey;
alter table promotion_award add constraint promotion_award_code_fk
    foreign key (promotion_code) references promotion_code (code);
alter table promotion_member_total drop constraint promotion_member_total_promotion_code_fkey;
alter table promotion_member_total add constraint promotion_member_total_code_fk
    foreign key (promotion_code) references promotion_code (code);

alter table promotion drop constraint promotion_code_uk;
alter table promotion add column version_from date;
update promotion set version_from = effective_from;
alter table promotion alter column version_from set not null;
alter table promotion add constraint promotion_version_uk unique (code, version_from);
alter table promotion add constraint promotion_code_fk foreign key (code) references promotion_code (code);
-- a promotion that pays only members who registered for it on or before the activity date
alter table promotion add column registration_required boolean not null default false;
-- the approved change request that wrote the version (program.change_request.id); null when seeded
alter table promotion add column change_id bigint;

-- who registered for a promotion that asks for it, when (a date in the airline's zone) and who
-- recorded it (the authenticated principal: the member's agent or a booking site's client)
create table promotion_registration (
    promotion_code varchar(30)  not null references promotion_code (code),
    member_number  varchar(10)  not null,
    registered_on  date         not null,
    registered_at  timestamptz  not null default now(),
    registered_by  varchar(100) not null,
    constraint promotion_registration_pk primary key (promotion_code, member_number)
);
