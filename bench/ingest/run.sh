#!/usr/bin/env bash
# Ingestion benchmark, two feeds on one server and one database (INGEST_FEEDS=partner,flown):
# - a generated 1,000,000-record partner activity file (DEMO_BANK, SPEND in VND) and
# - a generated 1,000,000-coupon flown-coupon file from the host carrier (VN, flown/lifted coupons of
#   round trips between the demo airports, rated by class x distance),
# each dropped into its inbound folder and taken end to end (Camel file route, two streaming passes,
# accrual, ledger) until its acknowledgement appears; records/s next to psql \copy of the same file's
# detail lines into a plain indexed table in the same run. Then checks exactly-once and the ledger
# invariants, and that a re-sent copy of each file is answered DUPLICATE without any change.
#
# Normally run through `./openmiles bench ingest`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md for the knobs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ingest"

HTTP_PORT="${BENCH_HTTP_PORT:-18090}"
FEEDS="${INGEST_FEEDS:-partner,flown}"
RECORDS="${INGEST_RECORDS:-1000000}"   # partner records
COUPONS="${INGEST_COUPONS:-1000000}"   # flown coupons
FLOWN_DAYS="${INGEST_FLOWN_DAYS:-330}" # flight dates 1..N days ago
MEMBERS="${INGEST_MEMBERS:-20000}"
CLIENTS="${INGEST_CLIENTS:-16}"
CHUNK="${INGEST_CHUNK:-}"              # empty: the server's default (openmiles.files.chunk)
ANALYZE="${INGEST_ANALYZE:-1}"
BUSY_LOAD="${INGEST_BUSY_LOAD:-1.5}"   # a timed part waits for the load average to fall below it
TIMEOUT="${INGEST_TIMEOUT:-3600}"      # seconds to wait for the acknowledgement
KEEP_FILES="${INGEST_KEEP_FILES:-0}"
JFR="${INGEST_JFR:-0}"                 # 1: a JFR recording of the server per ingest (bench/results)
PARTNER=DEMO_BANK
CARRIER=VN                             # the host carrier (openmiles.accrual.host-carrier)
APP_DB=openmiles_ingest

. "$ROOT/bench/lib.sh"
bench_init ingest   # also: stops Payara Micro on every exit path
feed_on() { case ",$FEEDS," in *",$1,"*) return 0;; *) return 1;; esac; }
for f in ${FEEDS//,/ }; do
  case "$f" in partner|flown) ;; *) die "INGEST_FEEDS: unknown feed '$f' (partner, flown)";; esac
done
feed_on partner || feed_on flown || die "INGEST_FEEDS names no feed (partner, flown)"
[ "$RECORDS" -ge 1 ] && [ "$COUPONS" -ge 1 ] && [ "$MEMBERS" -ge 1 ] 2>/dev/null \
  || die "INGEST_RECORDS, INGEST_COUPONS and INGEST_MEMBERS must be >= 1"
[ "$FLOWN_DAYS" -ge 1 ] && [ "$FLOWN_DAYS" -le 330 ] 2>/dev/null || die "INGEST_FLOWN_DAYS must be 1 to 330"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

GC_LOG="$RESULTS_DIR/ingest-$STAMP-gc.log"

# the server's file tree (fresh each run) and the generated file live outside the repository
FILES_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/openmiles-ingest.XXXXXX")"
WORK="$FILES_ROOT/bench"
mkdir -p "$WORK"

# --- cleanup: the file tree (bench_init's trap stops Payara Micro) ---------------------------------
remove_files() {
  if [ "$KEEP_FILES" = 1 ]; then
    say "files kept in $FILES_ROOT"
  else
    rm -rf "$FILES_ROOT"
  fi
}
BENCH_CLEANUP+=(remove_files)

# --- 1. database and server ---------------------------------------------------------------------
say "creating fresh database $APP_DB (owner openmiles)"
fresh_database "$APP_DB" openmiles

say "the server's files are in $FILES_ROOT"
if [ -n "$CHUNK" ]; then export OPENMILES_FILES_CHUNK="$CHUNK"; fi
OPENMILES_FILES_ROOT="$FILES_ROOT" OPENMILES_FILES_POLL_MS=200 start_payara "$APP_DB" -Xlog:gc:file="$GC_LOG"
PARTNER_DIR="$FILES_ROOT/partners/$PARTNER"
FLOWN_DIR="$FILES_ROOT/airline/flown"
! feed_on partner || [ -d "$PARTNER_DIR/inbound" ] || die "the server did not create $PARTNER_DIR/inbound (is $PARTNER an active partner?)"
! feed_on flown || [ -d "$FLOWN_DIR/inbound" ] || die "the server did not create $FLOWN_DIR/inbound"
say "OpenMiles is ready (routes started)"

# --- 2. members -------------------------------------------------------------------------------
say "enrolling $MEMBERS members ($CLIENTS clients)"
java -Xmx256m "$HERE/IngestBench.java" enroll --url "http://127.0.0.1:$HTTP_PORT" --members "$MEMBERS" \
  --clients "$CLIENTS" --run-id "$STAMP" --out "$WORK/members.csv" || die "enrollment failed"

