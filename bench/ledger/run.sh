#!/usr/bin/env bash
# Ledger benchmark: postings/s through the ledger service (single and batched) against pgbench
# TPC-B-like tps on the same PostgreSQL cluster in the same run. Then checks the ledger invariants.
#
# Normally run through `./openmiles bench ledger`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md for the knobs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ledger"

. "$ROOT/bench/lib.sh"
bench_knobs 18080 16   # BENCH_HTTP_PORT, BENCH_CLIENTS, BENCH_SECONDS, BENCH_WARMUP, BENCH_MEMBERS, BENCH_ANALYZE
BATCH_SIZE="${BENCH_BATCH_SIZE:-1000}"
BATCH_CLIENTS="${BENCH_BATCH_CLIENTS:-4}"
HOLD_SECONDS="${BENCH_HOLD_SECONDS:-10}"
RETRY_PERCENT="${BENCH_RETRY_PERCENT:-10}"
HISTORY="${BENCH_HISTORY:-100}"
HISTORY_HOLDS="${BENCH_HISTORY_HOLDS:-5}"
APP_DB=openmiles_bench

bench_init ledger needs-pgbench   # also: stops Payara Micro on every exit path

# --- 1. database --------------------------------------------------------------------------------
say "creating a fresh database $APP_DB (owner openmiles)"
fresh_database "$APP_DB" openmiles

# --- 2. anchor: pgbench TPC-B-like (its own database, dropped afterwards) ---------------------
pgbench_anchor "$CLIENTS" "$MEASURED"

# --- 3. OpenMiles on Payara Micro -------------------------------------------------------------
start_payara "$APP_DB"
say "OpenMiles is ready"

# --- 4. load ---------------------------------------------------------------------------------
# After enrollment and history, before measuring, the generator runs after_setup (bench/lib.sh):
# ANALYZE and a checkpoint.
export_after_setup
java -Xmx512m "$HERE/LedgerBench.java" --url "http://127.0.0.1:$HTTP_PORT" --clients "$CLIENTS" \
  --seconds "$MEASURED" --warmup "$WARMUP" --members "$MEMBERS" --batch-clients "$BATCH_CLIENTS" \
  --batch-size "$BATCH_SIZE" --hold-seconds "$HOLD_SECONDS" --retry-percent "$RETRY_PERCENT" \
  --history "$HISTORY" --history-holds "$HISTORY_HOLDS" --after-setup after_setup --run-id "$STAMP" --out "$RAW" || die "load generator failed"

# stop the server before checking, so nothing is in flight
stop_payara

# --- 5. invariants ---------------------------------------------------------------------------
say "checking ledger invariants in $APP_DB"
INV="$(ledger_invariants "$APP_DB")"
check_ledger
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
{
  report_host "OpenMiles ledger benchmark" modules
  echo "phases: ${MEASURED} s measured each (after ${WARMUP} s warm-up), $(get members) members with ${HISTORY} earlier credits and ${HISTORY_HOLDS} released holds each, analyze=${ANALYZE}, ${RETRY_PERCENT}% retries in single"
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
  print_checks
} | publish_report
