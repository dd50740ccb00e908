-- The scoring run's new scores are written once and read whole (segment changes, the scores, the
-- reasons, all by hash join or scan): the primary key only cost its upkeep, a million entries per
-- run (ADR 0039). score_summary is made by the run itself with CREATE TABLE AS, which PostgreSQL
-- aggregates in parallel where it runs INSERT ... SELECT on one core; the run drops and makes it.
alter table score_result drop constraint score_result_pkey;