# --- helpers shared by the phases; results go to R[<feed>.<key>] ---------------------------------
declare -A R
fileprop() { sed -n "s/^$2=//p" "$1" | head -1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
snapshot() { # partner activities, flown coupons, ledger entries, total balance, inbound files
  psql_su "$APP_DB" -At -F, -c "select (select count(*) from accrual.partner_activity),
    (select count(*) from accrual.flown_coupon), (select count(*) from accounts.ledger_entry),
    (select coalesce(sum(balance), 0) from accounts.account), (select count(*) from accrual.inbound_file)"
}
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }
rss_kb() { ps -o rss= -p "$PAYARA_PID" 2>/dev/null | tr -d ' '; }
ackv() { sed -n "s/^$2,//p" "$1" | head -1 | tr -d '"'; }
# CPU time in clock ticks: the server's JVM, and the PostgreSQL cluster (the postmaster with its reaped
# children, plus every live backend); divided by the records these give CPU per record apart from the load
TICK_US="$(awk -v t="$(getconf CLK_TCK)" 'BEGIN { print 1000000 / t }')"
PG_PM="$(head -1 "$(psql_su postgres -Atc 'show data_directory')/postmaster.pid")"
jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$PAYARA_PID/stat"; }
pg_ticks() {
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_PM/stat"
    for p in $(ps -o pid= --ppid "$PG_PM"); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done
  } | awk '{ s += $1 } END { print s + 0 }'
}
# the JVM's JIT compiler and GC threads (live ones: a compiler thread that ends takes its ticks along,
# so these are lower bounds and the rest, "application", an upper bound)
jvm_split_ticks() {
  local jit=0 gc=0 t comm ticks
  for t in /proc/"$PAYARA_PID"/task/*; do
    comm="$(cat "$t/comm" 2>/dev/null)" || continue
    ticks="$(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null)" || continue
    case "$comm" in
      C1\ Compiler*|C2\ Compiler*) jit=$((jit + ticks));;
      GC\ Thread*|G1\ *) gc=$((gc + ticks));;
    esac
  done
  echo "$jit $gc"
}
us_per() { awk -v t="$1" -v n="$2" -v u="$TICK_US" 'BEGIN { printf "%.1f", t * u / n }'; }

# anchor: psql \copy of the file's detail lines into a plain table with a unique key and a member index
anchor() { # feed, file, records, column definitions, unique key columns
  local feed="$1" file="$2" n="$3" t0 t1 rows
  wait_quiet "$BUSY_LOAD"
  say "anchor ($feed): \\copy of the $n detail lines into bench_copy (unique index on ($5), index on member)"
  psql_su "$APP_DB" <<SQL
drop table if exists public.bench_copy;
create table public.bench_copy ($4);
create unique index bench_copy_key_uk on public.bench_copy ($5);
create index bench_copy_member_idx on public.bench_copy (member);
checkpoint;
SQL
  local pg0; pg0="$(pg_ticks)"
  t0="$(now)"
  grep '^D,' "$file" | cut -d, -f2- | psql_su "$APP_DB" -c '\copy public.bench_copy from pstdin with (format csv)'
  t1="$(now)"
  sleep 1   # as in floor_run
  R[$feed.copy_pg_us]="$(us_per $(($(pg_ticks) - pg0)) "$n")"
  R[$feed.copy_seconds]="$(elapsed "$t0" "$t1")"
  rows="$(psql_su "$APP_DB" -Atc 'select count(*) from public.bench_copy')"
  [ "$rows" = "$n" ] || die "\\copy loaded $rows rows, expected $n"
  R[$feed.copy_rps]="$(awk -v n="$rows" -v s="${R[$feed.copy_seconds]}" 'BEGIN { printf "%.0f", n / s }')"
  say "anchor ($feed): $rows rows in ${R[$feed.copy_seconds]} s = ${R[$feed.copy_rps]} rows/s"
  # the anchor table goes, so that the ingest starts from the same database state it would without it
  psql_su "$APP_DB" -c 'drop table public.bench_copy'
}

# the SQL floor: the least work PostgreSQL must do for the file, in one set-based transaction from a
# staged \copy into empty clones of the real tables (floor-<feed>.sql says what it writes and leaves out)
FLOOR="${INGEST_FLOOR:-1}"
floor_run() { # feed, file, records, stage column definitions, the facts' psql variables (floor-facts.sql)
  local feed="$1" file="$2" n="$3" t0 t1 pg0
  [ "$FLOOR" = 1 ] || return 0
  wait_quiet "$BUSY_LOAD"
  say "SQL floor ($feed): \\copy into a staging table, then set-based SQL into clones of the real tables"
  psql_su "$APP_DB" >/dev/null <<SQL
drop schema if exists bench_floor cascade;
create schema bench_floor;
create unlogged table bench_floor.stage (line bigint generated always as identity, $4);
create table bench_floor.partner_activity (like accrual.partner_activity including all);
create table bench_floor.flown_coupon (like accrual.flown_coupon including all);
create table bench_floor.ledger_entry (like accounts.ledger_entry including all);
create table bench_floor.expiry_lot (like accounts.expiry_lot including all);
create table bench_floor.account (like accounts.account including all);
insert into bench_floor.account select * from accounts.account;
create table bench_floor.qualifying_month (like tiers.qualifying_month including all);
insert into bench_floor.qualifying_month select * from tiers.qualifying_month;
create table bench_floor.qualifying_lifetime (like tiers.qualifying_lifetime including all);
insert into bench_floor.qualifying_lifetime select * from tiers.qualifying_lifetime;
create table bench_floor.member_day (like retention.member_day including all);
analyze;
checkpoint;
SQL
  local columns ts
  columns="$(printf '%s\n' "$4" | sed 's/ [a-z]*,/,/g; s/ [a-z]*$//' | tr -d '\n' | tr -s ' ')"
  pg0="$(pg_ticks)"
  t0="$(now)"
  grep '^D,' "$file" | cut -d, -f2- \
    | psql_su "$APP_DB" -q -c "\\copy bench_floor.stage ($columns) from pstdin with (format csv)" >/dev/null \
    || die "the SQL floor of $feed failed to stage the file"
  ts="$(now)"
  psql_su "$APP_DB" -q -v partner="$PARTNER" -f "$HERE/floor-$feed.sql" >/dev/null || die "the SQL floor of $feed failed"
  t1="$(now)"
  R[$feed.floor_stage_seconds]="$(elapsed "$t0" "$ts")"
  R[$feed.floor_write_seconds]="$(elapsed "$ts" "$t1")"
  sleep 1   # the postmaster adds the ended backend's CPU to its own once it has reaped it
  R[$feed.floor_pg_us]="$(us_per $(($(pg_ticks) - pg0)) "$n")"
  R[$feed.floor_seconds]="$(elapsed "$t0" "$t1")"
  R[$feed.floor_rps]="$(awk -v n="$n" -v s="${R[$feed.floor_seconds]}" 'BEGIN { printf "%.0f", n / s }')"
  say "SQL floor ($feed): $n records in ${R[$feed.floor_seconds]} s = ${R[$feed.floor_rps]} records/s"
  # the facts' floor: the member-day rows any day-level facts must write, after a checkpoint as above
  psql_su "$APP_DB" -q -c checkpoint >/dev/null
  local -a facts; read -r -a facts <<<"$5"
  pg0="$(pg_ticks)"
  t0="$(now)"
  psql_su "$APP_DB" -q "${facts[@]/#/-v}" -f "$HERE/floor-facts.sql" >/dev/null \
    || die "the facts' floor of $feed failed"
  t1="$(now)"
  sleep 1
  R[$feed.facts_floor_seconds]="$(elapsed "$t0" "$t1")"
  R[$feed.facts_floor_pg_us]="$(us_per $(($(pg_ticks) - pg0)) "$n")"
  R[$feed.facts_floor_days]="$(psql_su "$APP_DB" -Atc 'select count(*) from bench_floor.member_day')"
  say "facts' floor ($feed): ${R[$feed.facts_floor_days]} member-day rows in ${R[$feed.facts_floor_seconds]} s"
  psql_su "$APP_DB" -c 'drop schema bench_floor cascade' -c checkpoint >/dev/null
}

# ingest: rename the file into inbound/, wait for its ack; progress, RSS and GC while it runs
ingest() { # feed, file, records, feed folder, table counted for progress, inbound_file condition, name
  local feed="$1" file="$2" n="$3" dir="$4" table="$5" where="$6" name="$7"
  local ack="$dir/outbound/$name.ack.csv" rss rss_max gc_from t0 t1 start_s last_s last_count s count
  cp "$file" "$dir/inbound/$name.part"   # ignored by the route until renamed
  sync "$dir/inbound/$name.part"
  if [ "$ANALYZE" = 1 ]; then
    say "analyze (fresh tables: see bench/README.md, Why ANALYZE)"
    psql_su "$APP_DB" -c analyze
  fi
  psql_su "$APP_DB" -c checkpoint
  wait_quiet "$BUSY_LOAD"
  R[$feed.load_before]="$(load1)"
  R[$feed.before]="$(snapshot)"
  R[$feed.rss_before]="$(rss_kb)"
  rss_max="${R[$feed.rss_before]}"
  gc_from="$(wc -l <"$GC_LOG")"
  say "ingest ($feed): $name ($n records, $(mb "$(stat -c %s "$file")")) renamed into $dir/inbound"
  if [ "$JFR" = 1 ]; then
    R[$feed.jfr]="$RESULTS_DIR/ingest-$STAMP-$feed.jfr"
    jcmd "$PAYARA_PID" JFR.start name="ingest-$feed" filename="${R[$feed.jfr]}" >/dev/null
  fi
  # statements per ingest, if the cluster preloads pg_stat_statements (see bench/README.md)
  STATEMENTS=0
  if psql_su "$APP_DB" -c 'create extension if not exists pg_stat_statements' -c 'select pg_stat_statements_reset()' >/dev/null 2>&1; then
    STATEMENTS=1
  fi
  local jvm0 pg0 jit0 gc0 jit1 gc1; jvm0="$(jvm_ticks)"; pg0="$(pg_ticks)"
  read -r jit0 gc0 <<<"$(jvm_split_ticks)"
  t0="$(now)"
  mv "$dir/inbound/$name.part" "$dir/inbound/$name"
  start_s="${t0%.*}"; last_s="$start_s"; last_count="$(psql_su "$APP_DB" -Atc "select count(*) from $table")"
  local first_count="$last_count"
  while [ ! -f "$ack" ]; do
    kill -0 "$PAYARA_PID" 2>/dev/null || die "Payara Micro stopped during the ingest; see $PAYARA_LOG"
    if compgen -G "$dir/failed/*" >/dev/null; then die "the file was moved to failed/; see $PAYARA_LOG"; fi
    rss="$(rss_kb)"
    [ -n "$rss" ] && [ "$rss" -gt "$rss_max" ] && rss_max="$rss"
    s="$(date +%s)"
    if [ $((s - last_s)) -ge 10 ]; then
      count="$(psql_su "$APP_DB" -Atc "select count(*) from $table" 2>/dev/null || echo "$last_count")"
      printf '    %5d s  %9d records recorded  %7d/s  RSS %d MB\n' $((s - start_s)) $((count - first_count)) \
        $(((count - last_count) / (s - last_s))) $((rss / 1024)) >&2
      last_s="$s"; last_count="$count"
    fi
    [ $((s - start_s)) -lt "$TIMEOUT" ] || die "no acknowledgement after $TIMEOUT s; see $PAYARA_LOG"
    sleep 1
  done
  t1="$(date -r "$ack" +%s.%N)"   # when the server wrote the ack, not when the loop noticed it
  R[$feed.load_after]="$(load1)"
  read -r jit1 gc1 <<<"$(jvm_split_ticks)"
  local jvm_d=$(($(jvm_ticks) - jvm0))
  R[$feed.jvm_us]="$(us_per "$jvm_d" "$n")"
  R[$feed.jit_us]="$(us_per $((jit1 - jit0)) "$n")"
  R[$feed.gc_us]="$(us_per $((gc1 - gc0)) "$n")"
  R[$feed.app_us]="$(us_per $((jvm_d - (jit1 - jit0) - (gc1 - gc0))) "$n")"
  R[$feed.pg_us]="$(us_per $(($(pg_ticks) - pg0)) "$n")"
  if [ "$JFR" = 1 ]; then jcmd "$PAYARA_PID" JFR.stop name="ingest-$feed" >/dev/null; fi
  if [ "$STATEMENTS" = 1 ]; then
    R[$feed.statements]="$RESULTS_DIR/ingest-$STAMP-$feed-statements.txt"
    # this database's statements, the benchmark's own questions left out
    local mine="dbid = (select oid from pg_database where datname = current_database())
      and query not ilike '%pg_stat_statements%'"
    psql_su "$APP_DB" >"${R[$feed.statements]}" <<SQL || true
select calls, round(total_exec_time::numeric, 0) as ms,
  round((total_exec_time * 1000 / $n)::numeric, 1) as us_per_record, rows,
  shared_blks_hit + shared_blks_read as blocks, wal_records, left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query
from pg_stat_statements where $mine order by total_exec_time desc limit 25;
SQL
    # retention's member facts: their statements' time per record, and their share of all statements
    read -r R[$feed.facts_us] R[$feed.facts_share] <<<"$(psql_su "$APP_DB" -At -F' ' -c "
      select round((coalesce(sum(total_exec_time) filter (where query ~ 'retention\.(member_|fact_journal)'), 0)
                    * 1000 / $n)::numeric, 1),
             round((100 * coalesce(sum(total_exec_time) filter (where query ~ 'retention\.(member_|fact_journal)'), 0)
                    / nullif(sum(total_exec_time), 0))::numeric, 1)
        from pg_stat_statements where $mine")" || true
  fi
  # retention's facts journal (ADR 0041): the server folds it into the kept facts once the feed is
  # idle; the time from the ack until it is empty, and the server's CPU meanwhile, per record
  R[$feed.journal_rows]="$(psql_su "$APP_DB" -Atc "select count(*) from retention.fact_journal" 2>/dev/null || echo 0)"
  local fj0 fp0 fe
  fj0="$(jvm_ticks)"; fp0="$(pg_ticks)"
  # (the statistics' inserted less deleted rows first: asking the table itself scans the dead rows
  # a fold leaves until autovacuum has been, a tenth of a second per call after a large file)
  for _ in $(seq 1 1200); do
    if [ "$(psql_su "$APP_DB" -Atc "select coalesce(n_tup_ins - n_tup_del, 0) <= 0 from pg_stat_user_tables
          where relid = 'retention.fact_journal'::regclass" 2>/dev/null || echo t)" = t ] \
       && [ "$(psql_su "$APP_DB" -Atc "select exists (select 1 from retention.fact_journal)" 2>/dev/null || echo f)" = f ]; then
      break
    fi
    sleep 1
  done
  fe="$(date +%s.%N)"
  R[$feed.fold_seconds]="$(elapsed "$t1" "$fe")"
  R[$feed.fold_jvm_us]="$(us_per $(($(jvm_ticks) - fj0)) "$n")"
  R[$feed.fold_pg_us]="$(us_per $(($(pg_ticks) - fp0)) "$n")"
  R[$feed.rss_max]="$rss_max"
  R[$feed.ack]="$ack"
  R[$feed.name]="$name"
  R[$feed.ingest_seconds]="$(elapsed "$t0" "$t1")"
  R[$feed.ingest_rps]="$(awk -v n="$n" -v s="${R[$feed.ingest_seconds]}" 'BEGIN { printf "%.0f", n / s }')"
  # where the time went: the server registers the file after its checking pass (received_at) and
  # completes it after the last chunk (completed_at)
  local received completed
  read -r received completed <<<"$(psql_su "$APP_DB" -At -F' ' -c "select extract(epoch from received_at),
    extract(epoch from completed_at) from accrual.inbound_file where $where and file_name = '$name'")"
  R[$feed.check_seconds]="$(elapsed "$t0" "${received:-$t0}")"
  R[$feed.credit_seconds]="$(elapsed "${received:-$t0}" "${completed:-$t0}")"
  R[$feed.ack_seconds]="$(elapsed "${completed:-$t1}" "$t1")"
  say "ingest ($feed): $(ackv "$ack" status), $(ackv "$ack" accepted) accepted in ${R[$feed.ingest_seconds]} s = ${R[$feed.ingest_rps]} records/s"
  R[$feed.gc]="$(tail -n +"$((gc_from + 1))" "$GC_LOG" | awk '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) {
      split(substr($0, RSTART, RLENGTH), p, /M->|M\(|M\)/); n++
      if (p[2] + 0 > live) live = p[2] + 0; if (p[3] + 0 > committed) committed = p[3] + 0 }
    /Pause Full/ { full++ }
    END { printf "%d %d %d %d", n, live, committed, full }')"
  R[$feed.after]="$(snapshot)"
  R[$feed.rejects]=""
  if [ -f "$dir/outbound/$name.rejects.csv" ]; then R[$feed.rejects]="$(sed -n '2,4p' "$dir/outbound/$name.rejects.csv")"; fi
}

# the same file again, under another name: DUPLICATE, nothing changes
resend() { # feed, file, feed folder
  local feed="$1" file="$2" dir="$3" name2="${R[$1.name]%.csv}-again.csv"
  local ack2="$dir/outbound/$name2.ack.csv"
  say "re-sending the same content as $name2"
  cp "$file" "$dir/inbound/$name2.part"
  mv "$dir/inbound/$name2.part" "$dir/inbound/$name2"
  for _ in $(seq 1 600); do [ -f "$ack2" ] && break; sleep 0.5; done
  [ -f "$ack2" ] || die "no acknowledgement for the re-sent file after 300 s; see $PAYARA_LOG"
  R[$feed.ack2_status]="$(ackv "$ack2" status)"
  R[$feed.again]="$(snapshot)"
}

# --- 3. partner phase: generate, anchor, ingest, re-send ------------------------------------------
if feed_on partner; then
  PFILE="$WORK/partner-file.csv"
  PPROPS="$WORK/partner-file.properties"
  say "generating a $PARTNER file with $RECORDS records"
  java -Xmx256m "$HERE/IngestBench.java" generate --members "$WORK/members.csv" --records "$RECORDS" \
    --partner "$PARTNER" --run-id "$STAMP" --out "$PFILE" --props "$PPROPS" || die "generation failed"
  anchor partner "$PFILE" "$RECORDS" "tx text, member text, last_name text, activity_date date, basis text,
    quantity numeric, currency text, description text" tx
  floor_run partner "$PFILE" "$RECORDS" "tx text, member text, last_name text, activity_date date, basis text,
    quantity numeric, currency text, description text" \
    "member=member day=activity_date flights=0 transactions=count(*) revenue=sum(quantity) miles=sum(floor(quantity/20000))"
  ingest partner "$PFILE" "$RECORDS" "$PARTNER_DIR" accrual.partner_activity "partner_code = '$PARTNER'" "bench-$STAMP.csv"
  resend partner "$PFILE" "$PARTNER_DIR"
fi

# --- 4. flown phase: the program's flight rules, generate, anchor, ingest, re-send ----------------
if feed_on flown; then
  FFILE="$WORK/flown-file.csv"
  FPROPS="$WORK/flown-file.properties"
  RULES="$WORK/flight-rules.csv"
  # the generator rates the coupons by the rules the migrations seeded (effective-dated rows as they
  # are), to know the miles the file must earn; promotions are not in it: their bonus is checked
  # against the ledger instead
  psql_su "$APP_DB" -At -F, >"$RULES" <<SQL
select 'A', iata, coalesce(country, ''), latitude::text, longitude::text from accrual.airport
union all select 'E', carrier_code, effective_from::text, coalesce(effective_to::text, ''), model
  from accrual.flight_earn_model
union all select 'F', carrier_code || ',' || booking_class, region, effective_from::text,
  coalesce(effective_to::text, '') || ',' || earn_factor || ',' || segment_factor from accrual.flight_earn_factor
union all select 'M', carrier_code, region, effective_from::text, coalesce(effective_to::text, '') || ',' || minimum_miles
  from accrual.flight_earn_minimum
union all select 'C', airport_a, airport_b, effective_from::text, coalesce(effective_to::text, '') || ',' || miles
  from accrual.city_pair_distance
union all select 'T', (select flight_bonus_pct::text from tiers.tier_definition d where effective_from <= current_date
  and (effective_to is null or effective_to > current_date) order by tier_rank, effective_from desc limit 1), '', '', '';
SQL
  FLOWN_PROMOTIONS="$(psql_su "$APP_DB" -Atc "select count(*) from accrual.promotion where applies_to in ('FLIGHT', 'ANY')
    and effective_from <= current_date and (effective_to is null or effective_to > current_date - $FLOWN_DAYS)")"
  say "generating a $CARRIER flown-coupon file with $COUPONS coupons (flights 1..$FLOWN_DAYS days ago)"
  java -Xmx256m "$HERE/IngestBench.java" flown --members "$WORK/members.csv" --records "$COUPONS" \
    --rules "$RULES" --days "$FLOWN_DAYS" --carrier "$CARRIER" --run-id "$STAMP" --out "$FFILE" --props "$FPROPS" \
    || die "generation failed"
  anchor flown "$FFILE" "$COUPONS" "ticket text, coupon smallint, status text, member text, last_name text,
    first_name text, marketing text, operating text, flight text, flight_date date, origin text, destination text,
    booking_class text, fare_basis text, fare numeric, currency text" "ticket, coupon"
  floor_run flown "$FFILE" "$COUPONS" "ticket text, coupon smallint, status text, member text, last_name text,
    first_name text, marketing text, operating text, flight text, flight_date date, origin text, destination text,
    booking_class text, fare_basis text, fare numeric, currency text" \
    "member=member day=flight_date flights=count(*) transactions=0 revenue=sum(fare) miles=0"
  ingest flown "$FFILE" "$COUPONS" "$FLOWN_DIR" accrual.flown_coupon \
    "partner_code = '$CARRIER' and feed = 'FLOWN_COUPONS'" "flown-$STAMP.csv"
  resend flown "$FFILE" "$FLOWN_DIR"
fi

# stop the server before checking, so nothing is in flight
stop_payara

# --- 5. exactly-once and ledger invariants --------------------------------------------------------
say "checking exactly-once and the ledger invariants in $APP_DB"
FLOWN_FILE_ID="(select id from accrual.inbound_file where partner_code = '$CARRIER' and feed = 'FLOWN_COUPONS'
  and file_name = '${R[flown.name]:-}')"
INV="$(psql_su "$APP_DB" -At -F '=' <<SQL
with le as (select member_id, sum(amount) amount, sum(qualifying_miles) qm, sum(qualifying_flights) qf
              from accounts.ledger_entry group by member_id),
     lo as (select member_id, sum(remaining) remaining from accounts.expiry_lot group by member_id),
     fc as (select member_number, sum(qualifying_miles) qm, sum(qualifying_flights) qf from accrual.flown_coupon
             where state = 'CREDITED' group by member_number),
     m  as (select m.id, a.member_id account, a.balance, coalesce(le.amount, 0) le_amount,
                   coalesce(lo.remaining, 0) lots, coalesce(le.qm, 0) le_qm, coalesce(le.qf, 0) le_qf,
                   coalesce(fc.qm, 0) fc_qm, coalesce(fc.qf, 0) fc_qf
              from accounts.member m left join accounts.account a on a.member_id = m.id
              left join le on le.member_id = m.id left join lo on lo.member_id = m.id
              left join fc on fc.member_number = m.member_number),
     fe as (select * from accounts.ledger_entry where starts_with(source_ref, 'F:')),
     f  as (select * from accrual.flown_coupon where file_id = $FLOWN_FILE_ID)
select 'members_without_account', count(*) filter (where account is null) from m
union all select 'balance_ne_sum_amount', count(*) filter (where balance <> le_amount) from m
union all select 'lots_ne_balance', count(*) filter (where balance <> lots) from m
union all select 'qualifying_ne_coupons', count(*) filter (where le_qm <> fc_qm or le_qf <> fc_qf) from m
-- instant upgrades: no member holds (today) a lower periodic tier than their counters earn; the
-- flights are all less than 12 months old, so every counter month is in the rolling period
union all select 'members_below_earned_tier', (select count(*) from (
  select q.member_number, max(d.tier_rank) as earned
  from (select member_number, sum(qualifying_miles) as qm, sum(qualifying_flights) as qf
        from tiers.qualifying_month group by member_number) q
  join tiers.tier_definition d on not d.lifetime and d.effective_from <= current_date
    and (d.effective_to is null or d.effective_to > current_date)
    and (q.qm >= d.qm_threshold or q.qf >= d.qf_threshold)
  group by q.member_number) e
  left join tiers.member_tier t on t.member_number = e.member_number
    and (t.valid_until is null or t.valid_until >= current_date)
  left join tiers.tier_definition h on h.code = t.tier_code and h.effective_from <= current_date
    and (h.effective_to is null or h.effective_to > current_date)
  where e.earned > coalesce(h.tier_rank, 0))
union all select 'duplicate_source_refs',
  (select count(*) from (select source_ref from accounts.ledger_entry group by 1 having count(*) > 1) d)
union all select 'members', (select count(*) from accounts.member)
-- partner
union all select 'activities', (select count(*) from accrual.partner_activity where partner_code = '$PARTNER')
union all select 'activities_credited',
  (select count(*) from accrual.partner_activity where partner_code = '$PARTNER' and status = 'CREDITED')
union all select 'activities_without_entry',
  (select count(*) from accrual.partner_activity a where a.partner_code = '$PARTNER' and not exists
     (select 1 from accounts.ledger_entry e where e.source_ref = a.ledger_ref and e.amount = a.miles))
union all select 'partner_entries',
  (select count(*) from accounts.ledger_entry where starts_with(source_ref, 'P:$PARTNER:'))
union all select 'partner_entry_miles',
  (select coalesce(sum(amount), 0) from accounts.ledger_entry where starts_with(source_ref, 'P:$PARTNER:'))
union all select 'partner_files_done',
  (select count(*) from accrual.inbound_file where partner_code = '$PARTNER' and status = 'DONE')
union all select 'partner_file_accepted',
  (select coalesce(sum(accepted), 0) from accrual.inbound_file where partner_code = '$PARTNER')
-- flown
union all select 'coupons', (select count(*) from f)
union all select 'coupons_all', (select count(*) from accrual.flown_coupon)
union all select 'coupons_credited', (select count(*) from f where state = 'CREDITED')
union all select 'coupon_miles', (select coalesce(sum(base_miles + bonus_miles), 0) from f)
union all select 'coupon_promo_miles', (select coalesce(sum(promo_miles), 0) from f)
union all select 'coupons_without_entry',
  (select count(*) from f where not exists (select 1 from fe join accounts.member mm on mm.id = fe.member_id
     where fe.source_ref = 'F:' || f.ticket_number || ':' || f.coupon_no and mm.member_number = f.member_number
       and fe.entry_type = 'CREDIT' and fe.amount = f.base_miles
       and fe.qualifying_miles = f.qualifying_miles and fe.qualifying_flights = f.qualifying_flights))
union all select 'flown_base_entries', (select count(*) from fe where source_ref ~ '^F:[0-9]{13}:[1-4]$')
union all select 'flown_entries', (select count(*) from fe)
union all select 'flown_entry_miles', (select coalesce(sum(amount), 0) from fe)
union all select 'flown_entry_qm', (select coalesce(sum(qualifying_miles), 0) from fe)
union all select 'flown_entry_qf', (select coalesce(sum(qualifying_flights), 0) from fe)
union all select 'flown_files_done', (select count(*) from accrual.inbound_file
  where partner_code = '$CARRIER' and feed = 'FLOWN_COUPONS' and status = 'DONE')
union all select 'flown_file_accepted', (select coalesce(sum(accepted), 0) from accrual.inbound_file
  where partner_code = '$CARRIER' and feed = 'FLOWN_COUPONS');
SQL
)"

VERDICT=PASS
declare -A CHECKS
check() { # feed, name, value, expected
  local mark=ok
  if [ "$3" != "$4" ]; then mark=FAIL; VERDICT=FAIL; fi
  CHECKS[$1]+="$(printf '    %-66s %-6s %s' "$2" "$mark" "$3")"$'\n'
}
grew() { echo $(($(field "${R[$1.after]}" "$2") - $(field "${R[$1.before]}" "$2"))); }
unchanged() { [ "${R[$1.again]}" = "${R[$1.after]}" ] && echo yes || echo "no: ${R[$1.after]} -> ${R[$1.again]}"; }

if feed_on partner; then
  A="${R[partner.ack]}"
  PMILES="$(ackv "$A" miles_issued)"
  check partner "ack status"                                              "$(ackv "$A" status)" PROCESSED
  check partner "ack accepted (want $RECORDS)"                            "$(ackv "$A" accepted)" "$RECORDS"
  check partner "ack rejected / parked / duplicates"                      "$(ackv "$A" rejected) / $(ackv "$A" parked) / $(ackv "$A" duplicates)" "0 / 0 / 0"
  check partner "ack miles_issued = generator's sum of floor(VND / 20,000)" "$PMILES" "$(fileprop "$PPROPS" expected_miles)"
  check partner "partner_activity rows (want $RECORDS)"                   "$(inv activities)" "$RECORDS"
  check partner "partner_activity rows CREDITED"                          "$(inv activities_credited)" "$RECORDS"
  check partner "ledger entries with source_ref P:$PARTNER:* (want $RECORDS)" "$(inv partner_entries)" "$RECORDS"
  check partner "activities without their ledger entry (same miles)"      "$(inv activities_without_entry)" 0
  check partner "sum of the entries' miles = ack miles_issued"            "$(inv partner_entry_miles)" "$PMILES"
  check partner "total balance grew by miles_issued"                      "$(grew partner 4)" "$PMILES"
  check partner "ledger entries grew by $RECORDS"                         "$(grew partner 3)" "$RECORDS"
  check partner "inbound_file DONE rows / accepted"                       "$(inv partner_files_done) / $(inv partner_file_accepted)" "1 / $RECORDS"
  check partner "re-sent file: ack status"                                "${R[partner.ack2_status]}" DUPLICATE
  check partner "re-sent file: activities, coupons, entries, balance, files unchanged" "$(unchanged partner)" yes
fi
if feed_on flown; then
  A="${R[flown.ack]}"
  FMILES="$(ackv "$A" miles_issued)"
  FBONUS="$(ackv "$A" bonus_miles)"
  check flown "ack status"                                                "$(ackv "$A" status)" PROCESSED
  check flown "ack accepted (want $COUPONS)"                              "$(ackv "$A" accepted)" "$COUPONS"
  REVERSED="$(ackv "$A" reversed)"   # only in the ack when some were
  check flown "ack rejected / parked / duplicates / reversed"             "$(ackv "$A" rejected) / $(ackv "$A" parked) / $(ackv "$A" duplicates) / ${REVERSED:-0}" "0 / 0 / 0 / 0"
  check flown "ack miles_issued = generator's class x distance (+ tier bonus)" "$FMILES" "$(fileprop "$FPROPS" expected_miles)"
  if [ "$FLOWN_PROMOTIONS" = 0 ]; then
    check flown "ack bonus_miles (no flight promotion in force)"          "$FBONUS" 0
  fi
  check flown "flown_coupon rows of the file (want $COUPONS), all rows"   "$(inv coupons), $(inv coupons_all)" "$COUPONS, $COUPONS"
  check flown "flown_coupon rows CREDITED"                                "$(inv coupons_credited)" "$COUPONS"
  check flown "coupons' base + tier bonus miles = ack miles_issued"       "$(inv coupon_miles)" "$FMILES"
  check flown "coupons' promotion miles = ack bonus_miles"                "$(inv coupon_promo_miles)" "$FBONUS"
  check flown "base entries F:<ticket>:<coupon> (want $COUPONS)"          "$(inv flown_base_entries)" "$COUPONS"
  check flown "coupons without their entry (member, miles, qualifying)"   "$(inv coupons_without_entry)" 0
  check flown "sum of the F:* entries' miles = miles_issued + bonus_miles" "$(inv flown_entry_miles)" "$((FMILES + FBONUS))"
  check flown "qualifying miles on the entries = generator's"             "$(inv flown_entry_qm)" "$(fileprop "$FPROPS" expected_qualifying_miles)"
  check flown "qualifying flights on the entries = generator's"           "$(inv flown_entry_qf)" "$(fileprop "$FPROPS" expected_qualifying_flights)"
  check flown "members whose qualifying miles/flights <> their coupons'"  "$(inv qualifying_ne_coupons)" 0
  check flown "members holding a lower tier than their counters earn"    "$(inv members_below_earned_tier)" 0
  check flown "total balance grew by miles_issued + bonus_miles"          "$(grew flown 4)" "$((FMILES + FBONUS))"
  check flown "ledger entries grew by the F:* entries"                    "$(grew flown 3)" "$(inv flown_entries)"
  check flown "inbound_file DONE rows / accepted"                         "$(inv flown_files_done) / $(inv flown_file_accepted)" "1 / $COUPONS"
  check flown "re-sent file: ack status"                                  "${R[flown.ack2_status]}" DUPLICATE
  check flown "re-sent file: activities, coupons, entries, balance, files unchanged" "$(unchanged flown)" yes
fi
check ledger "members without an account row"                            "$(inv members_without_account)" 0
check ledger "balance <> sum(ledger_entry.amount)"                        "$(inv balance_ne_sum_amount)" 0
check ledger "sum(expiry_lot.remaining) <> balance"                       "$(inv lots_ne_balance)" 0
check ledger "duplicate source_ref"                                       "$(inv duplicate_source_refs)" 0

# --- 6. report ---------------------------------------------------------------------------------
section() { # feed, records, what, aim
  local f="$1" n="$2" ratio gc_pauses gc_live gc_committed gc_full gc_text
  ratio="$(awk -v a="${R[$f.ingest_rps]}" -v b="${R[$f.copy_rps]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
  printf '  %-7s %-44s %10s rows/s      %7s s\n' "anchor" "psql \\copy of the D lines (table, 2 indexes)" "$(fmt "${R[$f.copy_rps]}")" "${R[$f.copy_seconds]}"
  if [ -n "${R[$f.floor_rps]:-}" ]; then
    printf '  %-7s %-44s %10s %-9s   %7s s   ratio %s\n' "floor" "SQL only: \\copy to stage + set-based writes" \
      "$(fmt "${R[$f.floor_rps]}")" "$3/s" "${R[$f.floor_seconds]}" \
      "$(awk -v a="${R[$f.floor_rps]}" -v b="${R[$f.copy_rps]}" 'BEGIN { printf "%.2f", a / b }') (PostgreSQL ${R[$f.floor_pg_us]} us per record)"
    printf '  %-7s staging \\copy %s s + writes %s s; the writes alone: ratio %s\n' "" \
      "${R[$f.floor_stage_seconds]}" "${R[$f.floor_write_seconds]}" \
      "$(awk -v c="${R[$f.copy_seconds]}" -v w="${R[$f.floor_write_seconds]}" 'BEGIN { printf "%.2f", c / w }')"
  fi
  printf '  %-7s %-44s %10s %-9s   %7s s   ratio %s (aim >= %s)\n' "ingest" "rename -> ack, end to end" \
    "$(fmt "${R[$f.ingest_rps]}")" "$3/s" "${R[$f.ingest_seconds]}" "$ratio" "$4"
  printf '  %-7s pick-up + checking pass %s s, crediting pass %s s (%s %s/s), ack %s s\n' "" \
    "${R[$f.check_seconds]}" "${R[$f.credit_seconds]}" \
    "$(fmt "$(awk -v n="$n" -v s="${R[$f.credit_seconds]}" 'BEGIN { print (s > 0 ? n / s : 0) }')")" "$3" "${R[$f.ack_seconds]}"
  printf '  %-7s JVM %s us + PostgreSQL %s us per record (COPY: PostgreSQL %s us per row)\n' "cpu" \
    "${R[$f.jvm_us]}" "${R[$f.pg_us]}" "${R[$f.copy_pg_us]}"
  printf '  %-7s JVM = JIT compiler %s + GC %s + application and the rest %s us per record%s\n' "" \
    "${R[$f.jit_us]}" "${R[$f.gc_us]}" "${R[$f.app_us]}" "${R[$f.jfr]:+; JFR ${R[$f.jfr]}}${R[$f.statements]:+; statements ${R[$f.statements]}}"
  if [ -n "${R[$f.facts_floor_pg_us]:-}" ] || [ -n "${R[$f.facts_us]:-}" ]; then
    local without
    without="$(awk -v j="${R[$f.jvm_us]}" -v p="${R[$f.pg_us]}" -v x="${R[$f.facts_us]:-0}" 'BEGIN { printf "%.1f", j + p - x }')"
    printf '  %-7s retention'"'"'s statements %s us per record (%s %% of the statements'"'"' time; 0 with the facts off)\n' \
      "facts" "${R[$f.facts_us]:-n/a}" "${R[$f.facts_share]:-n/a}"
    if [ -n "${R[$f.fold_seconds]:-}" ]; then
      printf '  %-7s journal: %s rows at the ack, folded into the kept facts %s s after it; server CPU meanwhile JVM %s + PostgreSQL %s us per record\n' "" \
        "$(fmt "${R[$f.journal_rows]:-0}")" "${R[$f.fold_seconds]}" "${R[$f.fold_jvm_us]}" "${R[$f.fold_pg_us]}"
    fi
    if [ -n "${R[$f.facts_floor_pg_us]:-}" ]; then
      printf '  %-7s floor: %s member-day rows in %s s, PostgreSQL %s us per record = %s x the feed'"'"'s SQL floor,\n' "" \
        "$(fmt "${R[$f.facts_floor_days]}")" "${R[$f.facts_floor_seconds]}" "${R[$f.facts_floor_pg_us]}" \
        "$(awk -v a="${R[$f.facts_floor_pg_us]}" -v b="${R[$f.floor_pg_us]}" 'BEGIN { printf "%.2f", a / b }')"
      printf '  %-7s %s %% of the path'"'"'s CPU without the facts'"'"' statements (%s us): the least any day-level facts add\n' "" \
        "$(awk -v a="${R[$f.facts_floor_pg_us]}" -v b="$without" 'BEGIN { printf "%.1f", 100 * a / b }')" "$without"
    fi
  fi
  local busy=""
  if awk -v a="${R[$f.load_before]:-0}" -v l="$BUSY_LOAD" 'BEGIN { exit !(a >= l) }'; then
    busy="  BUSY: above $BUSY_LOAD before the ingest, other work shared the machine; the figures do not count"
  fi
  printf '  %-7s 1-minute load average %s before the ingest, %s after%s\n' "load" \
    "${R[$f.load_before]:-?}" "${R[$f.load_after]:-?}" "$busy"
  read -r gc_pauses gc_live gc_committed gc_full <<<"${R[$f.gc]}"
  if [ "${gc_pauses:-0}" -gt 0 ]; then
    gc_text="heap after GC max ${gc_live} MB (${gc_committed} MB committed), $gc_pauses GC pauses, ${gc_full:-0} full"
  else
    gc_text="no GC during the ingest"
  fi
  local rss_max="${R[$f.rss_max]:-0}" rss_before="${R[$f.rss_before]:-0}"
  printf '  %-7s Payara Micro RSS max %d MB (%d MB before the file, -Xmx1g); %s\n' \
    "memory" "$((rss_max / 1024))" "$((rss_before / 1024))" "$gc_text"
  local a="${R[$f.ack]}"
  echo "  ack: status $(ackv "$a" status), records $(ackv "$a" records), accepted $(ackv "$a" accepted), rejected $(ackv "$a" rejected), parked $(ackv "$a" parked), duplicates $(ackv "$a" duplicates), miles_issued $(fmt "$(ackv "$a" miles_issued)"), bonus_miles $(fmt "$(ackv "$a" bonus_miles)")"
  if [ -n "${R[$f.rejects]}" ]; then
    echo "  first rejects (line,code,reason,original_line):"; printf '%s\n' "${R[$f.rejects]}" | sed 's/^/    /'
  fi
  echo "  checks:"
  printf '%s' "${CHECKS[$f]}"
}
{
  echo "OpenMiles ingest benchmark  $(date '+%Y-%m-%d %H:%M:%S')  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- modules integration-routes 2>/dev/null || echo ' (modified)')"
  echo "host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); PostgreSQL $("$PSQL" -V | awk '{print $3}') on :$PG_PORT; psql, PostgreSQL and Payara Micro share the cores"
  echo "members: $(fmt "$MEMBERS") enrolled, used round robin; chunk ${CHUNK:-server default}; analyze=$ANALYZE"
  if feed_on partner; then
    echo
    echo "partner file: $(fmt "$RECORDS") $PARTNER SPEND records ($(mb "$(fileprop "$PPROPS" bytes)"))"
    section partner "$RECORDS" records 0.4
  fi
  if feed_on flown; then
    echo
    echo "flown-coupon file: $(fmt "$COUPONS") $CARRIER flown/lifted coupons ($(mb "$(fileprop "$FPROPS" bytes)")), $(fmt "$(fileprop "$FPROPS" tickets)") round-trip tickets on $(fileprop "$FPROPS" routes) routes, flights 1..$FLOWN_DAYS days ago"
    section flown "$COUPONS" coupons 0.3
  fi
  echo
  echo "ledger ($(fmt "$(inv members)") members):"
  printf '%s' "${CHECKS[ledger]}"
  echo "  invariants: $VERDICT"
} | publish_report "GC log: $GC_LOG"
