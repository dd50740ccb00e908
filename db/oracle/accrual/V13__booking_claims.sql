-- Oracle dialect of db/postgresql/accrual/V13__booking_claims.sql (ADR 0022; the comments there
-- explain it). UNTESTED against Oracle.
alter table booking_segment add (claim_id number(19) references missing_miles_claim (id));
-- Oracle leaves rows whose key is all NULL out of a B-tree index: like PostgreSQL's partial index
-- "where claim_id is not null"
create index booking_segment_claim_idx on booking_segment (claim_id);
-- missing_miles_claim (ticket_number) is indexed already on Oracle (V7's
-- missing_miles_claim_pending_ticket_idx is a plain index of that column): a second index of the
-- same column list would fail (ORA-01408), so PostgreSQL's missing_miles_claim_ticket_idx has no
-- counterpart here.
