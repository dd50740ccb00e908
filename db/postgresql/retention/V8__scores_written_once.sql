-- The scoring run writes each member's score once, into a table of its own that it then puts in
-- member_score's place (compared with the old scores for the history of changes first; the reasons
-- read again for the members at risk only): the staging table that held every score before it was
-- copied is gone (ADR 0042).
drop table score_result;
