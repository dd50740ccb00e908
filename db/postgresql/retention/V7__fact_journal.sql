-- The facts' journal (ADR 0041). A crediting chunk of a bulk file used to update three keyed tables
-- for every member it touched (member_day, member_fact, member_partner_category): one random page
-- of a large primary key per row, 14-24 us a record, a fifth to a third of the path. It now
-- appends its deltas here, in the same transaction: a heap without an index, written in order,
-- 1-3 us a record. The folder (FactsFolder) moves committed rows into the keyed tables later,
-- in pages, when the feeds are idle, with the very statements the chunks used to run; readers of
-- one member add the member's rows here to the kept facts, set-based readers (scoring, campaigns,
-- the rebuild) fold first. One row per member, day and category of a chunk's activity; a row
-- without a day carries miles earned or redeemed outside activity (a debit, a goodwill credit).
create table fact_journal (
    member_number        varchar(10)   not null,
    activity_date        date,
    category             varchar(10),
    flights              numeric(10,2) not null default 0,
    partner_transactions integer       not null default 0,
    revenue              numeric(14,2) not null default 0,
    miles                bigint        not null default 0,
    earned               bigint        not null default 0,
    redeemed             bigint        not null default 0
) with (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000);
