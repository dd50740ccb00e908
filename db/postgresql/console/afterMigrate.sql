-- After every migration run of the console schema (also when none was pending): the application
-- role gives up its membership in openmiles_audit, which it needed only to hand the audit log to
-- that role (V2, ADR 0026). Without the membership it has no way back to the owner's rights.
do $$
begin
    if exists (select 1 from pg_auth_members m
               join pg_roles r on r.oid = m.roleid
               join pg_roles u on u.oid = m.member
               where r.rolname = 'openmiles_audit' and u.rolname = current_user) then
        execute format('revoke openmiles_audit from %I', current_user);
    end if;
end $$;
