-- Oracle dialect of db/postgresql/jobs/V1__job_run.sql (the comments there explain it). UNTESTED
-- against Oracle. ClusterLock's claim uses PostgreSQL's "on conflict do nothing"; on Oracle it would
-- be an insert that catches the unique-key violation (ORA-00001).
create table job_run (
    job          varchar2(100 char) not null,
    firing       timestamp with time zone not null,
    node         varchar2(200 char) not null,
    started_at   timestamp with time zone default systimestamp not null,
    finished_at  timestamp with time zone,
    outcome      varchar2(10 char) check (outcome in ('DONE', 'FAILED')),
    primary key (job, firing)
);
