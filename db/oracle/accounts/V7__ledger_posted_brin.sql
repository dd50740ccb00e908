-- Oracle dialect of db/postgresql/accounts/V6__ledger_posted_brin.sql. UNTESTED against Oracle.
-- Oracle has no BRIN index: a plain index on the posting time serves the dashboard's day sums.
create index ledger_entry_posted_ix on ledger_entry (posted_at);
