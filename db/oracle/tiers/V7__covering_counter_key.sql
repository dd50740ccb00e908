-- Oracle dialect of db/postgresql/tiers/V7__covering_counter_key.sql. UNTESTED against Oracle.
-- Oracle has no INCLUDE: the primary key is enforced by a non-unique index whose leading columns are
-- the key, followed by the counters, so the review can read the counters from the index alone.
alter table qualifying_month drop primary key drop index;
create index qualifying_month_pk_ix on qualifying_month
    (member_number, month, qualifying_miles, qualifying_flights, qualifying_spend);
alter table qualifying_month add constraint qualifying_month_pk primary key (member_number, month)
    using index qualifying_month_pk_ix;
