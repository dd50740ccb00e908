-- The floor of retention's member facts on a bulk path (bench/README.md, "With and without
-- retention's member facts"): what any implementation of day-level facts must at least write for
-- the file, timed after the feed's own SQL floor in the same run. Day-level facts (RFM over a
-- window needs the activity days and their value inside it) are one row per member and activity
-- day; here they are inserted once, set-based from the staged file into an empty clone of
-- retention.member_day in key order (a third cheaper than in the aggregate's order: the primary
-- key's pages are filled one after the other), with no chunks, no upsert, no member totals and no
-- partner categories. Everything left out only makes it cheaper. ADR 0040 compares it with keeping the days as arrays
-- in the member's row or in a row per member and month (not cheaper).
-- Variables (expressions over bench_floor.stage): member, day, flights, transactions, revenue, miles.
\set ON_ERROR_STOP on
insert into bench_floor.member_day (member_number, activity_date, flights, partner_transactions,
    revenue, miles_earned)
  select :member, :day, :flights, :transactions, :revenue, :miles
    from bench_floor.stage
   group by 1, 2
   order by 1, 2;
