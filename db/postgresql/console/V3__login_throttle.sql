-- Login throttling instead of the lockout (ADR 0026): failed logins are counted per account name
-- and per client address, whether the name belongs to a user or not, in a window that starts at the
-- first failure (first_failure_at; a failure after the window starts a new one), and past a number
-- of free failures each further attempt must wait a delay that doubles with every failure, up to a
-- cap.
-- One row per key: 'account:<user name as typed, lower case>' or 'address:<client address>'.
-- Kept in the database so that every instance of a cluster applies the same waits.
create table login_throttle (
    key              varchar(140) primary key,
    failures         integer      not null,
    first_failure_at timestamptz  not null,
    last_failure_at  timestamptz  not null,
    next_allowed_at  timestamptz  not null,
    constraint login_throttle_failures_ck check (failures >= 0)
);
-- rows whose window has passed are deleted through this index
create index login_throttle_first_failure_ix on login_throttle (first_failure_at);

-- the lockout's columns go: the throttle holds what they held
alter table console_user drop constraint console_user_failed_ck;
alter table console_user drop column failed_logins;
alter table console_user drop column locked_until;
