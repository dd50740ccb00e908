-- The trail of program changes cannot be erased by the application's own database role (issue 20,
-- as ADR 0026 did for the console's and the API's audit trails). V1's trigger refused UPDATE and
-- DELETE, but the table and the schema belonged to the application role, which could drop the
-- trigger, the table or the whole schema (a schema's owner may drop everything in it). Now:
--   * change_event and its trigger function belong to openmiles_audit, a NOLOGIN role nobody
--     connects as, and a TRUNCATE is refused too;
--   * so does the schema; the application role keeps USAGE and CREATE on it (it still owns
--     change_request, which it updates as requests are decided, and Flyway's history) and INSERT and
--     SELECT on change_event, nothing else;
--   * after the migrations the application role gives up its membership in openmiles_audit
--     (app.Migrations), so it cannot take the owner's rights back.
-- Needs the grants console V4 checks (docs/runbook.md, "Database roles").

create trigger change_event_no_truncate
    before truncate on change_event
    for each statement execute function change_event_append_only();

grant usage, create on schema program to openmiles_audit;
-- the owner of change_event checks its foreign key against change_request
grant references on table change_request to openmiles_audit;
alter function change_event_append_only() owner to openmiles_audit;
alter table change_event owner to openmiles_audit;
revoke all on table change_event from public;
alter schema program owner to openmiles_audit;

-- granted by the new owner to the role this migration runs as (the application's)
set role openmiles_audit;
do $$
begin
    execute format('grant usage, create on schema program to %I', session_user);
    execute format('grant select, insert on table program.change_event to %I', session_user);
end $$;
reset role;
