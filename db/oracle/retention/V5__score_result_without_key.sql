-- Oracle dialect of db/postgresql/retention/V5__score_result_without_key.sql. UNTESTED against Oracle.
-- The scoring run's new scores are written once and read whole: no primary key (ADR 0039).
alter table score_result drop primary key;
