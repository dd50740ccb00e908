-- Who works on which inbound file (ADR 0024). Every instance that runs the file routes is a
-- file_worker with a lease it renews; a file in processing/ is claimed by one worker. A file whose
-- worker's lease ran out goes back to inbound/ and resumes; a live worker's file is never taken.
create table file_worker (
    id            varchar(64)  primary key,
    host          varchar(255) not null,
    started_at    timestamptz  not null default now(),
    heartbeat_at  timestamptz  not null default now()
);

create table file_claim (
    folder      varchar(300) not null,
    file_name   varchar(255) not null,
    worker_id   varchar(64)  not null,
    claimed_at  timestamptz  not null default now(),
    constraint file_claim_pk primary key (folder, file_name)
);

-- a file that a fault stopped is FAILED (with its reason), no longer PROCESSING for ever
alter table inbound_file drop constraint inbound_file_status_ck;
alter table inbound_file add constraint inbound_file_status_ck
    check (status in ('PROCESSING', 'DONE', 'REJECTED', 'FAILED'));
