#!/usr/bin/env bash
# Retention scoring benchmark: RETENTION_MEMBERS members (default 1,000,000) with a year of activity
# days in retention.member_day, made in SQL (generate_series, skewed: most members have a few days,
# a tail up to RETENTION_MAX_DAYS), then, in the same run, one plain GROUP BY member aggregate over
# those rows (the anchor) and the whole scoring job (POST /api/v1/retention/runs, followed to its
# end). Prints both, the ratio (aim <= 3), the fit time (aim < 1 minute) and the load average
# before and after; a run on a busy machine is marked BUSY and its figures do not count.
#
# Normally run through `./openmiles bench retention`, which builds the WAR, starts PostgreSQL and
# sets OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/retention"
HTTP_PORT="${BENCH_HTTP_PORT:-18096}"
MEMBERS="${RETENTION_MEMBERS:-1000000}"
MAX_DAYS="${RETENTION_MAX_DAYS:-100}"
APP_DB=openmiles_retention

. "$ROOT/bench/lib.sh"
[ "$MEMBERS" -ge 1000 ] 2>/dev/null || die "RETENTION_MEMBERS must be >= 1000"
[ "$MAX_DAYS" -ge 1 ] && [ "$MAX_DAYS" -le 365 ] 2>/dev/null || die "RETENTION_MAX_DAYS must be 1 to 365"
bench_init retention   # also: stops Payara Micro on every exit path

psql_db() { psql_su "$APP_DB" "$@"; }
val() { psql_db -At -c "$1"; }
PM_PID="" # the postmaster, found from a backend (the benchmark connects as the superuser)
cpu_of() { # CPU seconds used so far by the process $1 (and, with "+children", its reaped children)
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk -v t="$(getconf CLK_TCK)" -v c="${2:-}" '{ s = $14 + $15; if (c != "") s += $16 + $17; printf "%.2f", s / t }' "/proc/$1/stat"
}
pg_cpu() { # CPU seconds used so far by the whole cluster: postmaster, exited backends, live processes
  local total k i
  # a backend that has exited but is not reaped yet (a zombie) shows no CPU time anywhere: wait for
  # the postmaster to reap it (its time then moves into the postmaster's children's times)
  for i in $(seq 1 50); do
    for k in $(pgrep -P "$PM_PID" 2>/dev/null); do
      [ "$(awk '{print $3}' "/proc/$k/stat" 2>/dev/null)" = Z ] && { sleep 0.1; continue 2; }
    done
    break
  done
  total="$(cpu_of "$PM_PID" +children)"
  for k in $(pgrep -P "$PM_PID" 2>/dev/null); do total="$(awk -v a="$total" -v b="$(cpu_of "$k")" 'BEGIN { printf "%.2f", a + b }')"; done
  echo "$total"
}
now() { date +%s.%N; }
# a console-like reader while a run runs: one member's scores read every 0.1 s in one session, each
# read timed; reader_stop sets READER_RESULT to the longest read and how many there were (a run that
# blocked its readers while it put new scores in place shows as a long read)
READER_PID=""
reader_start() {
  local member
  member="$(val "select coalesce((select member_number from retention.member_day limit 1), '0')")"
  READER_OUT="$(mktemp)"
  { echo '\timing on'
    for _ in $(seq 1 3000); do
      echo "select p_alive from retention.member_score where member_number = '$member';"
      echo "select pg_sleep(0.1);"
    done; } | psql_db -At >"$READER_OUT" 2>&1 &
  READER_PID=$!
}
reader_stop() { # sets READER_RESULT (not in a subshell, so that it can wait for the reader)
  READER_RESULT=""
  [ -n "$READER_PID" ] || return 0
  # the pipeline's last process is the subshell running psql_db: psql, its child, first (the
  # subshell would wait for it before it ended)
  pkill -TERM -P "$READER_PID" 2>/dev/null || true
  kill "$READER_PID" 2>/dev/null || true
  wait "$READER_PID" 2>/dev/null || true
  READER_PID=""
  # every other timing is a read (the others are the sleeps)
  READER_RESULT="$(grep -o '^Time: [0-9.]*' "$READER_OUT" | awk 'NR % 2 == 1 { n++; if ($2 > m) m = $2 } END { printf "longest read %.1f ms of %d reads", m, n }')"
  rm -f "$READER_OUT"
}
BUSY_LOAD="${RETENTION_BUSY_LOAD:-1.0}"
# the scoring run's transactions get this work_mem (openmiles.retention.scoring.work-mem) and no
# JIT; the anchor runs with the same, so that the ratio compares like with like
WORK_MEM="${RETENTION_WORK_MEM:-256MB}"
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# RETENTION_PROFILE=1: PostgreSQL's per-statement times (pg_stat_statements, when the cluster
# preloads it) for each scoring run, in bench/results; =jfr adds a JFR recording of the server. A
# profiled run's figures do not count
PROFILE="${RETENTION_PROFILE:-0}"
PROFILES=""
profile_start() { # $1: the run's name
  [ "$PROFILE" = 1 ] || [ "$PROFILE" = jfr ] || return 0
  [ "$PROFILE" != jfr ] || jcmd "$PAYARA_PID" JFR.start name="$1" settings=profile filename="$RESULTS_DIR/retention-$STAMP-$1.jfr" >/dev/null
  psql_db -q -o /dev/null -c 'create extension if not exists pg_stat_statements' -c 'select pg_stat_statements_reset()' 2>/dev/null || true
}
profile_stop() { # $1: the run's name
  [ "$PROFILE" = 1 ] || [ "$PROFILE" = jfr ] || return 0
  [ "$PROFILE" != jfr ] || jcmd "$PAYARA_PID" JFR.stop name="$1" >/dev/null
  psql_db >"$RESULTS_DIR/retention-$STAMP-$1-statements.txt" 2>&1 <<'SQL' || true
select round(total_exec_time::numeric / 1000, 2) seconds, calls, rows,
       left(regexp_replace(query, '\s+', ' ', 'g'), 160) statement
  from pg_stat_statements
 where dbid = (select oid from pg_database where datname = current_database())
   and query not ilike '%pg_stat_statements%'
 order by total_exec_time desc limit 25;
SQL
  PROFILES="$PROFILES retention-$STAMP-$1-statements.txt"
  [ "$PROFILE" != jfr ] || PROFILES="$PROFILES retention-$STAMP-$1.jfr"
}

