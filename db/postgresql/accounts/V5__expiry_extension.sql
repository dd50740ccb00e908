-- A paid extension of expiring miles is recorded as an EXTENSION entry of zero miles (balance and held
-- unchanged); the miles move from their lots to new lots, referencing that entry, with a later expiry.
alter table ledger_entry drop constraint ledger_entry_type_ck;
alter table ledger_entry add constraint ledger_entry_type_ck check (entry_type in
    ('CREDIT', 'DEBIT', 'ADJUSTMENT', 'REVERSAL', 'REDEPOSIT', 'EXPIRY',
     'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'HOLD_EXPIRY', 'EXTENSION'));
alter table ledger_entry add constraint ledger_entry_extension_ck check (
    entry_type <> 'EXTENSION' or (amount = 0 and held_delta = 0));
