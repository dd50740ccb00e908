#!/usr/bin/env bash
# Ingestion benchmark: a generated 1,000,000-record partner activity file (DEMO_BANK, SPEND in VND)
# dropped into the partner's inbound folder and taken end to end (Camel file route, two streaming
# passes, accrual, ledger) until its acknowledgement appears; records/s next to psql \copy of the same
# file's detail lines into a plain indexed table in the same run. Then checks exactly-once and the
# ledger invariants, and that a re-sent copy of the file is answered DUPLICATE without any change.
#
# Normally run through `./openmiles bench ingest`, which builds the WAR, starts PostgreSQL and sets
# OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md for the knobs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/ingest"

PG_PORT="${OPENMILES_PG_PORT:-55432}"
PG_HOST=127.0.0.1
HTTP_PORT="${BENCH_HTTP_PORT:-18090}"
RECORDS="${INGEST_RECORDS:-1000000}"
MEMBERS="${INGEST_MEMBERS:-20000}"
CLIENTS="${INGEST_CLIENTS:-16}"
CHUNK="${INGEST_CHUNK:-}"              # empty: the server's default (openmiles.files.chunk)
ANALYZE="${INGEST_ANALYZE:-1}"
TIMEOUT="${INGEST_TIMEOUT:-3600}"      # seconds to wait for the acknowledgement
KEEP_FILES="${INGEST_KEEP_FILES:-0}"
PARTNER=DEMO_BANK
APP_DB=openmiles_ingest
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
[ -x "$PSQL" ] || die "$PSQL not found (set OPENMILES_PG_BINDIR)"
[ -f "$PAYARA_JAR" ] || die "Payara Micro jar not found at $PAYARA_JAR (set PAYARA_JAR)"
[ -f "$WAR" ] || die "$WAR not found: build first (./openmiles bench ingest does)"
"$OPENMILES_PG_BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null \
  || die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT (./openmiles db start)"
[ "$RECORDS" -ge 1 ] && [ "$MEMBERS" -ge 1 ] 2>/dev/null || die "INGEST_RECORDS and INGEST_MEMBERS must be >= 1"

