-- Oracle dialect of db/postgresql/accrual/V15__file_pickup.sql (ADR 0032; the comments there
-- explain it). UNTESTED against Oracle. The repository's insert ... on conflict would be a MERGE on
-- Oracle (docs/oracle.md).
create table file_pickup (
    file_key    varchar2(600 char) primary key,
    worker_id   varchar2(64 char)  not null,
    taken_at    timestamp with time zone default systimestamp not null
);
