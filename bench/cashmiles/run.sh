#!/usr/bin/env bash
# Cash & Miles benchmark: booking-engine clients over HTTP (JWT bearer tokens, Idempotency-Keys) doing
# quote -> authorize -> capture, with voids, refunds and same-key retries; operations/s and p50/p99 next
# to pgbench TPC-B-like tps on the same PostgreSQL cluster in the same run. Then checks the ledger
# invariants and that the cashmiles tables agree with the ledger and with the generator's own tally.
#
# Normally run through `./openmiles bench cashmiles`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md for the knobs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/cashmiles"

. "$ROOT/bench/lib.sh"
bench_knobs 18085 32   # BENCH_HTTP_PORT, BENCH_CLIENTS, BENCH_SECONDS, BENCH_WARMUP, BENCH_MEMBERS, BENCH_ANALYZE
ENGINES="${BENCH_ENGINES:-4}"
HISTORY="${BENCH_HISTORY:-20}"
SEED_MILES="${BENCH_SEED_MILES:-50000000}"
VOID_PERCENT="${BENCH_VOID_PERCENT:-10}"
REFUND_PERCENT="${BENCH_REFUND_PERCENT:-5}"
RETRY_PERCENT="${BENCH_RETRY_PERCENT:-5}"
PROBE_PERCENT="${BENCH_PROBE_PERCENT:-1}"
FLOOR_SECONDS="${BENCH_FLOOR_SECONDS:-0}"
APP_DB=openmiles_cashmiles
ISSUER="${MP_JWT_VERIFY_ISSUER:-https://openmiles.dev/booking-engines}"

bench_init cashmiles needs-pgbench   # also: stops Payara Micro on every exit path
[ "$ENGINES" -ge 1 ] && [ "$CLIENTS" -ge 1 ] && [ "$MEMBERS" -ge 1 ] 2>/dev/null \
  || die "BENCH_ENGINES, BENCH_CLIENTS and BENCH_MEMBERS must be >= 1"
[ "$SEED_MILES" -ge 1 ] && [ "$SEED_MILES" -le 100000000 ] 2>/dev/null || die "BENCH_SEED_MILES must be 1 to 100,000,000"

# --- 1. a throw-away JWT key pair (bench_jwt) and one token per booking engine ---------------------
# (not the development key in .openmiles/jwt: a run neither needs nor changes it)
bench_jwt
JWT_DIR="$BENCH_JWT_DIR"
TOKENS="$JWT_DIR/tokens.txt"
say "minting tokens for $ENGINES booking engines (bench-engine-1..$ENGINES) with the run's key pair"
TTL=$((3600 + 4 * (WARMUP + MEASURED)))
for i in $(seq 1 "$ENGINES"); do
  t="$(java "$ROOT/config/OpenMilesJwt.java" token "bench-engine-$i" --key "$JWT_DIR/private.pem" \
        --issuer "$ISSUER" --ttl "$TTL")" || die "could not mint a token"
  echo "bench-engine-$i $t" >>"$TOKENS"
done

# --- 2. database and anchor: pgbench TPC-B-like (its own database, dropped afterwards) -------------
say "creating a fresh database $APP_DB (owner openmiles)"
fresh_database "$APP_DB" openmiles
pgbench_anchor "$CLIENTS" "$MEASURED"

# --- 3. OpenMiles on Payara Micro, trusting the key -------------------------------------------------
unset MP_JWT_VERIFY_PUBLICKEY
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$JWT_DIR/public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" start_payara "$APP_DB" ${BENCH_JAVA_OPTS:-}
say "OpenMiles is ready"

