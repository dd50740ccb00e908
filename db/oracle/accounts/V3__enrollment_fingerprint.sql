-- Oracle dialect of db/postgresql/accounts/V3__enrollment_fingerprint.sql. UNTESTED against Oracle.
alter table member add (enrollment_fingerprint varchar2(64 char));
