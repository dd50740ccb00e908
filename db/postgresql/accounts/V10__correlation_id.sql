-- The correlation id of the work that made each entry (ADR 0035): the HTTP request's X-Request-Id,
-- the inbound file's id, or the scheduled job's run, as the log lines of that work carry it. Null for
-- entries made before it existed. A nullable column without a default: adding it rewrites nothing.
-- Not indexed: an inquiry starts from a member's entries or from a log line, and an index would cost
-- every posting.
alter table ledger_entry add column correlation_id varchar(64);
