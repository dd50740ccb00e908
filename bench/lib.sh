# Shell functions shared by the benchmarks (bench/<name>/run.sh). Source it from a run.sh that runs with
# `set -euo pipefail` after setting ROOT (the repository) and HTTP_PORT:
#
#   . "$ROOT/bench/lib.sh"
#   bench_init ledger      # tools, Payara Micro jar, WAR, PostgreSQL reachable; REPORT, PAYARA_LOG, RAW
#
# Then: psql_su, fresh_database, pgbench_anchor, start_payara / stop_payara, after_setup (the EXIT trap set by
# bench_init always stops Payara Micro and runs the commands in BENCH_CLEANUP), ledger_invariants,
# check, ratio, fmt, get, report_host.

PG_PORT="${OPENMILES_PG_PORT:-55432}"
PG_HOST=127.0.0.1
PGBENCH_SCALE="${BENCH_PGBENCH_SCALE:-10}"     # pgbench -i -s
PGBENCH_THREADS="${BENCH_PGBENCH_THREADS:-2}"  # pgbench -j

# the knobs every HTTP benchmark has: bench_knobs DEFAULT_HTTP_PORT DEFAULT_CLIENTS (before bench_init)
bench_knobs() {
  HTTP_PORT="${BENCH_HTTP_PORT:-$1}"
  CLIENTS="${BENCH_CLIENTS:-$2}"
  MEASURED="${BENCH_SECONDS:-30}"   # measured seconds (of pgbench too)
  WARMUP="${BENCH_WARMUP:-5}"
  MEMBERS="${BENCH_MEMBERS:-200}"
  ANALYZE="${BENCH_ANALYZE:-1}"
}

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# bench_init NAME [needs-pgbench]: finds psql (and pgbench), Payara Micro and the WAR, checks that
# PostgreSQL answers and that HTTP_PORT is free, names the result files and sets the cleanup trap.
bench_init() {
  local name="$1"
  if [ -z "${OPENMILES_PG_BINDIR:-}" ]; then
    OPENMILES_PG_BINDIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)"
    [ -n "$OPENMILES_PG_BINDIR" ] || OPENMILES_PG_BINDIR="$(dirname "$(command -v psql || echo /usr/bin/psql)")"
  fi
  if [ -z "${PAYARA_JAR:-}" ]; then
    local v
    v="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")"
    PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$v/payara-micro-$v.jar"
  fi
  PSQL="$OPENMILES_PG_BINDIR/psql"
  PGBENCH="$OPENMILES_PG_BINDIR/pgbench"
  WAR="$ROOT/modules/app/target/openmiles.war"
  [ -x "$PSQL" ] || die "$PSQL not found (set OPENMILES_PG_BINDIR)"
  if [ "${2:-}" = needs-pgbench ]; then [ -x "$PGBENCH" ] || die "$PGBENCH not found (set OPENMILES_PG_BINDIR)"; fi
  [ -f "$PAYARA_JAR" ] || die "Payara Micro jar not found at $PAYARA_JAR (set PAYARA_JAR)"
  [ -f "$WAR" ] || die "$WAR not found: build first (./openmiles bench $name does)"
  "$OPENMILES_PG_BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null \
    || die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT (./openmiles db start)"

  STAMP="$(date +%Y%m%d-%H%M%S)"
  RESULTS_DIR="$ROOT/bench/results"
  mkdir -p "$RESULTS_DIR"
  REPORT="$RESULTS_DIR/$name-$STAMP.txt"
  PAYARA_LOG="$RESULTS_DIR/$name-$STAMP-payara.log"
  RAW="$RESULTS_DIR/$name-$STAMP.properties"

  PAYARA_PID=""
  BENCH_CLEANUP=()
  trap bench_exit EXIT
  trap 'exit 130' INT TERM
  if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" 2>/dev/null; then
    die "port $HTTP_PORT is in use; choose another with BENCH_HTTP_PORT"
  fi
}

# the EXIT trap: stop Payara Micro (also on error or Ctrl-C), then the run's own clean-up commands
bench_exit() {
  local rc=$? c
  trap - EXIT INT TERM
  stop_payara
  for c in "${BENCH_CLEANUP[@]}"; do eval "$c" || true; done
  exit "$rc"
}

# the 1-minute load average; wait_quiet waits (at most 5 minutes) for it to fall below $1, so that a
# timed part does not start while an earlier part (a generator, a server start) still loads the cores
load1() { awk '{print $1}' /proc/loadavg; }
wait_quiet() { # load below which a timed part may start
  say "waiting for the load average to fall below $1 (at most 5 minutes; now $(load1))"
  for _ in $(seq 1 60); do
    awk -v a="$(load1)" -v l="$1" 'BEGIN { exit !(a < l) }' && return 0
    sleep 5
  done
}

psql_su() { # db, psql args...
  local db="$1"; shift
  PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"
}

