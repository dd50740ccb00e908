-- Program administration (issue 20, ADR 0045): change requests to the program's rules, proposed by
-- a program manager and decided by another person (maker-checker). The rules themselves stay in the
-- schemas of the modules that own them; an approved change is written there by the owning module,
-- in the approval's transaction. Every principal is the authenticated one.

create sequence change_request_seq;

create table change_request (
    id              bigint        primary key,
    kind            varchar(40)   not null,
    rule_key        varchar(100)  not null,
    -- the proposed version's fields, as the owning module reads them (names to text values)
    proposal        jsonb         not null,
    effective_from  date          not null,
    correction      boolean       not null,
    state           varchar(10)   not null,
    proposed_by     varchar(200)  not null,
    proposed_at     timestamptz   not null,
    -- the identity of the version the owning module wrote, once applied
    applied_version varchar(200),
    updated_at      timestamptz   not null,
    constraint change_request_state_ck
        check (state in ('PROPOSED', 'APPROVED', 'APPLIED', 'REJECTED', 'WITHDRAWN')),
    constraint change_request_applied_ck check ((state = 'APPLIED') = (applied_version is not null))
);

-- the approvals queue (pending, oldest first) and a rule's changes
create index change_request_state_ix on change_request (state, id);
create index change_request_rule_ix on change_request (kind, rule_key, id);

-- Every step of every request, appended and never changed: who (the authenticated principal), when,
-- why. The trigger refuses UPDATE and DELETE, whoever asks.
create table change_event (
    change_id   bigint        not null references change_request (id),
    seq         integer       not null,
    state       varchar(10)   not null,
    by_principal varchar(200) not null,
    at          timestamptz   not null,
    reason      varchar(500),
    constraint change_event_pk primary key (change_id, seq)
);

create function change_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'program.change_event is append-only: % refused', tg_op
        using errcode = '42501';
end $$;

create trigger change_event_append_only
    before update or delete on change_event
    for each row execute function change_event_append_only();
