-- Part of the SQL floor (floor-partner.sql, floor-flown.sql): the pooled expiry lots and the
-- accounts of the records in temp table "rated" (member_id, activity_date, miles).
insert into bench_floor.expiry_lot as l (member_id, expires_on, original, remaining)
  select member_id, (date_trunc('month', activity_date) + interval '37 months' - interval '1 day')::date,
    sum(miles), sum(miles)
  from rated group by 1, 2 order by 1, 2
  on conflict (member_id, expires_on) where entry_id is null
  do update set original = l.original + excluded.original, remaining = l.remaining + excluded.remaining;
update bench_floor.account ac set balance = ac.balance + t.miles,
    last_activity_on = greatest(ac.last_activity_on, t.last_date)
  from (select member_id, sum(miles) as miles, max(activity_date) as last_date from rated group by member_id) t
  where ac.member_id = t.member_id;
