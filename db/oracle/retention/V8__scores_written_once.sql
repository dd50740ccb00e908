-- Oracle dialect of db/postgresql/retention/V8__scores_written_once.sql. UNTESTED against Oracle.
-- The scoring run writes each member's score once, straight into member_score: the staging table
-- is gone (ADR 0042).
drop table score_result purge;