psql_su() { # db, psql args...
  local db="$1"; shift
  PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q "$@"
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS_DIR="$ROOT/bench/results"
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/ingest-$STAMP.txt"
PAYARA_LOG="$RESULTS_DIR/ingest-$STAMP-payara.log"
GC_LOG="$RESULTS_DIR/ingest-$STAMP-gc.log"

# the server's file tree (fresh each run) and the generated file live outside the repository
FILES_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/openmiles-ingest.XXXXXX")"
WORK="$FILES_ROOT/bench"
mkdir -p "$WORK"

# --- cleanup: always stop Payara Micro; remove the file tree --------------------------------------
PAYARA_PID=""
stop_payara() {
  if [ -n "$PAYARA_PID" ] && kill -0 "$PAYARA_PID" 2>/dev/null; then
    say "stopping Payara Micro (pid $PAYARA_PID)"
    kill "$PAYARA_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PAYARA_PID" 2>/dev/null || true
    wait "$PAYARA_PID" 2>/dev/null || true
  fi
  PAYARA_PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_payara
  if [ "$KEEP_FILES" = 1 ]; then
    say "files kept in $FILES_ROOT"
  else
    rm -rf "$FILES_ROOT"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" 2>/dev/null; then
  die "port $HTTP_PORT is in use; choose another with BENCH_HTTP_PORT"
fi

# --- 1. database and server ---------------------------------------------------------------------
say "creating fresh database $APP_DB (owner openmiles)"
psql_su postgres -tc "select 1 from pg_roles where rolname = 'openmiles'" | grep -q 1 \
  || psql_su postgres -c "create role openmiles login password 'openmiles'"
psql_su postgres -c "drop database if exists $APP_DB with (force)" -c "create database $APP_DB owner openmiles"

say "starting Payara Micro on port $HTTP_PORT against $APP_DB, files in $FILES_ROOT (log: $PAYARA_LOG)"
if [ -n "$CHUNK" ]; then export OPENMILES_FILES_CHUNK="$CHUNK"; fi
OPENMILES_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$APP_DB" \
OPENMILES_DB_USER=openmiles OPENMILES_DB_PASSWORD=openmiles OPENMILES_JOBS_ENABLED=false \
OPENMILES_FILES_ROOT="$FILES_ROOT" OPENMILES_FILES_POLL_MS=200 \
  java -Xmx1g -Xlog:gc:file="$GC_LOG" -Dmp.health.default.readiness.empty.response=DOWN -jar "$PAYARA_JAR" \
       --nocluster --port "$HTTP_PORT" --contextroot / \
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
INBOUND="$FILES_ROOT/partners/$PARTNER/inbound"
OUTBOUND="$FILES_ROOT/partners/$PARTNER/outbound"
[ -d "$INBOUND" ] || die "the server did not create $INBOUND (is $PARTNER an active partner?)"
say "OpenMiles is ready (routes started)"

# --- 2. members -------------------------------------------------------------------------------
say "enrolling $MEMBERS members ($CLIENTS clients)"
java -Xmx256m "$HERE/IngestBench.java" enroll --url "http://127.0.0.1:$HTTP_PORT" --members "$MEMBERS" \
  --clients "$CLIENTS" --run-id "$STAMP" --out "$WORK/members.csv" || die "enrollment failed"

# --- 3. the partner file ------------------------------------------------------------------------
FILE="$WORK/partner-file.csv"
say "generating a $PARTNER file with $RECORDS records"
java -Xmx256m "$HERE/IngestBench.java" generate --members "$WORK/members.csv" --records "$RECORDS" \
  --partner "$PARTNER" --run-id "$STAMP" --out "$FILE" --props "$WORK/file.properties" || die "generation failed"
fileprop() { sed -n "s/^$1=//p" "$WORK/file.properties" | head -1; }
EXPECT_MILES="$(fileprop expected_miles)"
FILE_BYTES="$(fileprop bytes)"

# --- 4. anchor: psql \copy of the detail lines into a plain indexed table -----------------------
say "anchor: \\copy of the $RECORDS detail lines into bench_copy (unique index on tx, index on member)"
psql_su "$APP_DB" <<'SQL'
drop table if exists public.bench_copy;
create table public.bench_copy (tx text, member text, last_name text, activity_date date, basis text,
                                quantity numeric, currency text, description text);
create unique index bench_copy_tx_uk on public.bench_copy (tx);
create index bench_copy_member_idx on public.bench_copy (member);
checkpoint;
SQL
T0="$(now)"
grep '^D,' "$FILE" | cut -d, -f2- | psql_su "$APP_DB" -c '\copy public.bench_copy from pstdin with (format csv)'
T1="$(now)"
COPY_SECONDS="$(elapsed "$T0" "$T1")"
COPY_ROWS="$(psql_su "$APP_DB" -Atc 'select count(*) from public.bench_copy')"
[ "$COPY_ROWS" = "$RECORDS" ] || die "\\copy loaded $COPY_ROWS rows, expected $RECORDS"
COPY_RPS="$(awk -v n="$COPY_ROWS" -v s="$COPY_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
say "anchor: $COPY_ROWS rows in $COPY_SECONDS s = $COPY_RPS rows/s"
# the anchor table goes, so that the ingest starts from the same database state it would without it
psql_su "$APP_DB" -c 'drop table public.bench_copy'

# --- 5. ingest end to end -----------------------------------------------------------------------
NAME="bench-$STAMP.csv"
ACK="$OUTBOUND/$NAME.ack.csv"
cp "$FILE" "$INBOUND/$NAME.part"   # ignored by the route until renamed
sync "$INBOUND/$NAME.part"
if [ "$ANALYZE" = 1 ]; then
  say "analyze (fresh tables: see bench/README.md, Why ANALYZE)"
  psql_su "$APP_DB" -c analyze
fi
psql_su "$APP_DB" -c checkpoint

snapshot() { # activities, ledger entries, total balance, files of the partner
  psql_su "$APP_DB" -At -F, -c "select (select count(*) from accrual.partner_activity),
    (select count(*) from accounts.ledger_entry), (select coalesce(sum(balance), 0) from accounts.account),
    (select count(*) from accrual.inbound_file where partner_code = '$PARTNER')"
}
BEFORE="$(snapshot)"
rss_kb() { ps -o rss= -p "$PAYARA_PID" 2>/dev/null | tr -d ' '; }
RSS_BEFORE="$(rss_kb)"
RSS_MAX="$RSS_BEFORE"
GC_FROM="$(wc -l <"$GC_LOG")"

say "ingest: $NAME ($RECORDS records, $(awk -v b="$FILE_BYTES" 'BEGIN { printf "%.1f MB", b / 1e6 }')) renamed into $INBOUND"
T0="$(now)"
mv "$INBOUND/$NAME.part" "$INBOUND/$NAME"
start_s="${T0%.*}"
last_s="$start_s"
last_count=0
while [ ! -f "$ACK" ]; do
  kill -0 "$PAYARA_PID" 2>/dev/null || die "Payara Micro stopped during the ingest; see $PAYARA_LOG"
  if compgen -G "$FILES_ROOT/partners/$PARTNER/failed/*" >/dev/null; then
    die "the file was moved to failed/; see $PAYARA_LOG"
  fi
  rss="$(rss_kb)"
  [ -n "$rss" ] && [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX="$rss"
  s="$(date +%s)"
  if [ $((s - last_s)) -ge 10 ]; then
    count="$(psql_su "$APP_DB" -Atc 'select count(*) from accrual.partner_activity' 2>/dev/null || echo "$last_count")"
    printf '    %5d s  %9d records recorded  %7d/s  RSS %d MB\n' $((s - start_s)) "$count" \
      $(((count - last_count) / (s - last_s))) $((rss / 1024)) >&2
    last_s="$s"; last_count="$count"
  fi
  [ $((s - start_s)) -lt "$TIMEOUT" ] || die "no acknowledgement after $TIMEOUT s; see $PAYARA_LOG"
  sleep 1
done
T1="$(date -r "$ACK" +%s.%N)"   # when the server wrote the ack, not when the loop noticed it
INGEST_SECONDS="$(elapsed "$T0" "$T1")"
INGEST_RPS="$(awk -v n="$RECORDS" -v s="$INGEST_SECONDS" 'BEGIN { printf "%.0f", n / s }')"
ackv() { sed -n "s/^$2,//p" "$1" | head -1 | tr -d '"'; }
ACK_STATUS="$(ackv "$ACK" status)"
ACK_RECORDS="$(ackv "$ACK" records)"
ACK_ACCEPTED="$(ackv "$ACK" accepted)"
ACK_REJECTED="$(ackv "$ACK" rejected)"
ACK_PARKED="$(ackv "$ACK" parked)"
ACK_DUPLICATES="$(ackv "$ACK" duplicates)"
ACK_MILES="$(ackv "$ACK" miles_issued)"
# where the time went: the server registers the file after its checking pass (received_at) and
# completes it after the last chunk (completed_at)
PHASES="$(psql_su "$APP_DB" -At -F' ' -c "select extract(epoch from received_at), extract(epoch from completed_at)
  from accrual.inbound_file where partner_code = '$PARTNER' and file_name = '$NAME'")"
read -r RECEIVED_AT COMPLETED_AT <<<"$PHASES"
CHECK_SECONDS="$(elapsed "$T0" "${RECEIVED_AT:-$T0}")"
CREDIT_SECONDS="$(elapsed "${RECEIVED_AT:-$T0}" "${COMPLETED_AT:-$T0}")"
ACK_SECONDS="$(elapsed "${COMPLETED_AT:-$T1}" "$T1")"
say "ingest: $ACK_STATUS, $ACK_ACCEPTED accepted in $INGEST_SECONDS s = $INGEST_RPS records/s"
GC_STATS="$(tail -n +"$((GC_FROM + 1))" "$GC_LOG" | awk '
  /Pause/ && match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) {
    split(substr($0, RSTART, RLENGTH), p, /M->|M\(|M\)/); n++
    if (p[2] + 0 > live) live = p[2] + 0; if (p[3] + 0 > committed) committed = p[3] + 0 }
  /Pause Full/ { full++ }
  END { printf "%d %d %d %d", n, live, committed, full }')"
read -r GC_PAUSES GC_LIVE_MAX GC_COMMITTED_MAX GC_FULL <<<"$GC_STATS"
AFTER="$(snapshot)"
REJECTS_SAMPLE=""
if [ -f "$OUTBOUND/$NAME.rejects.csv" ]; then REJECTS_SAMPLE="$(sed -n '2,4p' "$OUTBOUND/$NAME.rejects.csv")"; fi

# --- 6. the same file again, under another name: DUPLICATE, nothing changes ----------------------
NAME2="bench-$STAMP-again.csv"
ACK2="$OUTBOUND/$NAME2.ack.csv"
say "re-sending the same content as $NAME2"
cp "$FILE" "$INBOUND/$NAME2.part"
mv "$INBOUND/$NAME2.part" "$INBOUND/$NAME2"
for _ in $(seq 1 600); do [ -f "$ACK2" ] && break; sleep 0.5; done
[ -f "$ACK2" ] || die "no acknowledgement for the re-sent file after 300 s; see $PAYARA_LOG"
ACK2_STATUS="$(ackv "$ACK2" status)"
AGAIN="$(snapshot)"

# stop the server before checking, so nothing is in flight
stop_payara

# --- 7. exactly-once and ledger invariants --------------------------------------------------------
say "checking exactly-once and the ledger invariants in $APP_DB"
INV="$(psql_su "$APP_DB" -At -F '=' <<SQL
with le as (select member_id, sum(amount) amount from accounts.ledger_entry group by member_id),
     lo as (select member_id, sum(remaining) remaining from accounts.expiry_lot group by member_id),
     m  as (select m.id, a.member_id account, a.balance, coalesce(le.amount, 0) le_amount,
                   coalesce(lo.remaining, 0) lots
              from accounts.member m left join accounts.account a on a.member_id = m.id
              left join le on le.member_id = m.id left join lo on lo.member_id = m.id)
select 'members_without_account', count(*) filter (where account is null) from m
union all select 'balance_ne_sum_amount', count(*) filter (where balance <> le_amount) from m
union all select 'lots_ne_balance', count(*) filter (where balance <> lots) from m
union all select 'duplicate_source_refs',
  (select count(*) from (select source_ref from accounts.ledger_entry group by 1 having count(*) > 1) d)
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
union all select 'files_done',
  (select count(*) from accrual.inbound_file where partner_code = '$PARTNER' and status = 'DONE')
union all select 'file_accepted',
  (select coalesce(sum(accepted), 0) from accrual.inbound_file where partner_code = '$PARTNER')
union all select 'members', (select count(*) from accounts.member);
SQL
)"
inv() { printf '%s\n' "$INV" | sed -n "s/^$1=//p"; }
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }

