-- Every change made through the API and every refused API call, with the authenticated principal
-- (the token's subject, never a name from the body) and the operation as the access matrix names it
-- (issue 15, docs/security.md). Written by app.security.ApiAudit after the answer is known;
-- append-only: no UPDATE, DELETE or TRUNCATE.
create table api_audit (
    id          bigserial    primary key,
    at          timestamptz  not null default now(),
    subject     varchar(200) not null,                -- '-' for a caller without a valid token
    roles       varchar(200) not null,                -- the API roles the token carried
    method      varchar(7)   not null,
    operation   varchar(200) not null,                -- the path template, e.g. /v1/members/{number}/postings
    path        varchar(500) not null,                -- the path called
    status      smallint     not null,
    idempotency_key varchar(120)
);
create index api_audit_at_ix on api_audit using brin (at);
create index api_audit_subject_ix on api_audit (subject, at);

create or replace function api_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'security.api_audit is append-only';
end $$;
create trigger api_audit_no_update before update or delete on api_audit
    for each row execute function api_audit_append_only();
create trigger api_audit_no_truncate before truncate on api_audit
    for each statement execute function api_audit_append_only();
