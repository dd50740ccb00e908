-- A merge of duplicate members (ADR 0019) is a reason for a tier change of the survivor: it takes
-- the higher earned status of the two, and the combined qualifying activity may upgrade it.
alter table tier_history drop constraint tier_history_source_ck;
alter table tier_history add constraint tier_history_source_ck check (source in
    ('UPGRADE', 'REVIEW', 'OVERRIDE', 'OVERRIDE_ENDED', 'MERGE'));
