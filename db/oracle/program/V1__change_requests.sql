-- Oracle dialect of db/postgresql/program/V1__change_requests.sql (the comments there explain it).
-- UNTESTED against Oracle. jsonb is a CLOB checked IS JSON; booleans are number(1); the append-only
-- trigger raises ORA-20001.

create sequence change_request_seq;

create table change_request (
    id              number(19)          primary key,
    kind            varchar2(40 char)   not null,
    rule_key        varchar2(100 char)  not null,
    proposal        clob                not null,
    effective_from  date                not null,
    correction      number(1)           not null,
    state           varchar2(10 char)   not null,
    proposed_by     varchar2(200 char)  not null,
    proposed_at     timestamp with time zone not null,
    applied_version varchar2(200 char),
    updated_at      timestamp with time zone not null,
    constraint change_request_proposal_ck check (proposal is json),
    constraint change_request_state_ck
        check (state in ('PROPOSED', 'APPROVED', 'APPLIED', 'REJECTED', 'WITHDRAWN')),
    constraint change_request_applied_ck check (
        (state = 'APPLIED' and applied_version is not null)
        or (state <> 'APPLIED' and applied_version is null))
);

create index change_request_state_ix on change_request (state, id);
create index change_request_rule_ix on change_request (kind, rule_key, id);

create table change_event (
    change_id    number(19)          not null references change_request (id),
    seq          number(10)          not null,
    state        varchar2(10 char)   not null,
    by_principal varchar2(200 char)  not null,
    at           timestamp with time zone not null,
    reason       varchar2(500 char),
    constraint change_event_pk primary key (change_id, seq)
);

create or replace trigger change_event_append_only
    before update or delete on change_event
    for each row
begin
    raise_application_error(-20001, 'program.change_event is append-only');
end;
/
