-- tiers: the period-end review reads the counters from the index alone (ADR 0015, 2026-11-29 amendment).
--
-- The review sums every reviewed member's months; with the counters INCLUDEd in the primary key it is an
-- index-only scan (no heap visit per member and month, once vacuum has marked the pages all-visible, which
-- autovacuum does for months no longer posted to), and the rows come in member order, so the review joins
-- them to the statuses by merging two ordered scans. Still one index per row; the posting path's upsert
-- finds its row through the same key as before. The price: an update of a counter is no longer a HOT
-- update (an included column changes), so it adds an index entry, and the index is about twice as large.
alter table qualifying_month drop constraint qualifying_month_pk;
alter table qualifying_month add constraint qualifying_month_pk primary key (member_number, month)
    include (qualifying_miles, qualifying_flights, qualifying_spend);
