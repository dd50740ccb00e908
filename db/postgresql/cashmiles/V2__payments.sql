-- cashmiles: Cash & Miles quotes, payments, refunds and the idempotency keys of the booking-engine API.
-- Owned by the cashmiles module. The miles themselves never live here: a payment's miles are a hold in the
-- accounts ledger (reference hold_reference), captured, released or expired there; a refund that gives miles
-- back is a ledger REDEPOSIT with its own source reference. These tables record what the booking engine
-- asked for and what it was told.
--
-- client_id is the booking engine: the `sub` claim of its JWT. Every lookup is by client, so one client
-- never sees another's quotes, payments or keys.

-- a priced offer: the fare, the program's mile value and rule in force when it was made, copied here so a
-- payment made within the quote's life uses exactly these numbers even if the program changes meanwhile
create table quote (
    token                        varchar(40)   primary key,
    client_id                    varchar(100)  not null,
    member_number                char(10)      not null,
    currency                     char(3)       not null,
    base_fare                    numeric(18,4) not null,
    taxes_and_fees               numeric(18,4) not null,
    passengers                   smallint      not null,
    segments                     smallint      not null,
    value_per_mile               numeric(12,6) not null,
    min_miles                    bigint        not null,
    max_miles                    bigint        not null,
    miles_step                   bigint        not null,
    hold_ttl_seconds             integer       not null,
    voluntary_refund_redeposit   boolean       not null,
    involuntary_refund_redeposit boolean       not null,
    created_at                   timestamptz   not null,
    expires_at                   timestamptz   not null,
    constraint quote_fare_ck check (base_fare > 0 and taxes_and_fees >= 0),
    constraint quote_pax_ck check (passengers between 1 and 9 and segments between 1 and 16),
    constraint quote_step_ck check (miles_step > 0),
    constraint quote_expiry_ck check (expires_at > created_at)
);

create index quote_expires_ix on quote (expires_at);

create sequence payment_seq;

-- status as stored: AUTHORIZED until captured or voided. hold_expires_at is the ledger hold's own time
-- limit: from then on the ledger refuses the capture, and an AUTHORIZED row is reported (and filtered) as
-- EXPIRED; the stored value is not rewritten by the hold expiry job (see docs/cash-and-miles.md).
create table payment (
    id                bigint        primary key default nextval('payment_seq'),
    client_id         varchar(100)  not null,
    quote_token       varchar(40)   not null references quote (token),
    member_number     char(10)      not null,
    miles             bigint        not null,
    currency          char(3)       not null,
    miles_value       numeric(18,4) not null,
    cash_for_fare     numeric(18,4) not null,
    taxes_and_fees    numeric(18,4) not null,
    total_cash        numeric(18,4) not null,
    status            varchar(20)   not null,
    hold_reference    varchar(100)  not null,
    booking_reference varchar(60)   not null,
    ticket_numbers    varchar(1000),
    captured_miles    bigint        not null default 0,
    refunded_miles    bigint        not null default 0,
    hold_expires_at   timestamptz   not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    captured_at       timestamptz,
    voided_at         timestamptz,
    constraint payment_hold_uk unique (hold_reference),
    constraint payment_miles_ck check (miles > 0),
    constraint payment_status_ck check (status in ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'EXPIRED',
                                                   'REFUNDED', 'PARTIALLY_REFUNDED')),
    constraint payment_captured_ck check (captured_miles between 0 and miles),
    constraint payment_refunded_ck check (refunded_miles between 0 and captured_miles)
);

-- a client's payments in id order (keyset pages), with or without a status filter
create index payment_client_ix on payment (client_id, id);
create index payment_client_status_ix on payment (client_id, status, id);

create sequence refund_seq;

-- VOLUNTARY refunds keep the miles and INVOLUNTARY ones redeposit them, by default (the quote's copy of the
-- rule decides); redeposited_miles is what went back to the member through the ledger (0 or miles)
create table refund (
    id                bigint       primary key default nextval('refund_seq'),
    payment_id        bigint       not null references payment (id),
    miles             bigint       not null,
    reason            varchar(12)  not null,
    redeposited_miles bigint       not null,
    ledger_reference  varchar(120),
    created_at        timestamptz  not null,
    constraint refund_miles_ck check (miles > 0 and redeposited_miles in (0, miles)),
    constraint refund_reason_ck check (reason in ('VOLUNTARY', 'INVOLUNTARY'))
);

create index refund_payment_ix on refund (payment_id, id);

-- Idempotency-Key of every mutating call, per client. IN_PROGRESS is committed before the work starts (so a
-- concurrent retry sees it and gets 409); the work and the DONE answer commit together. attempt names the
-- request that owns an IN_PROGRESS row; a row older than the takeover limit may be taken by a retry.
create table idempotency_key (
    client_id       varchar(100) not null,
    idempotency_key varchar(120) not null,
    request_hash    char(64)     not null,
    state           varchar(12)  not null,
    attempt         varchar(36)  not null,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint idempotency_key_pk primary key (client_id, idempotency_key),
    constraint idempotency_key_state_ck check (state in ('IN_PROGRESS', 'DONE')),
    constraint idempotency_key_done_ck check (state <> 'DONE' or response_status is not null)
);

create index idempotency_key_created_ix on idempotency_key (created_at);
