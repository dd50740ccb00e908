-- tiers: fewer writes per member at the period-end review (ADR 0015).
--
-- The review rewrites every reviewed status row in ONE transaction, so no old row version can be pruned
-- before it commits: a page needs room for a second version of each of its rows. Fillfactor 50 gives
-- that room, every review update is then a HOT update (no new primary-key entry, one WAL record per
-- row instead of three). Upgrades benefit the same way. The price is a table twice as large
-- (about 110 MB for 1,000,000 members). CLUSTER rewrites the rows already there with the new fillfactor.
alter table member_tier set (fillfactor = 50);
cluster member_tier using member_tier_pkey;

-- History is read per member, newest first, and never by id alone: one index serves both uses
-- (the id stays unique, it comes from the sequence), so a history row costs one index entry, not two.
alter table tier_history drop constraint tier_history_pkey;
drop index tier_history_member_ix;
alter table tier_history add constraint tier_history_pk primary key (member_number, id);
