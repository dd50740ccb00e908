-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle counterpart of db/postgresql/console/V2__append_only_audit.sql (ADR 0026). V1's trigger
-- already refuses UPDATE and DELETE; TRUNCATE is DDL in Oracle, so a schema DDL trigger refuses it.
-- Oracle objects belong to the schema user the migrations run as, so keeping the application's own
-- user from dropping this trigger needs the DBA: run the application as a second user with INSERT
-- and SELECT on AUDIT_ENTRY only (docs/oracle.md).

create or replace trigger audit_entry_no_truncate before truncate on schema
begin
    if ora_dict_obj_name = 'AUDIT_ENTRY' then
        raise_application_error(-20001, 'console.audit_entry is append-only');
    end if;
end;
/
