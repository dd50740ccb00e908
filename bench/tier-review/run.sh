#!/usr/bin/env bash
# Tier review benchmark: the period-end review (POST /api/v1/tiers/reviews, one set-based statement
# in the server) over TIER_MEMBERS members (default 1,000,000) whose counters and statuses are made
# directly in SQL (generate_series, not through the API), next to a plain UPDATE of as many rows on
# the same database in the same run; prints both and the ratio (aim <= 2). Then checks the outcome
# with SQL: every member moved at most one tier and exactly as the rule says, lifetime tiers
# unchanged, a second start answers ALREADY_RUN, and the review statement run again changes nothing.
#
# Normally run through `./openmiles bench tier-review`, which builds the WAR, starts PostgreSQL and
# sets OPENMILES_PG_BINDIR, PAYARA_JAR and OPENMILES_PG_PORT. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_PORT="${OPENMILES_PG_PORT:-55432}"
PG_HOST=127.0.0.1
HTTP_PORT="${BENCH_HTTP_PORT:-18095}"
MEMBERS="${TIER_MEMBERS:-1000000}"
APP_DB=openmiles_tiers
WAR="$ROOT/modules/app/target/openmiles.war"

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

if [ -z "${OPENMILES_PG_BINDIR:-}" ]; then
  OPENMILES_PG_BINDIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)"
fi
if [ -z "${PAYARA_JAR:-}" ]; then
  v="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")"
  PAYARA_JAR="$HOME/.m2/repository/fish/payara/extras/payara-micro/$v/payara-micro-$v.jar"
fi
PSQL="$OPENMILES_PG_BINDIR/psql"
[ -x "$PSQL" ] || die "$PSQL not found (set OPENMILES_PG_BINDIR)"
[ -f "$PAYARA_JAR" ] || die "Payara Micro jar not found at $PAYARA_JAR (set PAYARA_JAR)"
[ -f "$WAR" ] || die "$WAR not found: build first (./openmiles bench tier-review does)"
[ "$MEMBERS" -ge 1000 ] 2>/dev/null || die "TIER_MEMBERS must be >= 1000"
"$OPENMILES_PG_BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null \
  || die "PostgreSQL is not accepting connections on $PG_HOST:$PG_PORT (./openmiles db start)"

psql_db() { # psql on the bench database as postgres; extra args follow
  PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres \
    -d "$APP_DB" -v ON_ERROR_STOP=1 -q "$@"
}
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
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
fmt() { LC_ALL=C awk -v x="$1" 'BEGIN { s = sprintf("%.0f", x); o = ""; n = length(s)
  for (i = 1; i <= n; i++) { o = o substr(s, i, 1); if ((n - i) % 3 == 0 && i < n) o = o "," } print o }'; }

STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS_DIR="$ROOT/bench/results"
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/tier-review-$STAMP.txt"
PAYARA_LOG="$RESULTS_DIR/tier-review-$STAMP-payara.log"

PAYARA_PID=""
# a throw-away key pair for the run and an operations token (every /api call needs one, docs/security.md)
JWT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/openmiles-tier-review-jwt.XXXXXX")"
ISSUER="${MP_JWT_VERIFY_ISSUER:-https://openmiles.dev/booking-engines}"
java "$ROOT/config/OpenMilesJwt.java" keygen "$JWT_DIR" >/dev/null 2>&1 || die "could not create a JWT key pair"
TOKEN="$(java "$ROOT/config/OpenMilesJwt.java" token bench-ops --key "$JWT_DIR/private.pem" --issuer "$ISSUER" \
  --groups operations --ttl 86400)" || die "could not mint the bench's operations token"
AUTH="Authorization: Bearer $TOKEN"
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  rm -rf "$JWT_DIR"
  if [ -n "$PAYARA_PID" ] && kill -0 "$PAYARA_PID" 2>/dev/null; then
    say "stopping Payara Micro (pid $PAYARA_PID)"
    kill "$PAYARA_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PAYARA_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/" 2>/dev/null; then
  die "port $HTTP_PORT is in use; choose another with BENCH_HTTP_PORT"
fi

# --- 1. database and server (Flyway creates the schema) -------------------------------------------
say "creating fresh database $APP_DB (owner openmiles)"
PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'openmiles') then create role openmiles login password 'openmiles'; end if; end \$\$" \
  -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'openmiles_audit') then create role openmiles_audit nologin; end if; end \$\$" \
  -c "grant openmiles_audit to openmiles with admin option" \
  -c "drop database if exists $APP_DB with (force)" -c "create database $APP_DB owner openmiles"

