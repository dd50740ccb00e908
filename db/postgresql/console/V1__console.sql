-- console: the call-center console's own tables (DESIGN.md §2: the console owns no business tables).
-- Users and their roles, the audit log of every change made from the console, and adjustments
-- waiting for (or decided by) a supervisor. Business data stays in the other modules' schemas and is
-- reached only through their api services.

-- A console user. password_hash is a Jakarta Security Pbkdf2PasswordHash string
-- (algorithm:iterations:salt:hash); roles is a comma-separated list of AGENT, SUPERVISOR, ADMIN.
-- failed_logins and locked_until implement the lockout after repeated failed logins; they live here,
-- not in memory, so every instance of a cluster sees the same count.
create table console_user (
    username       varchar(60)  primary key,
    display_name   varchar(120) not null,
    password_hash  varchar(400) not null,
    roles          varchar(100) not null,
    active         boolean      not null default true,
    failed_logins  integer      not null default 0,
    locked_until   timestamptz,
    last_login_at  timestamptz,
    created_at     timestamptz  not null default now(),
    constraint console_user_name_ck check (username ~ '^[a-z0-9._-]{2,60}$'),
    constraint console_user_failed_ck check (failed_logins >= 0)
);

-- Who did what, when, to which member, with the state before and after and the reason given.
-- Append-only: the console never updates or deletes a row.
create table audit_entry (
    id           bigserial    primary key,
    at           timestamptz  not null default now(),
    actor        varchar(60)  not null,
    action       varchar(40)  not null,
    member       varchar(10),
    target       varchar(120),
    before_state varchar(2000),
    after_state  varchar(2000),
    reason       varchar(500)
);
create index audit_entry_at_ix on audit_entry (at desc, id desc);
create index audit_entry_member_ix on audit_entry (member, at desc);

create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'console.audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- A goodwill adjustment asked for from the console. Under the agent's limit it is POSTED at once;
-- above it, it is PENDING until a supervisor APPROVES (and it is posted) or REJECTS it. The ledger
-- entry's source reference is console-adj:<id>, so a retried approval posts nothing twice.
create table adjustment (
    id            bigserial    primary key,
    member        varchar(10)  not null,
    miles         bigint       not null,
    reason        varchar(200) not null,
    status        varchar(10)  not null,
    requested_by  varchar(60)  not null,
    requested_at  timestamptz  not null default now(),
    decided_by    varchar(60),
    decided_at    timestamptz,
    decision_note varchar(500),
    ledger_entry  bigint,
    constraint adjustment_status_ck check (status in ('PENDING', 'POSTED', 'APPROVED', 'REJECTED')),
    constraint adjustment_miles_ck check (miles <> 0)
);
create index adjustment_pending_ix on adjustment (requested_at) where status = 'PENDING';
create index adjustment_member_ix on adjustment (member, requested_at desc);
