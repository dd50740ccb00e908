-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/console/V3__login_throttle.sql (the comments there explain it).

create table login_throttle (
    key              varchar2(140) primary key,
    failures         number(10)    not null check (failures >= 0),
    first_failure_at timestamp with time zone not null,
    last_failure_at  timestamp with time zone not null,
    next_allowed_at  timestamp with time zone not null
);
create index login_throttle_first_failure_ix on login_throttle (first_failure_at);

alter table console_user drop constraint console_user_failed_ck;
alter table console_user drop (failed_logins, locked_until);
