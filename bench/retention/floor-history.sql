-- The first run's part of the scoring floor (bench/retention/run.sh, after floor.sql): every member
-- scored enters the segment history (a nightly run appends only the few who changed segment), with
-- the history's indexes. Then the floor's scratch tables go.
\set ON_ERROR_STOP 1
set work_mem = :'work_mem';
create table public.bench_floor_history (like retention.segment_history including defaults);
insert into public.bench_floor_history (member_number, run_id, changed_on, from_segment, to_segment,
       changed_at)
select member_number, 1, :'as_of', null, segment, now() from public.bench_floor_score;
alter table public.bench_floor_history add primary key (member_number, run_id);
create index on public.bench_floor_history (changed_on, from_segment, to_segment);

drop table public.bench_floor_summary, public.bench_floor_model,
           public.bench_floor_score, public.bench_floor_history;
