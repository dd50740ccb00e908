-- Oracle dialect of db/postgresql/accrual/V14__file_ownership.sql (ADR 0024; the comments there
-- explain it). UNTESTED against Oracle. The leases are compared with the database's clock: the
-- repository's make_interval would be numtodsinterval on Oracle (docs/oracle.md).
create table file_worker (
    id            varchar2(64 char)  primary key,
    host          varchar2(255 char) not null,
    started_at    timestamp with time zone default systimestamp not null,
    heartbeat_at  timestamp with time zone default systimestamp not null
);

create table file_claim (
    folder      varchar2(300 char) not null,
    file_name   varchar2(255 char) not null,
    worker_id   varchar2(64 char)  not null,
    claimed_at  timestamp with time zone default systimestamp not null,
    constraint file_claim_pk primary key (folder, file_name)
);

alter table inbound_file drop constraint inbound_file_status_ck;
alter table inbound_file add constraint inbound_file_status_ck
    check (status in ('PROCESSING', 'DONE', 'REJECTED', 'FAILED'));
