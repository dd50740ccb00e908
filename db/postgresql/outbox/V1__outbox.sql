-- The transactional outbox (ADR 0033): an event that must reach consumers after its transaction
-- commits is written here by that transaction, so it exists exactly when the fact does. A relay on
-- every instance takes due events one at a time (for update skip locked: two instances never take
-- the same one at once), hands each to its topic's consumer, and marks it delivered in the same
-- transaction; a failure leaves it for a later attempt, with backoff. Delivered events are kept for
-- a week for inquiries, then deleted by the relay.
create table event (
    id               bigint generated always as identity primary key,
    topic            varchar(100)  not null,
    event_key        varchar(200)  not null,
    payload          text,
    created_at       timestamptz   not null default now(),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    delivered_at     timestamptz
);

-- the relay's question: the oldest due undelivered events
create index event_pending on event (next_attempt_at, id) where delivered_at is null;
