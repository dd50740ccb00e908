-- Oracle dialect of db/postgresql/tiers/V6__qualifying_spend.sql. UNTESTED against Oracle.
alter table tier_definition add (qs_threshold number(14,2));
alter table tier_definition add constraint tier_definition_qs_ck check (
    qs_threshold is null or (qs_threshold >= 0 and lifetime = 0));
alter table tier_program add (spend_currency char(3));
alter table tier_program add constraint tier_program_currency_ck check (
    spend_currency is null or regexp_like(spend_currency, '^[A-Z]{3}$'));
alter table qualifying_month add (qualifying_spend number(14,2) default 0 not null);