# --- 1. database and server (Flyway creates the schema) -------------------------------------------
# RETENTION_KEEP_DATA=1 keeps the database of the last run and its activity days when it has them
# (for trying a change of the job without generating again); its scores are emptied, the next
# night's days taken out again and the kept summary forgotten, so that the first run is whole
KEEP=""
if [ "${RETENTION_KEEP_DATA:-0}" = 1 ] \
   && [ "$(psql_su "$APP_DB" -Atc "select count(*) from (select 1 from retention.member_day limit 1) x" 2>/dev/null)" = 1 ]; then
  KEEP=1
  say "keeping database $APP_DB and its activity days (RETENTION_KEEP_DATA=1)"
else
  say "creating fresh database $APP_DB (owner openmiles)"
  fresh_database "$APP_DB" openmiles
fi

export OPENMILES_FILES_ENABLED=false OPENMILES_RETENTION_SCORING_WORK_MEM="$WORK_MEM"
start_payara "$APP_DB" -Xmx768m
AUTH="Authorization: Bearer $OPENMILES_API_TOKEN"

AS_OF="$(val "select ((now() at time zone 'Asia/Ho_Chi_Minh')::date - 1)")"

# --- 2. activity days in SQL -----------------------------------------------------------------------
T0="$(now)"
if [ -n "$KEEP" ]; then
  psql_db -c "truncate retention.member_score, retention.member_churn_reason, retention.segment_history, retention.model_fit" \
    -c "delete from retention.member_day where miles_earned = 5" \
    -c "delete from retention.summary_change where activity_date > '$AS_OF'" \
    -c "update retention.summary_state set usable = false, consumed_through = null"
  say "kept $(fmt "$(val "select count(*) from retention.member_day")") activity days; scores emptied"
