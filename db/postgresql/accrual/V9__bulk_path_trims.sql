-- Bulk-path trims for the file feeds (ADR 0014). Every partner record and flown coupon is one row
-- written by a chunk insert of thousands; per-row foreign-key checks and index entries no query
-- needs are a large share of that insert's cost (measured with pg_stat_statements, bench/README.md).
--
-- 1. Foreign keys whose parents are written once per file by the same code path and never deleted:
--    partner_activity.partner_code -> partner (the file's own row, inbound_file, keeps its foreign
--    key to partner: a record's partner is its file's partner), partner_activity.file_id and
--    flown_coupon.file_id -> inbound_file (the id comes from registering the file in the same
--    process; inbound_file rows are never deleted). Each check was a SELECT ... FOR KEY SHARE per row.
--    The ledger (accounts schema) keeps all of its foreign keys.
alter table partner_activity drop constraint partner_activity_partner_code_fkey;
alter table partner_activity drop constraint partner_activity_file_id_fkey;
alter table flown_coupon drop constraint flown_coupon_file_id_fkey;

-- 2. partner_activity_member_idx indexed every record by member number; its only reader is the
--    look-up of a member's PARKED records at enrollment. A partial index serves that query and is
--    not written for credited records.
drop index partner_activity_member_idx;
create index partner_activity_parked_member_idx on partner_activity (member_number)
    where status = 'PARKED';
