-- The correlation id of the work that published each event (ADR 0035): the relay delivers the event
-- under it, so what the consumer writes and logs carries the id of the request, file or job the event
-- came from. Null for events published before it existed.
alter table event add column correlation_id varchar(64);
