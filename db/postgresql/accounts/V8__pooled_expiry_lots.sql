-- Bulk-path trims of the ledger's own rows (ADR 0017). Measured with bench/ingest: for every credited
-- file record the ledger wrote an expiry lot (a heap row, three index entries, two foreign-key
-- probes) next to its entry, and every entry probed and key-share locked its member row.
--
-- 1. Policy-dated credits add to one lot per (member, expiry date) instead of one lot per entry: an
--    upsert that, once the lot exists, is a heap-only (HOT) update writing no index entry. Lots whose
--    expiry date the poster chose (a redeposit keeping its original expiry, ADR 0012) and lots made
--    by an extension keep pointing at their entry (entry_id not null) and are never pooled.
--    Consumption stays oldest-expiry-first (expires_on, id), so FIFO, the expiry job, extensions and
--    sum(remaining) = balance are unchanged.
alter table expiry_lot alter column entry_id drop not null;
create unique index expiry_lot_pool_uk on expiry_lot (member_id, expires_on) where entry_id is null;

-- 2. A HOT update needs room on the page and no index that depends on the changed columns: the two
--    partial indexes on "remaining > 0" made every consumption and top-up a non-HOT update with new
--    index entries. Pooling bounds the consumed lots kept in the indexes to one per member and month.
drop index expiry_lot_open_idx;
drop index expiry_lot_due_idx;
create index expiry_lot_member_idx on expiry_lot (member_id, expires_on, id);
create index expiry_lot_expires_idx on expiry_lot (expires_on);
alter table expiry_lot set (fillfactor = 50);

-- 3. ledger_entry.member_id -> member: every entry is written by the ledger for an account row it has
--    locked FOR UPDATE in the same transaction, and account.member_id references member, so the
--    member exists and cannot go away before commit (members are never deleted; closing is a status).
--    The probe was a SELECT ... FOR KEY SHARE on the member row per entry. account keeps its key.
alter table ledger_entry drop constraint ledger_entry_member_id_fkey;
