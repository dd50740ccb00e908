-- The firings of the scheduled jobs (app.jobs.ClusterLock, ADR 0035): every instance's timer fires,
-- the first to insert the firing here runs it and the others skip it, so a firing runs once in the
-- cluster even when one instance's timer fires after another has finished the job. A firing is named
-- by its scheduled time. Kept a week, with the instance that ran it and how it ended, for operations.
create table job_run (
    job          varchar(100) not null,
    firing       timestamptz  not null,
    node         varchar(200) not null,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz,
    outcome      varchar(10)  check (outcome in ('DONE', 'FAILED')),
    primary key (job, firing)
);
