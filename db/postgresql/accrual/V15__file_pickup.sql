-- Which instance picks up which new file (ADR 0032). Camel's idempotent read lock asks the
-- repository before it takes a file from inbound/; the first live worker to insert the row wins,
-- every other instance skips the file. A row whose worker's lease ran out (ADR 0024's
-- file_worker) may be taken by anyone, so a file is never held by a dead process. The row goes
-- when the file has left inbound/ (done, rejected or failed) or its pick-up was given up.
create table file_pickup (
    file_key    varchar(600) primary key,
    worker_id   varchar(64)  not null,
    taken_at    timestamptz  not null default now()
);
