#!/usr/bin/env bash
# Ledger benchmark: postings/s through the ledger service (single and batched) against pgbench
# TPC-B-like tps on the same PostgreSQL cluster in the same run. Then checks the ledger invariants.
#
# Normally run through `./openmiles bench ledger`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md for the knobs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ledger"

PG_PORT="${OPENMILES_PG_PORT:-55432}"
PG_HOST=127.0.0.1
HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
SECONDS_PER_PHASE="${BENCH_SECONDS:-30}"
CLIENTS="${BENCH_CLIENTS:-16}"
WARMUP="${BENCH_WARMUP:-5}"
MEMBERS="${BENCH_MEMBERS:-200}"
BATCH_SIZE="${BENCH_BATCH_SIZE:-1000}"
BATCH_CLIENTS="${BENCH_BATCH_CLIENTS:-4}"
HOLD_SECONDS="${BENCH_HOLD_SECONDS:-10}"
RETRY_PERCENT="${BENCH_RETRY_PERCENT:-10}"
HISTORY="${BENCH_HISTORY:-100}"
HISTORY_HOLDS="${BENCH_HISTORY_HOLDS:-5}"
ANALYZE="${BENCH_ANALYZE:-1}"
PGBENCH_SCALE="${BENCH_PGBENCH_SCALE:-10}"
PGBENCH_THREADS="${BENCH_PGBENCH_THREADS:-2}"
APP_DB=openmiles_bench
ANCHOR_DB=pgbench_anchor
WAR="$ROOT/modules/app/target/openmiles.war"

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

if [ -z "${OPENMILES_PG_BINDIR:-}" ]; then
  OPENMILES_PG_BINDIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)"
  [ -n "$OPENMILES_PG_BINDIR" ] || OPENMILES_PG_BINDIR="$(dirname "$(command -v psql || echo /usr/bin/psql)")"
fi
if [ -z "${PAYARA_JAR:-}" ]; then
  v="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")"
  PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$v/payara-micro-$v.jar"
fi
PSQL="$OPENMILES_PG_BINDIR/psql"
PGBENCH="$OPENMILES_PG_BINDIR/pgbench"
for f in "$PSQL" "$PGBENCH"; do [ -x "$f" ] || die "$f not found (set OPENMILES_PG_BINDIR)"; done
[ -f "$PAYARA_JAR" ] || die "Payara Micro jar not found at $PAYARA_JAR (set PAYARA_JAR)"
[ -f "$WAR" ] || die "$WAR not found: build first (./openmiles bench ledger does)"
"$OPENMILES_PG_BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null \
  || die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT (./openmiles db start)"

psql_su() { # db, psql args...
  local db="$1"; shift
  "$PSQL" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"
}

STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS_DIR="$ROOT/bench/results"
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/ledger-$STAMP.txt"
PAYARA_LOG="$RESULTS_DIR/ledger-$STAMP-payara.log"
RAW="$RESULTS_DIR/ledger-$STAMP.properties"

# --- cleanup: always stop Payara Micro; drop the pgbench anchor database -----------------------
PAYARA_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$PAYARA_PID" ] && kill -0 "$PAYARA_PID" 2>/dev/null; then
    say "stopping Payara Micro (pid $PAYARA_PID)"
    kill "$PAYARA_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PAYARA_PID" 2>/dev/null || true
    wait "$PAYARA_PID" 2>/dev/null || true
  fi
  psql_su postgres -c "drop database if exists $ANCHOR_DB with (force)" 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" 2>/dev/null; then
  die "port $HTTP_PORT is in use; choose another with BENCH_HTTP_PORT"
fi

# --- 1. databases -------------------------------------------------------------------------------
say "creating fresh databases $APP_DB (owner openmiles) and $ANCHOR_DB"
psql_su postgres -tc "select 1 from pg_roles where rolname = 'openmiles'" | grep -q 1 \
  || psql_su postgres -c "create role openmiles login password 'openmiles'"
psql_su postgres -c "drop database if exists $APP_DB with (force)" -c "create database $APP_DB owner openmiles"
psql_su postgres -c "drop database if exists $ANCHOR_DB with (force)" -c "create database $ANCHOR_DB"

# --- 2. anchor: pgbench TPC-B-like ------------------------------------------------------------
say "pgbench: initializing scale $PGBENCH_SCALE"
"$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -i -q -s "$PGBENCH_SCALE" "$ANCHOR_DB" >/dev/null 2>&1 \
  || die "pgbench -i failed"
psql_su "$ANCHOR_DB" -c "checkpoint"
say "pgbench: TPC-B-like, $CLIENTS clients, $PGBENCH_THREADS threads, $SECONDS_PER_PHASE s"
PGBENCH_OUT="$("$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -c "$CLIENTS" -j "$PGBENCH_THREADS" \
  -T "$SECONDS_PER_PHASE" "$ANCHOR_DB" 2>&1)" || { echo "$PGBENCH_OUT" >&2; die "pgbench failed"; }
