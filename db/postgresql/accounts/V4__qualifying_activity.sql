-- Tier-qualifying activity carried by a ledger entry, apart from its redeemable miles: a flown segment's
-- qualifying miles and qualifying flights (segment factor). Credits carry positive values, the reversal
-- of a credit the negated values; every other entry carries zero. The tiers module sums them.
alter table ledger_entry add column qualifying_miles bigint not null default 0;
alter table ledger_entry add column qualifying_flights numeric(6,2) not null default 0;
alter table ledger_entry add constraint ledger_entry_qualifying_ck check (
    (qualifying_miles = 0 and qualifying_flights = 0)
    or (entry_type = 'CREDIT' and qualifying_miles >= 0 and qualifying_flights >= 0)
    or (entry_type = 'REVERSAL' and qualifying_miles <= 0 and qualifying_flights <= 0));
