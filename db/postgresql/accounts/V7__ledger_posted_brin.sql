-- Dashboards sum the miles issued per day over the last weeks (LedgerStatistics). The ledger is
-- append-only, so posted_at follows the physical order of the rows: a BRIN index (a few pages for
-- millions of rows, almost free to maintain on insert) lets such a range skip the older blocks.
-- Oracle has no BRIN; its vendor migration would use a plain index on posted_at.
create index ledger_entry_posted_brin on ledger_entry using brin (posted_at);