VERDICT=PASS
CHECK_LINES=""
check() { # name, value, expected
  local mark=ok
  if [ "$2" != "$3" ]; then mark=FAIL; VERDICT=FAIL; fi
  CHECK_LINES+="$(printf '    %-62s %-6s %s' "$1" "$mark" "$2")"$'\n'
}
check "ack status"                                               "$ACK_STATUS" PROCESSED
check "ack accepted (want $RECORDS)"                             "$ACK_ACCEPTED" "$RECORDS"
check "ack rejected / parked / duplicates"                       "${ACK_REJECTED:-?} / ${ACK_PARKED:-?} / ${ACK_DUPLICATES:-?}" "0 / 0 / 0"
check "ack miles_issued = generator's sum of floor(VND / 20,000)" "$ACK_MILES" "$EXPECT_MILES"
check "partner_activity rows (want $RECORDS)"                    "$(inv activities)" "$RECORDS"
check "partner_activity rows CREDITED"                           "$(inv activities_credited)" "$RECORDS"
check "ledger entries with source_ref P:$PARTNER:* (want $RECORDS)" "$(inv partner_entries)" "$RECORDS"
check "activities without their ledger entry (same miles)"       "$(inv activities_without_entry)" 0
check "duplicate source_ref"                                     "$(inv duplicate_source_refs)" 0
check "sum of the entries' miles = ack miles_issued"             "$(inv partner_entry_miles)" "$ACK_MILES"
check "total balance grew by miles_issued"                       "$(($(field "$AFTER" 3) - $(field "$BEFORE" 3)))" "$ACK_MILES"
check "ledger entries grew by $RECORDS"                          "$(($(field "$AFTER" 2) - $(field "$BEFORE" 2)))" "$RECORDS"
check "members without an account row"                           "$(inv members_without_account)" 0
check "balance <> sum(ledger_entry.amount)"                      "$(inv balance_ne_sum_amount)" 0
check "sum(expiry_lot.remaining) <> balance"                     "$(inv lots_ne_balance)" 0
check "inbound_file DONE rows / accepted"                        "$(inv files_done) / $(inv file_accepted)" "1 / $RECORDS"
check "re-sent file: ack status"                                 "$ACK2_STATUS" DUPLICATE
check "re-sent file: activities, entries, balance, files unchanged" "$([ "$AGAIN" = "$AFTER" ] && echo yes || echo "no: $AFTER -> $AGAIN")" yes

