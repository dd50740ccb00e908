-- Oracle dialect of db/postgresql/tiers/V4__member_merge.sql (ADR 0019). UNTESTED against Oracle.
alter table tier_history drop constraint tier_history_source_ck;
alter table tier_history add constraint tier_history_source_ck check (source in
    ('UPGRADE', 'REVIEW', 'OVERRIDE', 'OVERRIDE_ENDED', 'MERGE'));
