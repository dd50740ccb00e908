-- The floor of the scoring job (bench/retention/run.sh): the SQL any implementation must run to
-- publish the scores, without the models' arithmetic. Per member: the summary over member_day (all
-- time and the window), one value per distinct (repeat days, recency, age) history joined back,
-- three quintiles (sorting only their keys, ties by member number byte by byte, as the job does),
-- and a row shaped as retention.member_score with its indexes: what a nightly run must do.
-- floor-history.sql adds what a first run does besides (every member into the segment history).
-- Left out, so the floor is lower than the job can be: the fit, the churn reasons, what the tiers
-- and the ledger say per member, the run's bookkeeping, a nightly run's few segment changes.
-- Variables: as_of, window_start, work_mem. Scratch tables in public, dropped by floor-history.sql.
\set ON_ERROR_STOP 1
set work_mem = :'work_mem';
set jit = off;
drop table if exists public.bench_floor_summary, public.bench_floor_model,
                     public.bench_floor_score, public.bench_floor_history;

create unlogged table public.bench_floor_summary as
select member_number, min(activity_date) first_day, max(activity_date) last_day, count(*) days,
       count(*) filter (where activity_date > :'window_start') window_days,
       coalesce(sum(revenue) filter (where activity_date > :'window_start'), 0) window_value,
       sum(revenue) total
  from retention.member_day
 where activity_date <= :'as_of'
 group by member_number;
analyze public.bench_floor_summary;

create unlogged table public.bench_floor_model as
select days - 1 repeat_days, last_day - first_day last_at, :'as_of'::date - first_day age,
       1.0::float8 / (1 + max(days)) p_alive
  from public.bench_floor_summary
 group by 1, 2, 3;
analyze public.bench_floor_model;

create table public.bench_floor_score (like retention.member_score including defaults);
insert into public.bench_floor_score (member_number, run_id, as_of, first_activity, last_activity,
       recency_days, frequency, monetary, r_score, f_score, m_score, segment, repeat_days, p_alive,
       expected_days_12m, expected_value, clv, tier_code, churn_risk, churn_codes, scored_at)
select s.member_number, 1, :'as_of', s.first_day, s.last_day, :'as_of'::date - s.last_day,
       s.window_days, s.window_value, s.r, s.f, s.m, 'S' || s.r || s.f, s.days - 1, m.p_alive,
       m.p_alive * 2, s.window_value, s.window_value * 3, null, m.p_alive < 0.3,
       case when m.p_alive < 0.3 then 'P_ALIVE_LOW' else '' end, now()
  from (select s.*, q.r, q.f, q.m
          from public.bench_floor_summary s
          join (select member_number,
                       ntile(5) over (order by last_day, member_number collate "C" desc) r,
                       ntile(5) over (order by window_days, member_number collate "C") f,
                       ntile(5) over (order by window_value, member_number collate "C") m
                  from public.bench_floor_summary) q on q.member_number = s.member_number) s
  join public.bench_floor_model m
    on m.repeat_days = s.days - 1 and m.last_at = s.last_day - s.first_day
   and m.age = :'as_of'::date - s.first_day;
alter table public.bench_floor_score add primary key (member_number);
create index on public.bench_floor_score (segment);
create index on public.bench_floor_score (clv desc, member_number) where churn_risk;