# --- 8. report ---------------------------------------------------------------------------------
fmt() { LC_ALL=C awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = ""; n = length(s)
  for (i = 1; i <= n; i++) { o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o "," } print o }'; }
RATIO="$(awk -v a="$INGEST_RPS" -v b="$COPY_RPS" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
{
  echo "OpenMiles ingest benchmark  $(date '+%Y-%m-%d %H:%M:%S')  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- modules integration-routes 2>/dev/null || echo ' (modified)')"
  echo "host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); PostgreSQL $("$PSQL" -V | awk '{print $3}') on :$PG_PORT; psql, PostgreSQL and Payara Micro share the cores"
  echo "file: $(fmt "$RECORDS") $PARTNER SPEND records ($(awk -v b="$FILE_BYTES" 'BEGIN { printf "%.1f MB", b / 1e6 }')), round robin over $(fmt "$MEMBERS") members; chunk ${CHUNK:-server default}; analyze=$ANALYZE"
  echo
  printf '  %-7s %-44s %10s rows/s      %7s s\n' "anchor" "psql \\copy of the D lines (table, 2 indexes)" "$(fmt "$COPY_RPS")" "$COPY_SECONDS"
  printf '  %-7s %-44s %10s records/s   %7s s   ratio %s (aim >= 0.4)\n' "ingest" "rename -> ack, end to end" \
    "$(fmt "$INGEST_RPS")" "$INGEST_SECONDS" "$RATIO"
  printf '  %-7s pick-up + checking pass %s s, crediting pass %s s (%s records/s), ack %s s\n' "" \
    "$CHECK_SECONDS" "$CREDIT_SECONDS" "$(fmt "$(awk -v n="$RECORDS" -v s="$CREDIT_SECONDS" 'BEGIN { print (s > 0 ? n / s : 0) }')")" "$ACK_SECONDS"
  if [ "${GC_PAUSES:-0}" -gt 0 ]; then
    GC_TEXT="heap after GC max ${GC_LIVE_MAX} MB (${GC_COMMITTED_MAX} MB committed), $GC_PAUSES GC pauses, ${GC_FULL:-0} full"
  else
    GC_TEXT="no GC during the ingest"
  fi
  printf '  %-7s Payara Micro RSS max %d MB (%d MB before the file, -Xmx1g); %s\n' \
    "memory" "$((RSS_MAX / 1024))" "$((RSS_BEFORE / 1024))" "$GC_TEXT"
  echo
  echo "  ack: status $ACK_STATUS, records $ACK_RECORDS, accepted $ACK_ACCEPTED, rejected $ACK_REJECTED, parked $ACK_PARKED, duplicates $ACK_DUPLICATES, miles_issued $(fmt "$ACK_MILES")"
  if [ -n "$REJECTS_SAMPLE" ]; then
    echo "  first rejects (line,code,reason,original_line):"; printf '%s\n' "$REJECTS_SAMPLE" | sed 's/^/    /'
  fi
  echo "  checks ($(inv members) members):"
  printf '%s' "$CHECK_LINES"
  echo "  invariants: $VERDICT"
} | tee "$REPORT"
echo "report: $REPORT (server log: $PAYARA_LOG, GC log: $GC_LOG; database $APP_DB kept for inspection)" >&2

[ "$VERDICT" = PASS ] || exit 1