else
say "generating $(fmt "$MEMBERS") members with a year of activity up to $AS_OF (at most $MAX_DAYS days each)"
psql_db -v members="$MEMBERS" -v max_days="$MAX_DAYS" -v as_of="'$AS_OF'" <<'SQL'
select setseed(0.36);
-- days per member: 1 + max_days * u^5 (u uniform): the median member has 4 days, the mean about
-- max_days / 6, a tail has up to max_days. Each member starts somewhere in the year; 60 % are still
-- active at the end, the others stopped at a random point after their start (what BG/NBD's
-- drop-out describes); days fall between start and stop. 70 % of days with revenue (a fare or
-- partner spend; each member spends at their own level, 0.3 to 3 times the others), the rest miles
-- only.
insert into retention.member_day (member_number, activity_date, flights, partner_transactions,
                                  revenue, miles_earned)
select m.member_number, :as_of::date - m.start + floor(random() * (m.span + 1))::int,
       case when random() < 0.6 then 1 else 0 end, case when random() < 0.4 then 1 else 0 end,
       case when random() < 0.7 then round((m.value * (50 + random() * 450))::numeric, 2) else 0 end,
       100 + floor(random() * 2000)::bigint
  from (select member_number, days, start, 0.3 + 2.7 * power(random(), 2) value,
               case when random() < 0.6 then start else floor(random() * (start + 1))::int end span
          from (select b || l.check_digit member_number,
                       1 + floor(:max_days * power(random(), 5))::int days,
                       floor(random() * 365)::int start
                  from generate_series(1, :members) i
                 cross join lateral (select lpad(i::text, 9, '0') b) n
                 -- a valid member number: nine digits and their Luhn check digit, as MemberNumber
                 cross join lateral (
                   select (10 - sum(case when (9 - k) % 2 = 0
                                         then (substr(n.b, k, 1)::int * 2) % 10 + (substr(n.b, k, 1)::int * 2) / 10
                                         else substr(n.b, k, 1)::int end) % 10) % 10 check_digit
                     from generate_series(1, 9) k) l) g) m
 cross join lateral generate_series(1, m.days) d
on conflict do nothing;
vacuum (analyze) retention.member_day;
checkpoint;
SQL
fi
T1="$(now)"
DAY_ROWS="$(val "select count(*) from retention.member_day")"
say "generated in $(elapsed "$T0" "$T1") s ($(fmt "$DAY_ROWS") activity days)"

PM_PID="$(val "select split_part(pg_read_file('/proc/self/stat'), ' ', 4)")"
# the generation itself raised the load average: let it settle before the timed part
wait_quiet "$BUSY_LOAD"
LOAD_BEFORE="$(load1)"

# --- 3. anchor: one plain GROUP BY member over the same rows (twice: the second, warm, counts) -----
ANCHOR_SQL="select member_number, count(*), sum(revenue), min(activity_date), max(activity_date) from retention.member_day group by member_number"
say "anchor (work_mem $WORK_MEM, jit off): $ANCHOR_SQL"
anchor() { psql_db -o /dev/null -c "set work_mem = '$WORK_MEM'" -c "set jit = off" -c "$ANCHOR_SQL"; }
anchor
A0="$(now)"; AC0="$(pg_cpu)"
anchor
A1="$(now)"; AC1="$(pg_cpu)"
ANCHOR_S="$(elapsed "$A0" "$A1")"

# --- 3b. floor: the SQL any scoring must run to publish the scores, without the models (floor.sql)
WINDOW_START="$(val "select ('$AS_OF'::date - interval '12 months')::date")"
say "floor: summary, quintiles, scores (floor.sql), then the first run's segment history (floor-history.sql)"
F0="$(now)"; FC0="$(pg_cpu)"
psql_db -q -o /dev/null -v as_of="$AS_OF" -v window_start="$WINDOW_START" -v work_mem="$WORK_MEM" \
  -f "$HERE/floor.sql"
