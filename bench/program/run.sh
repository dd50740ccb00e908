#!/usr/bin/env bash
# Program simulation benchmark (issue 20): a proposed change of a partner earn rule replayed on 90 days
# of partner activity of PROGRAM_MEMBERS members (default 1,000,000; each with 0 to 6 hotel stays (1 to 7 nights) in
# the window, and car rentals and card spend beside them), by the server (POST /api/v1/program/changes,
# then POST .../simulation again), next to the plain aggregate over the same rows in the same run:
#
#   select member_number, sum(miles) from accrual.partner_activity
#    where partner_code = 'DEMO_HOTEL' and basis = 'STAY_NIGHT' and status in (...) and activity_date
#    between F and T group by member_number
#
# Prints both and the ratio (aim <= 3). Checks the simulation's figures against SQL written here
# independently: records, members, miles before (what was credited) and after (the proposed rule).
#
# Normally run through `./openmiles bench program`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HTTP_PORT="${BENCH_HTTP_PORT:-18096}"
MEMBERS="${PROGRAM_MEMBERS:-1000000}"
REPEATS="${PROGRAM_REPEATS:-3}"
APP_DB=openmiles_program
. "$ROOT/bench/lib.sh"
bench_init program
[ "$MEMBERS" -ge 1000 ] 2>/dev/null || die "PROGRAM_MEMBERS must be >= 1000"
LOAD_BEFORE="$(load1)"

# --- 1. database and server (Flyway creates the schema) ---------------------------------------------
fresh_database "$APP_DB" openmiles
export OPENMILES_FILES_ENABLED=false
start_payara "$APP_DB"
PM_TOKEN="$(java "$ROOT/config/OpenMilesJwt.java" token bench-pm --key "$BENCH_JWT_DIR/private.pem" \
  --issuer "$BENCH_ISSUER" --groups program-manager --ttl 86400)" || die "could not mint a program-manager token"

# --- 2. activity: made in SQL (not through the files), as the real path records it -------------------
# The window the server replays by default: the 90 days to yesterday in the airline's zone. The records
# lie two to 88 days back, inside it whatever the hour.
say "generating partner activity for $(fmt "$MEMBERS") members (hotel stays, car rentals, card spend)"
t0="$(date +%s)"
psql_su "$APP_DB" <<SQL
set synchronous_commit = off;
insert into accrual.partner_activity (partner_code, partner_tx_id, member_number, activity_date, basis,
       quantity, currency, miles, status, ledger_ref, line_no, received_at, credited_at, earn_rule_from)
select p.code, p.code || '-' || m || '-' || k, lpad((1000000000 + m)::text, 10, '0'),
       current_date - 2 - ((m * 7 + k * 13) % 87), p.basis, q.qty, p.cur,
       -- the seeded rules (2000-01-01): 500 a night up to 15,000; 300 a day up to 9,000; 1 per 20,000 VND
       case p.code when 'DEMO_HOTEL' then least(q.qty::bigint * 500, 15000)
                   when 'DEMO_CAR' then least(q.qty::bigint * 300, 9000)
                   else div(q.qty, 20000)::bigint end,
       'CREDITED', 'P:' || p.code || ':' || m || '-' || k, k, now(), now(), date '2000-01-01'
  from generate_series(1, $MEMBERS) m
  cross join (values ('DEMO_HOTEL', 'STAY_NIGHT', null::char(3), 6),
                     ('DEMO_CAR', 'RENTAL_DAY', null, 2),
                     ('DEMO_BANK', 'SPEND', 'VND', 3)) as p(code, basis, cur, most)
  cross join lateral generate_series(1, (m * 31 + length(p.code)) % (p.most + 1)) k
  cross join lateral (select case p.code when 'DEMO_HOTEL' then 1 + (m + k) % 7
                                         when 'DEMO_CAR' then 1 + (m * k) % 12
                                         else 50000 + ((m * 17 + k) % 400) * 10000 end::numeric as qty) q;
vacuum (analyze) accrual.partner_activity; -- so that autovacuum does not start during the timing
checkpoint;
SQL
GEN_SECONDS=$(( $(date +%s) - t0 ))
ROWS="$(psql_su "$APP_DB" -At -c "select count(*) from accrual.partner_activity")"
say "$(fmt "$ROWS") partner records in $GEN_SECONDS s"

FROM="$(psql_su "$APP_DB" -At -c "select ((now() at time zone 'Asia/Ho_Chi_Minh')::date - 90)")"
TO="$(psql_su "$APP_DB" -At -c "select ((now() at time zone 'Asia/Ho_Chi_Minh')::date - 1)")"
WHERE="partner_code = 'DEMO_HOTEL' and basis = 'STAY_NIGHT' and status in ('CREDITED', 'REVERSED')
       and activity_date between date '$FROM' and date '$TO'"

# the expected figures, written here independently of the server's statement
EXPECTED="$(psql_su "$APP_DB" -At -F ' ' -c "select count(*), count(distinct member_number), sum(miles),
  sum(least(trunc(quantity)::bigint * 600, 18000)),
  count(distinct member_number) filter (where least(trunc(quantity)::bigint * 600, 18000) <> miles)
  from accrual.partner_activity where $WHERE")"
read -r E_RECORDS E_MEMBERS E_BEFORE E_AFTER E_AFFECTED_ROWS <<<"$EXPECTED"
# members affected: those whose total changes (computed per member)
E_AFFECTED="$(psql_su "$APP_DB" -At -c "select count(*) from (select member_number from accrual.partner_activity
  where $WHERE group by member_number
  having sum(least(trunc(quantity)::bigint * 600, 18000)) <> sum(miles)) t")"

