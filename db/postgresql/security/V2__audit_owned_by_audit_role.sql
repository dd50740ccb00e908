-- The API's audit trail cannot be erased by the application's own database role (issue 15, ADR 0026
-- addendum). V1's triggers refused UPDATE, DELETE and TRUNCATE, but the table and the schema
-- belonged to the application role, which could drop the triggers, the table or the whole schema
-- (a schema's owner may drop everything in it, whoever owns the objects). Now:
--   * api_audit, its sequence and its trigger function belong to openmiles_audit, a NOLOGIN role
--     nobody connects as;
--   * so does the schema itself; the application role keeps USAGE and CREATE on it (for Flyway's
--     history table, which stays its own) and INSERT and SELECT on api_audit, nothing else;
--   * after the migrations the application role gives up its membership in openmiles_audit
--     (app.Migrations), so it cannot take the owner's rights back.
-- Handing a schema to a role needs membership in it, and the role must be allowed to create in the
-- database: the database administrator (the `openmiles` script's db_start here) grants both
-- (docs/runbook.md, "Database roles"). Console V4, which came with this migration and runs just
-- before it (app.Migrations migrates console before security), checks both and says what is missing.

grant usage, create on schema security to openmiles_audit;
alter function api_audit_append_only() owner to openmiles_audit;
alter table api_audit owner to openmiles_audit;
revoke all on table api_audit from public;
alter schema security owner to openmiles_audit;

-- granted by the new owner to the role this migration runs as (the application's)
set role openmiles_audit;
do $$
begin
    execute format('grant usage, create on schema security to %I', session_user);
    execute format('grant select, insert on table security.api_audit to %I', session_user);
    execute format('grant usage on sequence security.api_audit_id_seq to %I', session_user);
end $$;
reset role;
