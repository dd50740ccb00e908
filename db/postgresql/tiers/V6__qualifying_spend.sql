-- tiers: qualifying spend as an optional third criterion (ADR 0015).
--
-- A periodic tier may also be reached with qualifying spend in the period: qs_threshold, in the program's
-- spend currency (tier_program.spend_currency, ISO 4217). Null threshold = spend is no criterion for that
-- tier (the seeded program has none). A program version with any spend threshold needs a currency
-- (checked when the program is read: the two live in different tables).
alter table tier_definition add column qs_threshold numeric(14,2);
alter table tier_definition add constraint tier_definition_qs_ck check (
    qs_threshold is null or (qs_threshold >= 0 and lifetime = false));
alter table tier_program add column spend_currency char(3);
alter table tier_program add constraint tier_program_currency_ck check (
    spend_currency is null or spend_currency ~ '^[A-Z]{3}$');

-- the counters per member and month gain the spend; nothing feeds it yet: accounts' Qualifying and
-- the ledger entry carry miles and flights only (ADR 0015 lists what the feed needs)
alter table qualifying_month add column qualifying_spend numeric(14,2) not null default 0;