FN="$(now)"
psql_db -q -o /dev/null -v as_of="$AS_OF" -v work_mem="$WORK_MEM" -f "$HERE/floor-history.sql"
F1="$(now)"; FC1="$(pg_cpu)"
FLOOR_S="$(elapsed "$F0" "$F1")"
NIGHTLY_FLOOR_S="$(elapsed "$F0" "$FN")"
FLOOR_CPU="$(elapsed "$FC0" "$FC1")"

# --- 4. the scoring job ----------------------------------------------------------------------------
say "scoring run as of $AS_OF (POST /api/v1/retention/runs), followed to its end"
profile_start first
reader_start
R0="$(now)"; RC0="$(pg_cpu)"; RJ0="$(cpu_of "$PAYARA_PID")"
STARTED="$(curl -s -X POST -H "$AUTH" -w '\n%{http_code}' "http://127.0.0.1:$HTTP_PORT/api/v1/retention/runs?asOf=$AS_OF")"
CODE="$(printf '%s' "$STARTED" | tail -1)"
[ "$CODE" = 202 ] || die "the run start answered $CODE: $STARTED"
RUN_ID="$(printf '%s' "$STARTED" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)"
STATE=RUNNING
while [ "$STATE" = RUNNING ]; do
  sleep 0.2
  STATE="$(val "select state from retention.score_run where run_id = $RUN_ID")"
done
R1="$(now)"; RC1="$(pg_cpu)"; RJ1="$(cpu_of "$PAYARA_PID")"
LOAD_AFTER="$(load1)"
reader_stop; READER_FIRST="$READER_RESULT"
profile_stop first
RUN_S="$(elapsed "$R0" "$R1")"
[ "$STATE" = DONE ] || die "run $RUN_ID ended $STATE: $(val "select message from retention.score_run where run_id = $RUN_ID")"
SERVER_S="$(val "select round(extract(epoch from finished_at - started_at)::numeric, 2) from retention.score_run where run_id = $RUN_ID")"
FIT_S="$(val "select round(sum(duration_ms) / 1000.0, 2) from retention.model_fit where run_id = $RUN_ID")"
FITS="$(val "select kind || ' ' || parameters || ' LL ' || round(log_likelihood::numeric, 1) || ', ' || members || ' members in ' || distinct_rows || ' distinct rows, ' || duration_ms || ' ms' from retention.model_fit where run_id = $RUN_ID order by fit_id" | sed 's/^/    /')"
COUNTS="$(val "select 'scored ' || scored || ', at risk ' || at_risk || ', moved ' || moved from retention.score_run where run_id = $RUN_ID")"
STEPS="$(grep -o 'retention scoring run '"$RUN_ID"' [^"]*' "$PAYARA_LOG" | head -1 | sed 's/.*; summary/summary/')"
SEGMENTS="$(val "select segment || ': ' || count(*) from retention.member_score group by segment order by count(*) desc" | sed 's/^/    /')"

# --- 4b. the next night: a day of activity dated the day after (as many member-days as a day of the
# generated year has, each for a different member), a few late days for earlier dates (claims), and
# a run for that day: the summary kept from the first run is brought to the new date (ADR 0043), the
# window moves on by a day. Their 5 miles (the generator makes 100 or more) mark them, so that
# RETENTION_KEEP_DATA takes them out again. RETENTION_SECOND_RUN=0 skips it
SECOND_S="-"
LAST_AS_OF="$AS_OF"
if [ "${RETENTION_SECOND_RUN:-1}" = 1 ]; then
  NEXT_DAY="$(val "select '$AS_OF'::date + 1")"
  DAILY="$(val "select greatest(1, count(*) / 365) from retention.member_day")"
  LATE=$(( DAILY / 20 + 1 ))
  psql_db -q -o /dev/null -v day="'$NEXT_DAY'" -v daily="$DAILY" -v late="$LATE" <<'SQL'
select setseed(0.37);
insert into retention.member_day (member_number, activity_date, flights, partner_transactions,
                                  revenue, miles_earned)
select member_number, :day::date, 1, 0, round((50 + random() * 450)::numeric, 2), 5
  from (select member_number from retention.member_score order by random() limit :daily) m;
