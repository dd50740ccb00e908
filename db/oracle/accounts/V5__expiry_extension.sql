-- Oracle dialect of db/postgresql/accounts/V5__expiry_extension.sql. UNTESTED against Oracle.
alter table ledger_entry drop constraint ledger_entry_type_ck;
alter table ledger_entry add constraint ledger_entry_type_ck check (entry_type in
    ('CREDIT', 'DEBIT', 'ADJUSTMENT', 'REVERSAL', 'REDEPOSIT', 'EXPIRY',
     'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'HOLD_EXPIRY', 'EXTENSION'));
alter table ledger_entry add constraint ledger_entry_extension_ck check (
    entry_type <> 'EXTENSION' or (amount = 0 and held_delta = 0));