say "starting Payara Micro on port $HTTP_PORT against $APP_DB (log: $PAYARA_LOG)"
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$JWT_DIR/public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
OPENMILES_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$APP_DB" \
OPENMILES_DB_USER=openmiles OPENMILES_DB_PASSWORD=openmiles OPENMILES_JOBS_ENABLED=false \
OPENMILES_FILES_ENABLED=false \
  java -Xmx768m -Dmp.health.default.readiness.empty.response=DOWN -jar "$PAYARA_JAR" \
       --nocluster --port "$HTTP_PORT" --contextroot / \
       --logProperties "$ROOT/config/logging.properties" --prebootcommandfile "$ROOT/config/pre-boot.asadmin" \
       --deploy "$WAR" >"$PAYARA_LOG" 2>&1 &
PAYARA_PID=$!
ready=""
for _ in $(seq 1 240); do
  kill -0 "$PAYARA_PID" 2>/dev/null || { tail -40 "$PAYARA_LOG" >&2; die "Payara Micro stopped during start"; }
  # ready (migrations done) and the tiers API answering: 404 NO_TIER_REVIEW on a fresh database
  if curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 \
     && curl -s -H "$AUTH" "http://127.0.0.1:$HTTP_PORT/api/v1/tiers/reviews/last" 2>/dev/null | grep -q 'NO_TIER_REVIEW\|periodEnd'; then
    ready=1; break
  fi
  sleep 1
done
[ -n "$ready" ] || die "OpenMiles did not answer in 240 s; see $PAYARA_LOG"

# the period to review: the last one that ended before today in the airline's time zone (the seeded
# program counts rolling 12 months, so the end of last month)
PERIOD_END="$(val "select (date_trunc('month', (now() at time zone 'Asia/Ho_Chi_Minh')::date) - interval '1 day')::date")"

# --- 2. members and counters in SQL ---------------------------------------------------------------
say "generating $(fmt "$MEMBERS") members with statuses ending $PERIOD_END and 12 months of counters"
T0="$(now)"
psql_db -v members="$MEMBERS" -v period_end="'$PERIOD_END'" <<'SQL'
select setseed(0.42);
-- statuses: 3 % Million Miler (lifetime), 17 % Platinum, 30 % Gold, 50 % Titanium; every periodic
-- status ends at the period end, so all of them are reviewed
insert into tiers.member_tier (member_number, tier_code, since, valid_until)
select lpad(i::text, 10, '0'),
       case when i % 100 < 3 then 'MILLION_MILER' when i % 100 < 20 then 'PLATINUM'
            when i % 100 < 50 then 'GOLD' else 'TITANIUM' end,
       :period_end::date - 400,
       case when i % 100 < 3 then null else :period_end::date end
from generate_series(1, :members) i;
-- activity in 1..8 of the period's 12 months; per member a period total around its tier's
-- thresholds (0.4x to 1.6x, so about 60 % keep and 40 % land one tier lower), by miles or flights
create temporary table plan as
select member_number,
       1 + floor(random() * 8)::int months,
       case tier_code when 'PLATINUM' then 50000 when 'GOLD' then 30000 when 'TITANIUM' then 15000
                      else 40000 end * (0.4 + random() * 1.2) qm,
       case tier_code when 'PLATINUM' then 45 when 'GOLD' then 27 when 'TITANIUM' then 18
                      else 30 end * (0.3 + random() * 1.2) qf
from tiers.member_tier;
insert into tiers.qualifying_month (member_number, month, qualifying_miles, qualifying_flights)
select p.member_number, (date_trunc('month', :period_end::date) - g * interval '1 month')::date,
       round(p.qm / p.months), round((p.qf / p.months)::numeric, 2)
from plan p, generate_series(0, 11) g
where g < p.months;
-- some older activity too (outside the period): must not count
insert into tiers.qualifying_month (member_number, month, qualifying_miles, qualifying_flights)
select member_number, (date_trunc('month', :period_end::date) - interval '14 months')::date, 90000, 90
from plan where random() < 0.2;
insert into tiers.qualifying_lifetime (member_number, qualifying_miles, qualifying_flights)
select member_number, sum(qualifying_miles) + 100000, sum(qualifying_flights) + 50
from tiers.qualifying_month group by member_number;
-- what the review should do, worked out here independently of the server's SQL
create table public.bench_expected as
select t.member_number, t.tier_code from_tier,
       case when t.tier_code = 'MILLION_MILER' then 'MILLION_MILER'
            when coalesce(w.qm, 0) >= 50000 or coalesce(w.qf, 0) >= 45 then 'PLATINUM'
            when t.tier_code = 'PLATINUM' then 'GOLD'
            when coalesce(w.qm, 0) >= 30000 or coalesce(w.qf, 0) >= 27 then 'GOLD'
            when t.tier_code = 'GOLD' then 'TITANIUM'
            when coalesce(w.qm, 0) >= 15000 or coalesce(w.qf, 0) >= 18 then 'TITANIUM'
            else 'MEMBER' end to_tier