insert into retention.member_day (member_number, activity_date, flights, partner_transactions,
                                  revenue, miles_earned)
select member_number, :day::date - 2 - floor(random() * 300)::int, 0, 1, 0, 5
  from (select member_number from retention.member_score order by random() limit :late) m
on conflict do nothing;
SQL
  wait_quiet "$BUSY_LOAD"
  say "the next night: $(fmt "$DAILY") members active on $NEXT_DAY, $(fmt "$LATE") late days; scoring run as of $NEXT_DAY"
  profile_start night
  reader_start
  S0="$(now)"
  STARTED2="$(curl -s -X POST -H "$AUTH" "http://127.0.0.1:$HTTP_PORT/api/v1/retention/runs?asOf=$NEXT_DAY")"
  RUN2="$(printf '%s' "$STARTED2" | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1)"
  [ -n "$RUN2" ] || die "the second run did not start: $STARTED2"
  while [ "$(val "select state from retention.score_run where run_id = $RUN2")" = RUNNING ]; do sleep 0.2; done
  S1="$(now)"
  reader_stop; READER_NIGHT="$READER_RESULT"
  profile_stop night
  SECOND_S="$(elapsed "$S0" "$S1")"
  SECOND_FIT="$(val "select round(sum(duration_ms) / 1000.0, 2) from retention.model_fit where run_id = $RUN2")"
  SECOND_STATE="$(val "select state || ', moved ' || coalesce(moved::text, '-') from retention.score_run where run_id = $RUN2")"
  SECOND_STEPS="$(grep -o 'retention scoring run '"$RUN2"' [^"]*' "$PAYARA_LOG" | head -1 | sed 's/.*; summary/summary/')"
  SECOND_SUMMARY="$(grep -o 'retention summary as of '"$NEXT_DAY"'[^"]*' "$PAYARA_LOG" | tail -1)"
  LAST_AS_OF="$NEXT_DAY"
fi

# --- 5. checks -------------------------------------------------------------------------------------
VERDICT=PASS
CHECK_LINES=""
check "members scored = members with activity" "$(val "select count(*) from retention.member_score")" "$(val "select count(distinct member_number) from retention.member_day")"
# the last run's scores against one aggregate of the days as of its date: after the next night's
# run, what the kept summary gave must be what the days say
check "members whose first/last day, repeat days or frequency differ from their days" \
  "$(val "select count(*) from retention.member_score s join (select member_number, min(activity_date) f, max(activity_date) l, count(*) - 1 x, count(*) filter (where activity_date > '$LAST_AS_OF'::date - interval '12 months') n from retention.member_day where activity_date <= '$LAST_AS_OF' group by member_number) d using (member_number) where (s.first_activity, s.last_activity, s.repeat_days, s.frequency) is distinct from (d.f, d.l, d.x, d.n)")" 0
check "members whose monetary value differs from their days' (mile value 0.01)" \
  "$(val "select count(*) from retention.member_score s join (select member_number, coalesce(sum(case when revenue > 0 then revenue else miles_earned * 0.01 end) filter (where activity_date > '$LAST_AS_OF'::date - interval '12 months'), 0) m from retention.member_day where activity_date <= '$LAST_AS_OF' group by member_number) d using (member_number) where abs(s.monetary - d.m) > 0.01")" 0
check "quintile sizes differ by more than one" \
  "$(val "select count(*) from (select max(c) - min(c) d from (select r_score, count(*) c from retention.member_score group by r_score) x) y where d > 1")" 0
check "members without a segment or P(alive) outside 0..1" \
  "$(val "select count(*) from retention.member_score where segment is null or p_alive < 0 or p_alive > 1")" 0
check "segment history rows of the first run = members scored" "$(val "select count(*) from retention.segment_history where run_id = $RUN_ID")" "$(val "select count(*) from retention.member_score")"

BUSY=""
if awk -v a="$LOAD_BEFORE" -v b="$LOAD_AFTER" -v l="$BUSY_LOAD" 'BEGIN { exit !(a > l) }'; then
  BUSY="BUSY: the load average was $LOAD_BEFORE before the timed part (above $BUSY_LOAD): other work shared the machine, the figures do not count"
