-- Qualifying spend carried by a ledger entry (ADR 0020): a flown coupon's base fare converted to the tier
-- program's spend currency, next to its qualifying miles and flights. Credits carry it positive, the
-- reversal of a credit negated, every other entry zero. A constant default: adding the column rewrites
-- nothing, and a bulk insert that leaves it out (partner credits, redemptions) pays nothing for it.
alter table ledger_entry add column qualifying_spend numeric(14,2) not null default 0;
alter table ledger_entry drop constraint ledger_entry_qualifying_ck;
alter table ledger_entry add constraint ledger_entry_qualifying_ck check (
    (qualifying_miles = 0 and qualifying_flights = 0 and qualifying_spend = 0)
    or (entry_type = 'CREDIT' and qualifying_miles >= 0 and qualifying_flights >= 0
        and qualifying_spend >= 0)
    or (entry_type = 'REVERSAL' and qualifying_miles <= 0 and qualifying_flights <= 0
        and qualifying_spend <= 0)) not valid;
-- the rows already there carry no spend: validating reads them once, without blocking writes
alter table ledger_entry validate constraint ledger_entry_qualifying_ck;
