-- Oracle dialect of db/postgresql/tiers/V5__leaner_review.sql. UNTESTED against Oracle.
-- PCTFREE is Oracle's room left on a block for updates (PostgreSQL's fillfactor 50); it applies to
-- blocks filled from now on (ALTER TABLE ... MOVE would rewrite the existing ones).
alter table member_tier pctfree 50;

-- one index for history, by member then id
alter table tier_history drop primary key drop index;
drop index tier_history_member_ix;
alter table tier_history add constraint tier_history_pk primary key (member_number, id);