# fresh_database NAME [OWNER]: drops and recreates it (the owner role openmiles is created if missing)
fresh_database() {
  local db="$1" owner="${2:-}"
  if [ -n "$owner" ]; then
    psql_su postgres -tc "select 1 from pg_roles where rolname = '$owner'" | grep -q 1 \
      || psql_su postgres -c "create role $owner login password '$owner'"
    # the console's audit log belongs to openmiles_audit (ADR 0026): its migration needs the membership
    psql_su postgres -tc "select 1 from pg_roles where rolname = 'openmiles_audit'" | grep -q 1 \
      || psql_su postgres -c "create role openmiles_audit nologin"
    psql_su postgres -c "grant openmiles_audit to $owner with admin option"
  fi
  psql_su postgres -c "drop database if exists $db with (force)" -c "create database $db${owner:+ owner $owner}"
}

# pgbench_anchor CLIENTS SECONDS: pgbench's TPC-B-like transaction, default durable settings,
# in a database of its own that is dropped afterwards. Sets TPS and PG_LAT (average latency, ms).
# Run it before Payara Micro starts, so that PostgreSQL has the cores to itself.
pgbench_anchor() {
  local clients="$1" seconds="$2" threads="$PGBENCH_THREADS" scale="$PGBENCH_SCALE" db=pgbench_anchor out
  BENCH_CLEANUP+=("psql_su postgres -c 'drop database if exists $db with (force)' 2>/dev/null")
  fresh_database "$db"
  say "pgbench: initializing scale $scale"
  "$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -i -q -s "$scale" "$db" >/dev/null 2>&1 \
    || die "pgbench -i failed"
  psql_su "$db" -c "checkpoint"
  say "pgbench: TPC-B-like, $clients clients, $threads threads, $seconds s"
  out="$("$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -c "$clients" -j "$threads" -T "$seconds" "$db" 2>&1)" \
    || { echo "$out" >&2; die "pgbench failed"; }
  TPS="$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"
  PG_LAT="$(printf '%s\n' "$out" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' | head -1)"
  [ -n "$TPS" ] || { echo "$out" >&2; die "could not read tps from pgbench"; }
  say "pgbench: $TPS tps (latency average ${PG_LAT:-?} ms)"
  psql_su postgres -c "drop database if exists $db with (force)"
}

# start_payara DB [java options...]: OpenMiles on Payara Micro on HTTP_PORT against DB (Flyway migrates;
# jobs off), logging to PAYARA_LOG; waits until the API answers. Settings for the server (files, JWT) are
# taken from the environment, so export them first.
start_payara() {
  local db="$1"; shift
  bench_jwt
  say "starting Payara Micro on port $HTTP_PORT against $db (log: $PAYARA_LOG)"
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-file:$BENCH_JWT_DIR/public.pem}" \
  MP_JWT_VERIFY_ISSUER="$BENCH_ISSUER" \
  OPENMILES_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
  OPENMILES_DB_USER=openmiles OPENMILES_DB_PASSWORD=openmiles OPENMILES_JOBS_ENABLED=false \
    java -Xmx1g "$@" -Dmp.health.default.readiness.empty.response=DOWN -jar "$PAYARA_JAR" --nocluster --port "$HTTP_PORT" \
         --contextroot / --logProperties "$ROOT/config/logging.properties" \
         --prebootcommandfile "$ROOT/config/pre-boot.asadmin" --deploy "$WAR" >"$PAYARA_LOG" 2>&1 &
  PAYARA_PID=$!
  local ready="" limit="${BENCH_START_SECONDS:-180}"   # a loaded machine can take minutes
  for _ in $(seq 1 "$limit"); do
    kill -0 "$PAYARA_PID" 2>/dev/null || { tail -40 "$PAYARA_LOG" >&2; die "Payara Micro stopped during start"; }
    if curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1; then ready=1; break; fi
    sleep 1
  done
  [ -n "$ready" ] || die "OpenMiles did not become ready in $limit s (BENCH_START_SECONDS); see $PAYARA_LOG"
  # /health/ready can answer before the application context serves requests (a few 503s follow)
  ready=""
  for _ in $(seq 1 60); do
    if curl -fs -H "Authorization: Bearer $OPENMILES_API_TOKEN" "http://127.0.0.1:$HTTP_PORT/api/v1/members?name=bench&limit=1" >/dev/null 2>&1; then ready=1; break; fi
    sleep 0.5
  done
  [ -n "$ready" ] || die "OpenMiles was ready but /api/v1/members did not answer 200; see $PAYARA_LOG"
}

