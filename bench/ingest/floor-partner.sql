-- The SQL floor of the partner feed (bench/README.md, "The SQL floor"): the least work any
-- implementation must make PostgreSQL do for the file, done as one set-based transaction straight
-- from a staged COPY, with no JVM, no file pass, no chunking and no rating beyond the file's one
-- rule. It writes what the feed must keep (the partner record with its exactly-once key, a ledger
-- entry with its balance, the pooled expiry lot, the account) into empty clones of the real tables
-- (same columns, keys, indexes and checks; no foreign keys). Everything left out only makes it cheaper.
\set ON_ERROR_STOP on
begin;
create temp table rated on commit drop as
  select s.line, s.tx, m.id as member_id, s.member, s.activity_date, s.basis, s.quantity, s.currency,
    s.description, floor(s.quantity / 20000)::bigint as miles
  from bench_floor.stage s join accounts.member m on m.member_number = s.member;
insert into bench_floor.partner_activity as a (partner_code, partner_tx_id, member_number, activity_date,
    basis, quantity, currency, miles, status, ledger_ref, file_id, line_no, received_at, credited_at)
  select :'partner', tx, member, activity_date, basis, quantity, currency, miles, 'CREDITED',
    'P:' || :'partner' || ':' || tx, 0, line, now(), now()
  from rated order by line
  on conflict (partner_code, partner_tx_id) do nothing;
insert into bench_floor.ledger_entry (member_id, entry_type, amount, balance_after, source_ref, activity_date,
    description)
  select r.member_id, 'CREDIT', r.miles, ac.balance + sum(r.miles) over (partition by r.member_id order by r.line),
    'P:' || :'partner' || ':' || r.tx, r.activity_date,
    left(:'partner' || ' spend ' || r.quantity || ' ' || coalesce(r.currency, '') || ': ' || r.description, 200)
  from rated r join bench_floor.account ac on ac.member_id = r.member_id
  order by r.line;
\ir floor-balances.sql
commit;
