-- The SQL floor of the flown-coupon feed (bench/README.md, "The SQL floor"): as floor-partner.sql,
-- for coupons. It keeps the coupon with its exactly-once key, a ledger entry carrying the
-- qualifying miles and flight, the pooled expiry lot, the account, and the member's monthly and
-- lifetime qualifying counters. The miles are a fixed function of the route instead of the
-- program's class x distance rating, and no tier status is read or upgraded: both only make it cheaper.
\set ON_ERROR_STOP on
begin;
create temp table rated on commit drop as
  select s.*, s.flight_date as activity_date, m.id as member_id, 500 + abs(hashtext(s.origin || s.destination)) % 2000 as miles
  from bench_floor.stage s join accounts.member m on m.member_number = s.member;
insert into bench_floor.flown_coupon as f (ticket_number, coupon_no, coupon_status, member_number, last_name,
    first_name, marketing_carrier, operating_carrier, flight_number, flight_date, origin, destination,
    booking_class, fare_basis, base_fare, currency, distance_miles, base_miles, qualifying_miles,
    qualifying_flights, tier_code, state, file_id, line_no, received_at, credited_at)
  select ticket, coupon, status, member, last_name, first_name, marketing, operating, flight, flight_date,
    origin, destination, booking_class, fare_basis, fare, currency, miles, miles, miles, 1, 'MEMBER',
    'CREDITED', 0, line, now(), now()
  from rated order by line
  on conflict (ticket_number, coupon_no) do nothing;
insert into bench_floor.ledger_entry (member_id, entry_type, amount, balance_after, source_ref, activity_date,
    description, qualifying_miles, qualifying_flights)
  select r.member_id, 'CREDIT', r.miles, ac.balance + sum(r.miles) over (partition by r.member_id order by r.line),
    'F:' || r.ticket || ':' || r.coupon, r.flight_date,
    'Flight ' || r.marketing || r.flight || ' ' || r.origin || '-' || r.destination || ' ' || r.booking_class,
    r.miles, 1
  from rated r join bench_floor.account ac on ac.member_id = r.member_id
  order by r.line;
\ir floor-balances.sql
insert into bench_floor.qualifying_month as q (member_number, month, qualifying_miles, qualifying_flights)
  select member, date_trunc('month', flight_date)::date, sum(miles), count(*)
  from rated group by 1, 2 order by 1, 2
  on conflict (member_number, month) do update
  set qualifying_miles = q.qualifying_miles + excluded.qualifying_miles,
    qualifying_flights = q.qualifying_flights + excluded.qualifying_flights;
insert into bench_floor.qualifying_lifetime as q (member_number, qualifying_miles, qualifying_flights)
  select member, sum(miles), count(*) from rated group by 1 order by 1
  on conflict (member_number) do update
  set qualifying_miles = q.qualifying_miles + excluded.qualifying_miles,
    qualifying_flights = q.qualifying_flights + excluded.qualifying_flights;
commit;