# bench_jwt: a throw-away key pair for the run in BENCH_JWT_DIR (never the development key of
# .openmiles/jwt), and OPENMILES_API_TOKEN, a back-office and operations token that the bench clients send
# with their staff calls (enrolment, credits, batches); every /api call needs a token (docs/security.md).
BENCH_ISSUER="${MP_JWT_VERIFY_ISSUER:-https://openmiles.dev/booking-engines}"
bench_jwt() {
  [ -n "${BENCH_JWT_DIR:-}" ] && return
  BENCH_JWT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/openmiles-bench-jwt.XXXXXX")"
  BENCH_CLEANUP+=("rm -rf '$BENCH_JWT_DIR'")
  java "$ROOT/config/OpenMilesJwt.java" keygen "$BENCH_JWT_DIR" >/dev/null 2>&1 || die "could not create a JWT key pair"
  OPENMILES_API_TOKEN="$(java "$ROOT/config/OpenMilesJwt.java" token bench-desk --key "$BENCH_JWT_DIR/private.pem" \
    --issuer "$BENCH_ISSUER" --groups back-office,operations --ttl 86400)" || die "could not mint the bench's staff token"
  export OPENMILES_API_TOKEN
}

stop_payara() {
  if [ -n "${PAYARA_PID:-}" ] && kill -0 "$PAYARA_PID" 2>/dev/null; then
    say "stopping Payara Micro (pid $PAYARA_PID)"
    kill "$PAYARA_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PAYARA_PID" 2>/dev/null || true
    wait "$PAYARA_PID" 2>/dev/null || true
  fi
  PAYARA_PID=""
}

# after_setup: the hook a load generator runs (through bash -c, hence the exports) after its unmeasured
# setup, before measuring: ANALYZE (ANALYZE=0 skips it; on a freshly migrated database the app's cached
# plans were made for near-empty tables, see bench/README.md) and a checkpoint, in APP_DB.
after_setup() {
  if [ "${ANALYZE:-1}" = 1 ]; then psql_su "$APP_DB" -c analyze; fi
  psql_su "$APP_DB" -c checkpoint
}
export_after_setup() { export -f after_setup psql_su; export PSQL PG_HOST PG_PORT APP_DB ANALYZE; }

# ledger_invariants DB: key=value lines (read them with inv): per member, balance = sum of the entries'
# amounts, held = sum of their held deltas = sum of the ACTIVE holds, available >= 0, lots = balance; an
# account per member; no duplicate source_ref; and totals.
ledger_invariants() {
  psql_su "$1" -At -F '=' <<'SQL'
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
}

# the value of KEY in INV (key=value lines, e.g. from ledger_invariants)
inv() { printf '%s\n' "$INV" | sed -n "s/^$1=//p"; }
# the value of KEY in the generator's result file RAW
get() { sed -n "s/^$1=//p" "$RAW" | head -1; }

# check NAME VALUE EXPECTED: a line of CHECK_LINES; a mismatch sets VERDICT=FAIL
VERDICT=PASS
CHECK_LINES=""
check() {
  local mark=ok
  if [ "$2" != "$3" ]; then mark=FAIL; VERDICT=FAIL; fi
  CHECK_LINES+="$(printf '    %-64s %-6s %s' "$1" "$mark" "$2")"$'\n'
}

# the ledger checks every benchmark that moves miles makes (INV from ledger_invariants)
check_ledger() {
  check "members without an account row"                      "$(inv members_without_account)" 0
  check "balance <> sum(ledger_entry.amount)"                  "$(inv balance_ne_sum_amount)" 0
  check "held <> sum(ledger_entry.held_delta)"                 "$(inv held_ne_sum_held_delta)" 0
  check "held <> sum(amount of ACTIVE holds)"                  "$(inv held_ne_active_holds)" 0
  check "available (balance - held) < 0"                       "$(inv available_negative)" 0
  check "sum(expiry_lot.remaining) <> balance"                 "$(inv lots_ne_balance)" 0
  check "duplicate source_ref"                                 "$(inv duplicate_source_refs)" 0
}

# print_checks: the check lines and the verdict
print_checks() {
  printf '%s' "$CHECK_LINES"
  echo "  invariants: $VERDICT"
}

# publish_report [MORE]: tees the report on stdin to REPORT, says where it and the logs are, and exits 1
# unless VERDICT is PASS
publish_report() {
  tee "$REPORT"
  echo "report: $REPORT (server log: $PAYARA_LOG${1:+, $1}; database $APP_DB kept for inspection)" >&2
  [ "$VERDICT" = PASS ] || exit 1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
fmt() { LC_ALL=C awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = ""; n = length(s)
  for (i = 1; i <= n; i++) { o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o "," } print o }'; }

# report_host TITLE [source folders...]: the first two lines of a report (commit, machine, PostgreSQL)
report_host() {
  local title="$1"; shift
  echo "$title  $(date '+%Y-%m-%d %H:%M:%S')  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- "${@:-modules}" 2>/dev/null || echo ' (modified)')"
  echo "host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); PostgreSQL $("$PSQL" -V | awk '{print $3}') on :$PG_PORT; generator and server share the cores"
}
