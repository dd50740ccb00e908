-- The audit log is append-only for the application's own database role too (ADR 0026). V1's row
-- trigger refused UPDATE and DELETE, but the table belonged to the application role, which could
-- TRUNCATE it, drop the trigger or grant itself anything. Now:
--   * a statement trigger refuses TRUNCATE as well;
--   * the table, its sequence and the trigger function belong to openmiles_audit, a NOLOGIN role
--     nobody connects as;
--   * the application role keeps INSERT and SELECT on the table and USAGE on the sequence, nothing
--     else, and loses its membership in openmiles_audit right after the migrations
--     (afterMigrate.sql), so it cannot take the owner's rights back.
-- Handing a table to another role needs membership in it: the database administrator (the
-- `openmiles` script's db_start here) creates openmiles_audit and grants it to the application role
-- WITH ADMIN OPTION before this migration runs; the option is what lets the application role give
-- the membership up again.

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'openmiles_audit')
       or not pg_has_role(current_user, 'openmiles_audit', 'MEMBER') then
        raise exception 'the role openmiles_audit must exist and be granted to % WITH ADMIN OPTION'
            ' before console V2 runs (docs/runbook.md, "Database roles")', current_user;
    end if;
end $$;

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

grant usage, create on schema console to openmiles_audit;
alter function audit_entry_append_only() owner to openmiles_audit;
alter table audit_entry owner to openmiles_audit;
revoke all on table audit_entry from public;

-- granted by the new owner to the role this migration runs as (the application's)
set role openmiles_audit;
do $$
begin
    execute format('grant select, insert on table console.audit_entry to %I', session_user);
    execute format('grant usage on sequence console.audit_entry_id_seq to %I', session_user);
end $$;
reset role;
revoke create on schema console from openmiles_audit;
