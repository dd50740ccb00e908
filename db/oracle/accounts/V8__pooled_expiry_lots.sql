-- Oracle dialect of db/postgresql/accounts/V6__pooled_expiry_lots.sql. UNTESTED against Oracle.
-- Only the part the ledger's semantics need: policy-dated credits share one lot per (member, expiry
-- date), marked by a null entry_id, unique through a function-based index (Oracle does not index
-- all-NULL keys, so lots tied to an entry are left out, like PostgreSQL's partial index). The
-- PostgreSQL-only trims (index shapes for HOT updates, fillfactor, the dropped foreign key of
-- ledger_entry.member_id) are not repeated here, as with accrual V9 and V10.
alter table expiry_lot modify (entry_id null);
create unique index expiry_lot_pool_uk on expiry_lot (
    case when entry_id is null then member_id end,
    case when entry_id is null then expires_on end);