TPS="$(printf '%s\n' "$PGBENCH_OUT" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"
PG_LAT="$(printf '%s\n' "$PGBENCH_OUT" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' | head -1)"
[ -n "$TPS" ] || { echo "$PGBENCH_OUT" >&2; die "could not read tps from pgbench"; }
say "pgbench: $TPS tps (latency average ${PG_LAT:-?} ms)"
psql_su postgres -c "drop database if exists $ANCHOR_DB with (force)"

# --- 3. OpenMiles on Payara Micro -------------------------------------------------------------
say "starting Payara Micro on port $HTTP_PORT against $APP_DB (log: $PAYARA_LOG)"
OPENMILES_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$APP_DB" \
OPENMILES_DB_USER=openmiles OPENMILES_DB_PASSWORD=openmiles OPENMILES_JOBS_ENABLED=false \
  java -Xmx1g -Dmp.health.default.readiness.empty.response=DOWN -jar "$PAYARA_JAR" --nocluster --port "$HTTP_PORT" --contextroot / \
       --logProperties "$ROOT/config/logging.properties" --prebootcommandfile "$ROOT/config/pre-boot.asadmin" --deploy "$WAR" >"$PAYARA_LOG" 2>&1 &
PAYARA_PID=$!
ready=""
for _ in $(seq 1 180); do
  kill -0 "$PAYARA_PID" 2>/dev/null || { tail -40 "$PAYARA_LOG" >&2; die "Payara Micro stopped during start"; }
  if curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 1
done
[ -n "$ready" ] || die "OpenMiles did not become ready in 180 s; see $PAYARA_LOG"
# /health/ready can answer before the application context serves requests (a few 503s follow)
ready=""
for _ in $(seq 1 60); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/api/v1/members?name=bench&limit=1" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || die "OpenMiles was ready but /api/v1/members did not answer 200; see $PAYARA_LOG"
say "OpenMiles is ready"

# --- 4. load ---------------------------------------------------------------------------------
# After enrollment and history, before measuring, the generator runs this hook: ANALYZE (on a
# freshly migrated database the app's cached plans were made for near-empty tables; see README)
# and a checkpoint.
after_setup() {
  if [ "$ANALYZE" = 1 ]; then psql_su "$APP_DB" -c analyze; fi
  psql_su "$APP_DB" -c checkpoint
}
export -f after_setup psql_su
export PSQL PG_HOST PG_PORT APP_DB ANALYZE
java -Xmx512m "$HERE/LedgerBench.java" --url "http://127.0.0.1:$HTTP_PORT" --clients "$CLIENTS" \
  --seconds "$SECONDS_PER_PHASE" --warmup "$WARMUP" --members "$MEMBERS" --batch-clients "$BATCH_CLIENTS" \
  --batch-size "$BATCH_SIZE" --hold-seconds "$HOLD_SECONDS" --retry-percent "$RETRY_PERCENT" \
  --history "$HISTORY" --history-holds "$HISTORY_HOLDS" --after-setup after_setup --run-id "$STAMP" --out "$RAW" || die "load generator failed"

# stop the server before checking, so nothing is in flight
kill "$PAYARA_PID" 2>/dev/null || true
wait "$PAYARA_PID" 2>/dev/null || true
PAYARA_PID=""

get() { sed -n "s/^$1=//p" "$RAW" | head -1; }

# --- 5. invariants ---------------------------------------------------------------------------
say "checking ledger invariants in $APP_DB"
INV="$(psql_su "$APP_DB" -At -F '=' <<'SQL'
with le as (select member_id, sum(amount) amount, sum(held_delta) held, count(*) n
              from accounts.ledger_entry group by member_id),
     ho as (select member_id, sum(amount) filter (where status = 'ACTIVE') active
              from accounts.hold group by member_id),
     lo as (select member_id, sum(remaining) remaining from accounts.expiry_lot group by member_id),
     m  as (select m.id, a.member_id account, a.balance, a.held, coalesce(le.amount, 0) le_amount,
                   coalesce(le.held, 0) le_held, coalesce(ho.active, 0) active, coalesce(lo.remaining, 0) lots
              from accounts.member m left join accounts.account a on a.member_id = m.id
              left join le on le.member_id = m.id left join ho on ho.member_id = m.id
              left join lo on lo.member_id = m.id)
select 'members_without_account', count(*) filter (where account is null) from m
union all select 'balance_ne_sum_amount', count(*) filter (where balance <> le_amount) from m
union all select 'held_ne_sum_held_delta', count(*) filter (where held <> le_held) from m
union all select 'held_ne_active_holds', count(*) filter (where held <> active) from m
union all select 'available_negative', count(*) filter (where balance - held < 0) from m
union all select 'lots_ne_balance', count(*) filter (where balance <> lots) from m
union all select 'duplicate_source_refs',
  (select count(*) from (select source_ref from accounts.ledger_entry group by 1 having count(*) > 1) d)