# --- 3. the anchor: the plain aggregate over the same rows, timed in psql ----------------------------
wait_quiet 1.5
LOAD_START="$(load1)"
anchor_ms() {
  psql_su "$APP_DB" -At -c '\timing on' -c "select count(*) from (select member_number, sum(miles)
    from accrual.partner_activity where $WHERE group by member_number) t" \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
}
anchor_ms >/dev/null # warm: both read the table from the same cache state
ANCHORS=()
for _ in $(seq 1 "$REPEATS"); do ANCHORS+=("$(anchor_ms)"); done

# --- 4. the simulation by the server ------------------------------------------------------------------
api() { # method path body: the answer's body; the time in CURL_MS
  local out
  out="$(curl -s -w '\n%{http_code} %{time_total}' -X "$1" -H "Authorization: Bearer $PM_TOKEN" \
    -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$HTTP_PORT/api/v1/$2")"
  BODY="$(printf '%s\n' "$out" | head -n -1)"
  read -r CODE CURL_S <<<"$(printf '%s\n' "$out" | tail -1)"
  CURL_MS="$(awk -v s="$CURL_S" 'BEGIN { printf "%.0f", s * 1000 }')"
}
jfield() { printf '%s' "$BODY" | python3 -c "import json,sys; d=json.load(sys.stdin, parse_float=str); print(d$1)"; }
TOMORROW="$(psql_su "$APP_DB" -At -c "select ((now() at time zone 'Asia/Ho_Chi_Minh')::date + 1)")"
say "proposing DEMO_HOTEL:STAY_NIGHT 600 a night up to 18,000 from $TOMORROW (simulated on $FROM to $TO)"
api POST program/changes "{\"kind\":\"partner-earn-rule\",\"key\":\"DEMO_HOTEL:STAY_NIGHT\",
  \"effectiveFrom\":\"$TOMORROW\",\"reason\":\"bench\",\"proposal\":{\"miles\":600,\"perQuantity\":1,\"maxMilesPerRecord\":18000}}"
[ "$CODE" = 201 ] || { echo "$BODY" >&2; die "the proposal answered $CODE"; }
CHANGE="$(jfield "['id']")"
PROPOSE_MS="$CURL_MS"
SIMS=(); HTTPS=()
for _ in $(seq 1 "$REPEATS"); do
  api POST "program/changes/$CHANGE/simulation" "{}"
  [ "$CODE" = 200 ] || { echo "$BODY" >&2; die "the simulation answered $CODE"; }
  SIMS+=("$(jfield "['simulation']['millis']")"); HTTPS+=("$CURL_MS")
done
LOAD_AFTER="$(load1)"
S_RECORDS="$(jfield "['simulation']['records']")"; S_REPLAYED="$(jfield "['simulation']['replayed']")"
S_MEMBERS="$(jfield "['simulation']['members']")"; S_AFFECTED="$(jfield "['simulation']['membersAffected']")"
S_BEFORE="$(jfield "['simulation']['milesBefore']")"; S_AFTER="$(jfield "['simulation']['milesAfter']")"
S_COST="$(jfield "['simulation']['costBefore']") -> $(jfield "['simulation']['costAfter']") $(jfield "['simulation']['currency']")"

check "records in the window"                      "$S_RECORDS" "$E_RECORDS"
check "records the replay rated as credited"       "$S_REPLAYED" "$E_RECORDS"
check "members"                                    "$S_MEMBERS" "$E_MEMBERS"
check "members whose miles change"                 "$S_AFFECTED" "$E_AFFECTED"
check "miles before (as credited)"                 "$S_BEFORE" "$E_BEFORE"
check "miles after (600 a night, up to 18,000)"    "$S_AFTER" "$E_AFTER"

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
A_MED="$(median "${ANCHORS[@]}")"; S_MED="$(median "${SIMS[@]}")"; H_MED="$(median "${HTTPS[@]}")"
BUSY=""
awk -v l="$LOAD_START" 'BEGIN { exit !(l >= 1.5) }' && BUSY="  (BUSY MACHINE: load $LOAD_START at the start; the figures do not count)"

{
  report_host "program simulation benchmark" modules bench/program
  echo "data: $(fmt "$MEMBERS") members, $(fmt "$ROWS") partner records (generated in $GEN_SECONDS s); window $FROM to $TO"
  echo "      DEMO_HOTEL stays in the window: $(fmt "$E_RECORDS") records of $(fmt "$E_MEMBERS") members"
  echo "load average: $LOAD_BEFORE before the run, $LOAD_START before timing, $LOAD_AFTER after$BUSY"
  echo
  echo "  plain aggregate over the same rows (psql, ms):      ${ANCHORS[*]}   median $A_MED"
  echo "  simulation in the server (its own timing, ms):      ${SIMS[*]}   median $S_MED"
  echo "  simulation over HTTP (curl, ms):                    ${HTTPS[*]}   median $H_MED   (the proposal itself: $PROPOSE_MS)"
  echo "  ratio simulation / aggregate:  $(ratio "$S_MED" "$A_MED")   (over HTTP: $(ratio "$H_MED" "$A_MED"); aim <= 3)"
  echo
  echo "  miles $(fmt "$S_BEFORE") -> $(fmt "$S_AFTER"), $(fmt "$S_AFFECTED") members affected, cost $S_COST"
  echo
  print_checks
} | publish_report
