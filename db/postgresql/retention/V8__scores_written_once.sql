-- The scoring run writes each member's score once, straight into member_score (the old segments
-- kept aside in a temporary table for the history of changes, the reasons read again for the
-- members at risk only): the staging table that held every score before it was copied is gone
-- (ADR 0036, addendum of 2026-12-07).
drop table score_result;
