-- Oracle dialect of db/postgresql/outbox/V1__outbox.sql (ADR 0033; the comments there explain it).
-- UNTESTED against Oracle. No partial index: a plain one on (delivered_at, next_attempt_at); the
-- relay's "for update skip locked" exists on Oracle too.
create table event (
    id               number(19) generated always as identity primary key,
    topic            varchar2(100 char)  not null,
    event_key        varchar2(200 char)  not null,
    payload          clob,
    created_at       timestamp with time zone default systimestamp not null,
    attempts         number(10) default 0 not null,
    next_attempt_at  timestamp with time zone default systimestamp not null,
    last_error       varchar2(1000 char),
    delivered_at     timestamp with time zone
);

create index event_pending on event (delivered_at, next_attempt_at, id);