# --- 4. load ------------------------------------------------------------------------------------
# enroll and credit members, history cycles, after_setup (ANALYZE, checkpoint), warm-up, measure
export_after_setup
PG_DATA_DIR="$(psql_su postgres -Atc 'show data_directory')"
POSTMASTER_PID="$(head -1 "$PG_DATA_DIR/postmaster.pid" 2>/dev/null || echo -1)"
# SQL per operation: statements (pg_stat_statements, if the cluster loads it: see bench/README.md) and
# commits of APP_DB, sampled with the CPU times at the start and end of the window
if psql_su postgres -Atc "show shared_preload_libraries" | grep -q pg_stat_statements; then
  psql_su postgres -qc "create extension if not exists pg_stat_statements" >/dev/null
  STATEMENTS="(select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$APP_DB')"
else
  STATEMENTS="'?'"
fi
SQL_SAMPLE="psql_su postgres -At -F ' ' -c \"select $STATEMENTS, (select xact_commit from pg_stat_database where datname = '$APP_DB')\""
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m "$HERE/CashMilesBench.java" --url "http://127.0.0.1:$HTTP_PORT" --tokens "$TOKENS" \
  --clients "$CLIENTS" --seconds "$MEASURED" --warmup "$WARMUP" --members "$MEMBERS" \
  --history "$HISTORY" --seed-miles "$SEED_MILES" --void-percent "$VOID_PERCENT" \
  --refund-percent "$REFUND_PERCENT" --retry-percent "$RETRY_PERCENT" --probe-percent "$PROBE_PERCENT" \
  --after-setup after_setup --run-id "$STAMP" --out "$RAW" \
  --server-pid "$PAYARA_PID" --postmaster-pid "$POSTMASTER_PID" --clock-ticks "$(getconf CLK_TCK)" \
  --sql-sample "$SQL_SAMPLE" \
  || die "load generator failed"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# the floor (BENCH_FLOOR_SECONDS > 0): the cheapest authenticated API call, a GET of a payment that does
# not exist, by as many clients, on the same server, to show what any operation costs at least
if [ "$FLOOR_SECONDS" -gt 0 ]; then
  say "floor: $CLIENTS clients repeating an authenticated GET of a missing payment for $FLOOR_SECONDS s"
  java -Xmx256m "$HERE/CashMilesBench.java" --floor "$FLOOR_SECONDS" --url "http://127.0.0.1:$HTTP_PORT" \
    --tokens "$TOKENS" --clients "$CLIENTS" --warmup 3 \
    --server-pid "$PAYARA_PID" --postmaster-pid "$POSTMASTER_PID" --clock-ticks "$(getconf CLK_TCK)" >>"$RAW" \
    || die "floor client failed"
fi

# stop the server before checking, so nothing is in flight
stop_payara