union all select 'total_balance', (select coalesce(sum(balance), 0) from accounts.account)
union all select 'total_held', (select coalesce(sum(held), 0) from accounts.account)
union all select 'total_entries', (select count(*) from accounts.ledger_entry)
union all select 'members', (select count(*) from accounts.member)
union all select 'active_holds', (select count(*) from accounts.hold where status = 'ACTIVE');
SQL
)"
inv() { printf '%s\n' "$INV" | sed -n "s/^$1=//p"; }

VERDICT=PASS
CHECK_LINES=""
check() { # name, value, expected
  local mark=ok
  if [ "$2" != "$3" ]; then mark=FAIL; VERDICT=FAIL; fi
  CHECK_LINES+="$(printf '    %-58s %-6s %s' "$1" "$mark" "$2")"$'\n'
}
check "members without an account row"                      "$(inv members_without_account)" 0
check "balance <> sum(ledger_entry.amount)"                  "$(inv balance_ne_sum_amount)" 0
check "held <> sum(ledger_entry.held_delta)"                 "$(inv held_ne_sum_held_delta)" 0
check "held <> sum(amount of ACTIVE holds)"                  "$(inv held_ne_active_holds)" 0
check "available (balance - held) < 0"                       "$(inv available_negative)" 0
check "sum(expiry_lot.remaining) <> balance"                 "$(inv lots_ne_balance)" 0
check "duplicate source_ref"                                 "$(inv duplicate_source_refs)" 0
# the generator's own tally of acknowledged requests, when every outcome is known
if [ "$(get uncertain)" = 0 ]; then
  check "total balance = acknowledged (want $(get expect_balance))" "$(inv total_balance)" "$(get expect_balance)"
  check "total held = acknowledged (want $(get expect_held))"       "$(inv total_held)" "$(get expect_held)"
  check "ledger entries = acknowledged (want $(get expect_entries))" "$(inv total_entries)" "$(get expect_entries)"
else
  CHECK_LINES+="    totals vs acknowledged requests: skipped ($(get uncertain) requests with unknown outcome)"$'\n'
fi
ERRORS="$(get errors)"
if [ "${ERRORS:-0}" != 0 ]; then VERDICT=FAIL; fi

# --- 6. report ---------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
fmt() { LC_ALL=C awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = ""; n = length(s)
  for (i = 1; i <= n; i++) { o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o "," } print o }'; }

{
  echo "OpenMiles ledger benchmark  $(date '+%Y-%m-%d %H:%M:%S')  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- modules 2>/dev/null || echo ' (modified)')"
  echo "host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); PostgreSQL $("$PSQL" -V | awk '{print $3}') on :$PG_PORT; generator and server share the cores"
  echo "phases: ${SECONDS_PER_PHASE} s measured each (after ${WARMUP} s warm-up), $(get members) members with ${HISTORY} earlier credits and ${HISTORY_HOLDS} released holds each, analyze=${ANALYZE}, ${RETRY_PERCENT}% retries in single"
  echo
  printf '  %-8s %-40s %14s\n' "anchor" "pgbench TPC-B-like ($CLIENTS clients, -s $PGBENCH_SCALE)" "$(fmt "$TPS") tps"
  printf '  %-8s %-40s %14s   ratio %5s   p50 %s ms  p99 %s ms  (+%s replays)\n' "single" \
    "postings/s ($CLIENTS clients, 1 per request)" "$(fmt "$(get single_pps)")" \
    "$(ratio "$(get single_pps)" "$TPS")" "$(get single_p50_ms)" "$(get single_p99_ms)" "$(fmt "$(get single_replays)")"
  printf '  %-8s %-40s %14s   ratio %5s   per batch p50 %s ms  p99 %s ms\n' "batched" \
    "postings/s ($(get batch_clients) clients x $(get batch_size)/batch)" "$(fmt "$(get batch_pps)")" \
    "$(ratio "$(get batch_pps)" "$TPS")" "$(get batch_p50_ms)" "$(get batch_p99_ms)"
  if [ -n "$(get hold_cps)" ]; then
    printf '  %-8s %-40s %14s   ratio %5s   per cycle p50 %s ms  p99 %s ms  (%s s, %s requests/s)\n' "holds" \
      "hold+capture/release cycles/s" "$(fmt "$(get hold_cps)")" \
      "$(ratio "$(get hold_cps)" "$TPS")" "$(get hold_p50_ms)" "$(get hold_p99_ms)" "$(get hold_seconds)" "$(fmt "$(get hold_rps)")"
  fi
  echo
  echo "  request errors: ${ERRORS:-?}"
  echo "  invariants ($(inv members) members, $(fmt "$(inv total_entries)") ledger entries, $(inv active_holds) active holds):"
  printf '%s' "$CHECK_LINES"
  echo "  invariants: $VERDICT"
} | tee "$REPORT"
echo "report: $REPORT (server log: $PAYARA_LOG; database $APP_DB kept for inspection)" >&2

[ "$VERDICT" = PASS ] || exit 1