fi
RATIO="$(ratio "$RUN_S" "$ANCHOR_S")"
ANCHOR_CPU="$(elapsed "$AC0" "$AC1")"
RUN_PG_CPU="$(elapsed "$RC0" "$RC1")"
RUN_JAVA_CPU="$(elapsed "$RJ0" "$RJ1")"
CPU_RATIO="$(awk -v a="$RUN_PG_CPU" -v j="$RUN_JAVA_CPU" -v b="$ANCHOR_CPU" 'BEGIN { if (b > 0) printf "%.2f", (a + j) / b; else print "n/a" }')"
{
  report_host "OpenMiles retention scoring benchmark" modules db
  echo "members: $(fmt "$MEMBERS") with $(fmt "$DAY_ROWS") activity days (made in SQL in $(elapsed "$T0" "$T1") s); as of $AS_OF"
  echo "load average (1 min): $LOAD_BEFORE before, $LOAD_AFTER after"
  [ -z "$BUSY" ] || echo "$BUSY"
  [ -z "$PROFILES" ] || echo "PROFILED (RETENTION_PROFILE=$PROFILE; the figures do not count):$PROFILES"
  echo
  printf '  %-8s %-58s %8s s\n' anchor "GROUP BY member over member_day (warm, second of two)" "$ANCHOR_S"
  echo "           (both with work_mem $WORK_MEM and JIT off)"
  printf '  %-8s %-58s %8s s   ratio %s (PostgreSQL CPU %s s)\n' floor "a first run's SQL: summary, quintiles, scores, history" "$FLOOR_S" "$(ratio "$FLOOR_S" "$ANCHOR_S")" "$FLOOR_CPU"
  printf '  %-8s %-58s %8s s   ratio %s\n' "" "of which a nightly run's (all but the history; floor.sql)" "$NIGHTLY_FLOOR_S" "$(ratio "$NIGHTLY_FLOOR_S" "$ANCHOR_S")"
  printf '  %-8s %-58s %8s s   ratio %s (aim <= 3); %s x the floor\n' scoring "POST /api/v1/retention/runs to DONE (server: $SERVER_S s)" "$RUN_S" "$RATIO" "$(ratio "$RUN_S" "$FLOOR_S")"
  printf '  %-8s %-58s %8s s   (aim < 60)\n' fit "BG/NBD + Gamma-Gamma maximum likelihood" "$FIT_S"
  [ "$SECOND_S" = - ] || printf '  %-8s %-58s %8s s   ratio %s; %s x the nightly floor (fit %s s; %s)\n' night "the next night: a day of activity, as of $LAST_AS_OF" "$SECOND_S" "$(ratio "$SECOND_S" "$ANCHOR_S")" "$(ratio "$SECOND_S" "$NIGHTLY_FLOOR_S")" "$SECOND_FIT" "$SECOND_STATE"
  [ "$SECOND_S" = - ] || echo "           $SECOND_SUMMARY"
  [ "$SECOND_S" = - ] || echo "           steps: $SECOND_STEPS"
  [ "$SECOND_S" = - ] || echo "           a reader of one member's scores every 0.1 s during the night: $READER_NIGHT"
  printf '  %-8s anchor %s s (PostgreSQL); scoring %s s (PostgreSQL) + %s s (Payara Micro)   ratio %s\n' \
    "CPU" "$ANCHOR_CPU" "$RUN_PG_CPU" "$RUN_JAVA_CPU" "$CPU_RATIO"
  echo "  steps: $STEPS"
  echo "  a reader of one member's scores every 0.1 s during the first run: $READER_FIRST"
  echo "  run $RUN_ID: $COUNTS"
  echo "  fits:"
  echo "$FITS"
  echo "  segments:"
  echo "$SEGMENTS"
  echo "  checks:"
  printf '%s' "$CHECK_LINES"
  echo "  outcome: $VERDICT${BUSY:+ (BUSY)}"
} | publish_report
