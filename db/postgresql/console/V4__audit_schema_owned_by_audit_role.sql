-- The console's audit log cannot be dropped by the application's own database role (issue 15, ADR
-- 0026 addendum). V2 handed audit_entry to openmiles_audit, but the schema stayed the application
-- role's, and a schema's owner may drop every object in it (`drop table console.audit_entry`,
-- `drop schema console cascade`), whoever owns them. Now the schema belongs to openmiles_audit too;
-- the application role keeps USAGE and CREATE on it and still owns its other console tables, so its
-- own migrations go on as before. The database administrator lets openmiles_audit create in the
-- database first (docs/runbook.md, "Database roles"). This check also stands for security V2, which
-- came with this migration and runs right after the console schema's.

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'openmiles_audit')
       or not pg_has_role(current_user, 'openmiles_audit', 'MEMBER') then
        raise exception 'the role openmiles_audit must exist and be granted to % WITH ADMIN OPTION'
            ' before console V4 runs (docs/runbook.md, "Database roles")', current_user;
    end if;
    if not has_database_privilege('openmiles_audit', current_database(), 'CREATE') then
        begin
            execute format('grant create on database %I to openmiles_audit', current_database());
        exception when insufficient_privilege then
            raise exception 'the role openmiles_audit needs CREATE on database % before console V4'
                ' runs: grant create on database % to openmiles_audit (docs/runbook.md,'
                ' "Database roles")', current_database(), current_database();
        end;
    end if;
end $$;

alter schema console owner to openmiles_audit;

set role openmiles_audit;
do $$
begin
    execute format('grant usage, create on schema console to %I', session_user);
end $$;
reset role;