# --- 5. invariants --------------------------------------------------------------------------------
say "checking the ledger and the cashmiles tables in $APP_DB"
INV="$(ledger_invariants "$APP_DB")"
INV+=$'\n'"$(psql_su "$APP_DB" -At -F '=' <<'SQL'
with p as (select p.*, m.id member_id, q.voluntary_refund_redeposit vol, q.involuntary_refund_redeposit invol
             from cashmiles.payment p join cashmiles.quote q on q.token = p.quote_token
             left join accounts.member m on m.member_number = p.member_number),
     h as (select * from accounts.hold where source_ref like 'cm-%'),
     e as (select * from accounts.ledger_entry where source_ref like 'cm-%'),
     r as (select r.*, p.member_id, p.vol, p.invol from cashmiles.refund r join p on p.id = r.payment_id),
     captured as (select * from p where status in ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'))
select 'payments_without_their_hold', count(*) from p where not exists
  (select 1 from h where h.source_ref = p.hold_reference and h.member_id = p.member_id and h.amount = p.miles)
union all select 'holds_without_payment', count(*) from h where not exists (select 1 from p where p.hold_reference = h.source_ref)
union all select 'authorized_payments', count(*) from p where status = 'AUTHORIZED'
union all select 'authorized_hold_not_active', count(*) from p join h on h.source_ref = p.hold_reference
  where p.status = 'AUTHORIZED' and h.status <> 'ACTIVE'
union all select 'captured_without_capture_entry', count(*) from captured p where p.captured_miles <> p.miles
  or not exists (select 1 from h where h.source_ref = p.hold_reference and h.status = 'CAPTURED' and h.captured = p.miles)
  or not exists (select 1 from e where e.source_ref = p.hold_reference || '#capture' and e.entry_type = 'HOLD_CAPTURE'
                   and e.member_id = p.member_id and e.amount = -p.miles and e.held_delta = -p.miles)
union all select 'voided_hold_not_released', count(*) from p where p.status = 'VOIDED' and (p.captured_miles <> 0
  or not exists (select 1 from h where h.source_ref = p.hold_reference and h.status = 'RELEASED')
  or not exists (select 1 from e where e.source_ref = p.hold_reference || '#release' and e.entry_type = 'HOLD_RELEASE'
                   and e.amount = 0 and e.held_delta = -p.miles))
union all select 'refunded_miles_ne_refunds', count(*) from p
  where p.refunded_miles <> (select coalesce(sum(miles), 0) from cashmiles.refund r where r.payment_id = p.id)
     or (p.refunded_miles > 0 and p.status not in ('PARTIALLY_REFUNDED', 'REFUNDED'))
     or (p.status = 'REFUNDED' and p.refunded_miles <> p.captured_miles)
     or (p.status = 'PARTIALLY_REFUNDED' and not p.refunded_miles between 1 and p.captured_miles - 1)
union all select 'redeposit_ne_rule', count(*) from r
  where r.redeposited_miles <> case when (case r.reason when 'INVOLUNTARY' then r.invol else r.vol end) then r.miles else 0 end
union all select 'redeposit_without_entry', count(*) from r where r.redeposited_miles > 0 and not exists
  (select 1 from e where e.source_ref = r.ledger_reference and e.entry_type = 'REDEPOSIT'
     and e.member_id = r.member_id and e.amount = r.miles)
union all select 'kept_refund_with_entry', count(*) from r where r.redeposited_miles = 0 and (r.ledger_reference is not null
  or exists (select 1 from e where e.source_ref like 'cm-' || r.payment_id || '-refund-' || r.id))
union all select 'redeposits_without_refund', count(*) from e where e.entry_type = 'REDEPOSIT'
  and not exists (select 1 from r where r.ledger_reference = e.source_ref)
union all select 'keys_in_progress', count(*) from cashmiles.idempotency_key where state <> 'DONE'
union all select 'db_authorized', count(*) from p
union all select 'db_authorized_miles', coalesce(sum(miles), 0) from p
union all select 'db_captured', count(*) from captured
union all select 'db_captured_miles', coalesce(sum(captured_miles), 0) from captured
union all select 'db_voided', count(*) from p where status = 'VOIDED'
union all select 'db_voided_miles', coalesce(sum(miles), 0) from p where status = 'VOIDED'
union all select 'db_refunds', count(*) from r
union all select 'db_refunded_voluntary', coalesce(sum(miles), 0) from r where reason = 'VOLUNTARY'
union all select 'db_refunded_involuntary', coalesce(sum(miles), 0) from r where reason = 'INVOLUNTARY'
union all select 'db_redeposited', coalesce(sum(redeposited_miles), 0) from r;
SQL
)"
INV+=$'\n'"db_payments_by_client=$(psql_su "$APP_DB" -At -c "select coalesce(string_agg(client_id || ':' || n, ','
  order by client_id collate \"C\"), '') from (select client_id, count(*) n from cashmiles.payment group by client_id) c")"

check_ledger
check "payments without their ledger hold (member, miles)"          "$(inv payments_without_their_hold)" 0
check "cm-* holds without a payment"                                 "$(inv holds_without_payment)" 0
check "AUTHORIZED payments whose hold is not ACTIVE"                 "$(inv authorized_hold_not_active)" 0
check "captured payments without HOLD_CAPTURE of their miles"        "$(inv captured_without_capture_entry)" 0
check "VOIDED payments whose hold is not RELEASED"                    "$(inv voided_hold_not_released)" 0
check "payments whose refunded miles/status <> their refunds"         "$(inv refunded_miles_ne_refunds)" 0
check "refunds redeposited against the quote's rule"                 "$(inv redeposit_ne_rule)" 0
check "redeposited refunds without their REDEPOSIT entry"            "$(inv redeposit_without_entry)" 0
check "kept (voluntary) refunds with a ledger entry"                 "$(inv kept_refund_with_entry)" 0
check "cm-* REDEPOSIT entries without a refund"                      "$(inv redeposits_without_refund)" 0
check "Idempotency-Keys not DONE"                                    "$(inv keys_in_progress)" 0
# the generator's own tally of acknowledged answers, when every outcome is known
if [ "$(get uncertain)" = 0 ]; then
  check "AUTHORIZED payments left (every cycle resolves its payment)" "$(inv authorized_payments)" 0
  check "payments = authorized by the generator (want $(get expect_authorized))"    "$(inv db_authorized) / $(inv db_authorized_miles) miles" "$(get expect_authorized) / $(get expect_authorized_miles) miles"
  check "captured = generator's (want $(get expect_captured))"        "$(inv db_captured) / $(inv db_captured_miles) miles" "$(get expect_captured) / $(get expect_captured_miles) miles"
  check "voided = generator's (want $(get expect_voided))"            "$(inv db_voided) / $(inv db_voided_miles) miles" "$(get expect_voided) / $(get expect_voided_miles) miles"
  check "refunds = generator's (want $(get expect_refunds))"          "$(inv db_refunds)" "$(get expect_refunds)"
  check "refunded miles voluntary / involuntary = generator's"        "$(inv db_refunded_voluntary) / $(inv db_refunded_involuntary)" "$(get expect_refunded_voluntary) / $(get expect_refunded_involuntary)"
  check "redeposited miles = generator's (want $(get expect_redeposited))" "$(inv db_redeposited)" "$(get expect_redeposited)"
  check "payments per client = generator's"                           "$(inv db_payments_by_client)" "$(get expect_payments_by_client)"
  check "total balance = seeds - captured + redeposited"              "$(inv total_balance)" "$(get expect_balance)"
  check "total held = 0 (want 0)"                                     "$(inv total_held)" 0
  check "ledger entries = generator's (want $(get expect_entries))"   "$(inv total_entries)" "$(get expect_entries)"
else
  CHECK_LINES+="    totals vs acknowledged answers: skipped ($(get uncertain) requests with unknown outcome)"$'\n'
fi
ERRORS="$(get errors)"
if [ "${ERRORS:-1}" != 0 ]; then VERDICT=FAIL; fi

# --- 6. report --------------------------------------------------------------------------------------
OPS="$(get ops_per_s)"
P99="$(get ops_p99_ms)"
aim() { # ops/s >= tps and p99 <= 50 ms at 32 clients
  local a b
  a="$(awk -v o="$OPS" -v t="$TPS" 'BEGIN { print (o >= t ? "met" : "not met") }')"
  b="$(awk -v p="$P99" 'BEGIN { print (p <= 50 ? "met" : "not met") }')"
  echo "operations/s >= pgbench tps: $a; p99 <= 50 ms: $b${1:+ ($1)}"
}
rate() { awk -v x="$1" 'BEGIN { exit !(x < 100) }' && printf '%.1f' "$1" || fmt "$1"; }
line() { # label, what, per second, p50, p99, extra
  printf '  %-10s %-44s %10s/s   p50 %7s ms  p99 %7s ms  %s\n' "$1" "$2" "$(rate "$3")" "$4" "$5" "${6:-}"
}
per_count() { awk -v s="$1" -v n="$(get ops_count)" 'BEGIN { if (n > 0 && s == s + 0) printf "%.2f", s / n; else print "?" }'; }
per_op() { awk -v s="$1" -v n="$(get ops_count)" 'BEGIN { if (n > 0 && s == s + 0) printf "%.2f", 1000 * s / n; else print "?" }'; }
{
  report_host "OpenMiles Cash & Miles benchmark" modules
  echo "run: $CLIENTS clients over $(get engines) booking engines (JWT clients), $(get members) members; ${MEASURED} s measured after ${WARMUP} s warm-up and $HISTORY history cycles per client (analyze=$ANALYZE); ${VOID_PERCENT}% voids, ${REFUND_PERCENT}% of captures refunded, ${RETRY_PERCENT}% same-key retries"
  echo
  printf '  %-10s %-44s %10s tps  (latency average %s ms)\n' anchor "pgbench TPC-B-like ($CLIENTS clients, -s $PGBENCH_SCALE)" "$(fmt "$TPS")" "${PG_LAT:-?}"
  line operations "quote+authorize+capture+void+refund" "$OPS" "$(get ops_p50_ms)" "$P99" "ratio $(ratio "$OPS" "$TPS")"
  line payments "completed (captured)" "$(get payments_per_s)" "$(get capture_p50_ms)" "$(get capture_p99_ms)" "ratio $(ratio "$(get payments_per_s)" "$TPS")"
  line requests "all (with same-key replays and probes)" "$(get all_per_s)" "$(get all_p50_ms)" "$(get all_p99_ms)"
  echo "  per operation (requests in the window):"
  for op in quote authorize capture void refund replay probe; do
    line "" "$op ($(fmt "$(get "${op}_count")"))" "$(get "${op}_per_s")" "$(get "${op}_p50_ms")" "$(get "${op}_p99_ms")"
  done
  echo "  CPU per operation in the window: server $(per_op "$(get cpu_server_s)") ms, PostgreSQL $(per_op "$(get cpu_postgres_s)") ms, generator $(per_op "$(get cpu_generator_s)") ms"
  echo "    (so $(nproc) cores given to this run alone would carry about $(awk -v a="$(get cpu_server_s)" -v b="$(get cpu_postgres_s)" -v c="$(get cpu_generator_s)" -v n="$(get ops_count)" -v k="$(nproc)" 'BEGIN { t = a + b + c; if (t > 0 && n > 0) printf "%.0f", k * n / t; else print "?" }') operations/s if CPU were the only limit)"
  if [ "$FLOOR_SECONDS" -gt 0 ]; then
    echo "  floor, authenticated GET of a missing payment ($CLIENTS clients, $FLOOR_SECONDS s): $(get floor_per_s)/s, p50 $(get floor_p50_ms) ms, p99 $(get floor_p99_ms) ms; CPU per request: server $(get floor_cpu_server_ms) ms, PostgreSQL $(get floor_cpu_postgres_ms) ms, client $(get floor_cpu_client_ms) ms ($(get floor_wrong) wrong answers)"
  fi
  echo "  SQL per operation in the window: $(per_count "$(get sql_statements)") statements, $(per_count "$(get sql_commits)") commits (pg_stat_statements and pg_stat_database of $APP_DB)"
  echo "  machine load average (1/5/15 min) before the load: $LOAD_BEFORE, after: $LOAD_AFTER"
  echo "  aim at 32 clients: $(aim "$([ "$CLIENTS" = 32 ] || echo "this run had $CLIENTS clients")")"
  echo
  echo "  payments: $(fmt "$(inv db_authorized)") authorized, $(fmt "$(inv db_captured)") captured ($(fmt "$(inv db_captured_miles)") miles), $(fmt "$(inv db_voided)") voided, $(fmt "$(inv db_refunds)") refunds ($(fmt "$(inv db_redeposited)") miles redeposited); by client: $(inv db_payments_by_client)"
  if [ "${ERRORS:-1}" = 0 ]; then
    echo "  errors: none"
  else
    echo "  errors: ${ERRORS:-?} ($(get errors_by_code))"
  fi
  echo "  invariants ($(inv members) members, $(fmt "$(inv total_entries)") ledger entries, $(inv active_holds) active holds):"
  print_checks
} | publish_report