from tiers.member_tier t
left join (select member_number, sum(qualifying_miles) qm, sum(qualifying_flights) qf
           from tiers.qualifying_month
           where month between (date_trunc('month', :period_end::date) - interval '11 months')::date
                           and date_trunc('month', :period_end::date)::date
           group by member_number) w on w.member_number = t.member_number;
-- the anchor: a plain table of the same shape and size, updated whole with one UPDATE
create table public.bench_anchor (member_number varchar(10) primary key, tier_code varchar(13) not null,
                                  since date not null, valid_until date);
insert into public.bench_anchor select member_number, tier_code, since, valid_until from tiers.member_tier;
-- what autovacuum does to freshly loaded tables a minute later (here it may or may not have started,
-- depending on the machine's load): statistics, hint bits and the visibility map, which lets the
-- review read the counters from the index alone (ADR 0015). The anchor's table gets the same.
vacuum (analyze);
checkpoint;
SQL
T1="$(now)"
MONTH_ROWS="$(val "select count(*) from tiers.qualifying_month")"
say "generated in $(elapsed "$T0" "$T1") s ($(fmt "$MONTH_ROWS") monthly counter rows)"

# --- 3. anchor: plain UPDATE of every row ---------------------------------------------------------
# CPU time of PostgreSQL (and of Payara Micro for the review) is sampled around both, so the two can
# also be compared when other work shares the machine and stretches the wall-clock figures
PM_PID="$(val "select split_part(pg_read_file('/proc/self/stat'), ' ', 4)")"
say "anchor: UPDATE of $(fmt "$MEMBERS") rows"
A0="$(now)"; AC0="$(pg_cpu)"
psql_db -c "update public.bench_anchor set valid_until = coalesce(valid_until, since) + 365, tier_code = tier_code"
A1="$(now)"; AC1="$(pg_cpu)"
ANCHOR_S="$(elapsed "$A0" "$A1")"
psql_db -c "checkpoint"

# --- 4. the review ---------------------------------------------------------------------------------
say "review of the period ending $PERIOD_END (POST /api/v1/tiers/reviews)"
R0="$(now)"; RC0="$(pg_cpu)"; RJ0="$(cpu_of "$PAYARA_PID")"
SUMMARY="$(curl -s -X POST -H "$AUTH" -H 'Content-Type: application/json' -d "{\"periodEnd\":\"$PERIOD_END\"}" \
  -w '\n%{http_code}' "http://127.0.0.1:$HTTP_PORT/api/v1/tiers/reviews")"
R1="$(now)"; RC1="$(pg_cpu)"; RJ1="$(cpu_of "$PAYARA_PID")"
REVIEW_S="$(elapsed "$R0" "$R1")"
CODE="$(printf '%s' "$SUMMARY" | tail -1)"
SUMMARY="$(printf '%s' "$SUMMARY" | sed '$d')"
[ "$CODE" = 200 ] || die "review answered $CODE: $SUMMARY"

# --- 5. checks -------------------------------------------------------------------------------------
VERDICT=PASS
CHECKS=""
check() { # name, value, expected
  local mark=ok
  if [ "$2" != "$3" ]; then mark=FAIL; VERDICT=FAIL; fi
  CHECKS+="$(printf '    %-70s %-5s %s' "$1" "$mark" "$2")"$'\n'
}
STATE_SQL="select md5(string_agg(member_number || tier_code || coalesce(valid_until::text, '-'), ',' order by member_number)) from tiers.member_tier"
RANKS="case %s when 'MEMBER' then 0 when 'TITANIUM' then 1 when 'GOLD' then 2 when 'PLATINUM' then 3 when 'MILLION_MILER' then 4 end"
check "outcome of the first start" "$(printf '%s' "$SUMMARY" | sed -n 's/.*"outcome":"\([A-Z_]*\)".*/\1/p')" RAN
check "members reviewed (all periodic statuses)" \
  "$(printf '%s' "$SUMMARY" | sed -n 's/.*"reviewed":\([0-9]*\).*/\1/p')" "$(val "select count(*) from bench_expected where from_tier <> 'MILLION_MILER'")"
check "members moved more than one tier down" \
  "$(val "select count(*) from tiers.member_tier t join bench_expected e using (member_number) where $(printf "$RANKS" t.tier_code) < $(printf "$RANKS" e.from_tier) - 1")" 0
check "members whose tier differs from the rule worked out in SQL" \
  "$(val "select count(*) from tiers.member_tier t join bench_expected e using (member_number) where t.tier_code <> e.to_tier")" 0
check "Million Milers changed (tier or end date)" \
  "$(val "select count(*) from tiers.member_tier t join bench_expected e using (member_number) where e.from_tier = 'MILLION_MILER' and (t.tier_code <> 'MILLION_MILER' or t.valid_until is not null)")" 0
check "reviewed statuses still ending by the period end" \
  "$(val "select count(*) from tiers.member_tier where valid_until <= '$PERIOD_END'")" 0
check "REVIEW history rows = members moved" \
  "$(val "select count(*) from tiers.tier_history where source = 'REVIEW'")" "$(val "select count(*) from bench_expected where from_tier <> to_tier")"
BEFORE="$(val "$STATE_SQL")"
SECOND="$(curl -s -X POST -H "$AUTH" -H 'Content-Type: application/json' -d "{\"periodEnd\":\"$PERIOD_END\"}" "http://127.0.0.1:$HTTP_PORT/api/v1/tiers/reviews")"
check "second start answers" "$(printf '%s' "$SECOND" | sed -n 's/.*"outcome":"\([A-Z_]*\)".*/\1/p')" ALREADY_RUN
psql_db -c "delete from tiers.tier_review_move where period_end = '$PERIOD_END'" \
        -c "delete from tiers.tier_review_run where period_end = '$PERIOD_END'"
I0="$(now)"
THIRD="$(curl -s -X POST -H "$AUTH" -H 'Content-Type: application/json' -d "{\"periodEnd\":\"$PERIOD_END\"}" "http://127.0.0.1:$HTTP_PORT/api/v1/tiers/reviews")"
I1="$(now)"
check "review statement again (run row deleted): members reviewed" "$(printf '%s' "$THIRD" | sed -n 's/.*"reviewed":\([0-9]*\).*/\1/p')" 0
check "member_tier unchanged by the second and third start" "$(val "$STATE_SQL")" "$BEFORE"

MOVES="$(val "select from_tier || ' -> ' || to_tier || ': ' || count(*) from bench_expected group by from_tier, to_tier order by 1" | sed 's/^/    /')"
RATIO="$(awk -v a="$REVIEW_S" -v b="$ANCHOR_S" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
ANCHOR_CPU="$(elapsed "$AC0" "$AC1")"
REVIEW_PG_CPU="$(elapsed "$RC0" "$RC1")"
REVIEW_JAVA_CPU="$(elapsed "$RJ0" "$RJ1")"
CPU_RATIO="$(awk -v a="$REVIEW_PG_CPU" -v j="$REVIEW_JAVA_CPU" -v b="$ANCHOR_CPU" 'BEGIN { if (b > 0) printf "%.2f", (a + j) / b; else print "n/a" }')"
{
  echo "OpenMiles tier review benchmark  $(date '+%Y-%m-%d %H:%M:%S')  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "host: $(nproc) cores; PostgreSQL $("$PSQL" -V | awk '{print $3}') on :$PG_PORT; Payara Micro on the same cores"
  echo "members: $(fmt "$MEMBERS") (made in SQL in $(elapsed "$T0" "$T1") s), $(fmt "$MONTH_ROWS") monthly counter rows; period ending $PERIOD_END (rolling 12 months)"
  echo
  printf '  %-8s %-52s %8s s\n' anchor "UPDATE of $(fmt "$MEMBERS") rows (plain table, primary key)" "$ANCHOR_S"
  printf '  %-8s %-52s %8s s   ratio %s (aim <= 2)\n' review "POST /api/v1/tiers/reviews, end to end" "$REVIEW_S" "$RATIO"
  printf '  %-8s anchor %s s (PostgreSQL); review %s s (PostgreSQL) + %s s (Payara Micro)   ratio %s\n' \
    "CPU" "$ANCHOR_CPU" "$REVIEW_PG_CPU" "$REVIEW_JAVA_CPU" "$CPU_RATIO"
  printf '  %-8s %-52s %8s s\n' again "the review statement with nothing left to review" "$(elapsed "$I0" "$I1")"
  echo "  moves (from -> to: members):"
  echo "$MOVES"
  echo "  checks:"
  printf '%s' "$CHECKS"
  echo "  outcome: $VERDICT"
} | tee "$REPORT"
echo "report: $REPORT (server log: $PAYARA_LOG; database $APP_DB kept for inspection)" >&2
[ "$VERDICT" = PASS ] || exit 1
