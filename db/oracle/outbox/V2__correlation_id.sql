-- Oracle dialect of db/postgresql/outbox/V2__correlation_id.sql. UNTESTED against Oracle.
alter table event add (correlation_id varchar2(64));
