-- UNTESTED: written for Oracle Database 19c or later and never run against a real Oracle server.
-- Oracle translation of db/postgresql/cashmiles/V2__payments.sql (keep the two in step; the comments there
-- explain the tables). Differences: number(p,s) for integer/numeric, number(1) check (0, 1) for boolean,
-- timestamp with time zone for timestamptz, clob for text. The Java side of the idempotency table uses
-- PostgreSQL's "insert ... on conflict do nothing" (see docs/oracle.md): this path is PostgreSQL-only for now.

create table quote (
    token                        varchar2(40)   primary key,
    client_id                    varchar2(100)  not null,
    member_number                char(10)       not null,
    currency                     char(3)        not null,
    base_fare                    number(18,4)   not null,
    taxes_and_fees               number(18,4)   not null,
    passengers                   number(2)      not null,
    segments                     number(2)      not null,
    value_per_mile               number(12,6)   not null,
    min_miles                    number(19)     not null,
    max_miles                    number(19)     not null,
    miles_step                   number(19)     not null,
    hold_ttl_seconds             number(10)     not null,
    voluntary_refund_redeposit   number(1)      not null check (voluntary_refund_redeposit in (0, 1)),
    involuntary_refund_redeposit number(1)      not null check (involuntary_refund_redeposit in (0, 1)),
    created_at                   timestamp with time zone not null,
    expires_at                   timestamp with time zone not null,
    constraint quote_fare_ck check (base_fare > 0 and taxes_and_fees >= 0),
    constraint quote_pax_ck check (passengers between 1 and 9 and segments between 1 and 16),
    constraint quote_step_ck check (miles_step > 0),
    constraint quote_expiry_ck check (expires_at > created_at)
);

create index quote_expires_ix on quote (expires_at);

create sequence payment_seq;

create table payment (
    id                number(19)     default payment_seq.nextval primary key,
    client_id         varchar2(100)  not null,
    quote_token       varchar2(40)   not null references quote (token),
    member_number     char(10)       not null,
    miles             number(19)     not null,
    currency          char(3)        not null,
    miles_value       number(18,4)   not null,
    cash_for_fare     number(18,4)   not null,
    taxes_and_fees    number(18,4)   not null,
    total_cash        number(18,4)   not null,
    status            varchar2(20)   not null,
    hold_reference    varchar2(100)  not null,
    booking_reference varchar2(60)   not null,
    ticket_numbers    varchar2(1000),
    captured_miles    number(19)     default 0 not null,
    refunded_miles    number(19)     default 0 not null,
    hold_expires_at   timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    captured_at       timestamp with time zone,
    voided_at         timestamp with time zone,
    constraint payment_hold_uk unique (hold_reference),
    constraint payment_miles_ck check (miles > 0),
    constraint payment_status_ck check (status in ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'EXPIRED',
                                                   'REFUNDED', 'PARTIALLY_REFUNDED')),
    constraint payment_captured_ck check (captured_miles between 0 and miles),
    constraint payment_refunded_ck check (refunded_miles between 0 and captured_miles)
);

create index payment_client_ix on payment (client_id, id);
create index payment_client_status_ix on payment (client_id, status, id);

create sequence refund_seq;

create table refund (
    id                number(19)     default refund_seq.nextval primary key,
    payment_id        number(19)     not null references payment (id),
    miles             number(19)     not null,
    reason            varchar2(12)   not null,
    redeposited_miles number(19)     not null,
    ledger_reference  varchar2(120),
    created_at        timestamp with time zone not null,
    constraint refund_miles_ck check (miles > 0 and redeposited_miles in (0, miles)),
    constraint refund_reason_ck check (reason in ('VOLUNTARY', 'INVOLUNTARY'))
);

create index refund_payment_ix on refund (payment_id, id);

create table idempotency_key (
    client_id       varchar2(100) not null,
    idempotency_key varchar2(120) not null,
    request_hash    char(64)      not null,
    state           varchar2(12)  not null,
    attempt         varchar2(36)  not null,
    response_status number(3),
    response_body   clob,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint idempotency_key_pk primary key (client_id, idempotency_key),
    constraint idempotency_key_state_ck check (state in ('IN_PROGRESS', 'DONE')),
    constraint idempotency_key_done_ck check (state <> 'DONE' or response_status is not null)
);

create index idempotency_key_created_ix on idempotency_key (created_at);
