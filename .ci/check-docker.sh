#!/usr/bin/env bash
# Static checks of docker/Dockerfile and docker/compose.yaml. Docker engines are not available on
# the development machines, so these files are never built or run here; this script catches what
# can be caught without one:
#   - compose.yaml parses as YAML (PyYAML if python3 has it, else a structural check of the
#     block-style subset the file uses) and has the expected services, build, health and ports;
#   - the Dockerfile's FROM images match the project (JDK 17, <payara.version> from pom.xml), the
#     paths it copies exist in the repository or are what the build produces (modules/app finalName),
#     and the server command deploys exactly the files the image copies;
#   - no credentials are baked into the image;
#   - every environment variable compose sets for the app is one the application reads
#     (@ConfigProperty, ${MPCONFIG=...} and Config.getValue keys in modules/**/src/main/java, in
#     environment form: upper case, every other character an underscore), and the required ones
#     (data source keys without a default) are set;
#   - further instances (app2 ... app4) run the app's image with the same settings, publish no port,
#     sit behind the edge, and share the file folders with app on one named volume.
#
# Usage: .ci/check-docker.sh          (exit 0 when every check passes, 1 otherwise)
#        CHECK_DOCKER_NO_PYYAML=1 .ci/check-docker.sh   forces the structural YAML check
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCKERFILE="$ROOT/docker/Dockerfile"
COMPOSE="$ROOT/docker/compose.yaml"
APP_POM="$ROOT/modules/app/pom.xml"
# Variables the payara/micro image itself reads (its entrypoint), allowed in compose as well.
IMAGE_VARS="MEM_MAX_RAM_PERCENTAGE MEM_XSS JVM_ARGS"

failures=0
fail() { printf '\033[31mFAIL\033[0m %s\n' "$*" >&2; failures=$((failures + 1)); }
ok() { printf 'ok   %s\n' "$*"; }
note() { printf 'note %s\n' "$*"; }

for f in "$DOCKERFILE" "$COMPOSE" "$ROOT/pom.xml" "$APP_POM"; do
  [ -f "$f" ] || { fail "missing file ${f#"$ROOT"/}"; }
done
[ "$failures" = 0 ] || exit 1

xml_value() { # file tag: first <tag>value</tag>
  sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$1" | head -1
}

# --- Dockerfile -----------------------------------------------------------------------------------

# One instruction per line: continuation lines joined, comments and blank lines dropped.
mapfile -t INSTR < <(awk '
  { sub(/\r$/, "") }
  /^[[:space:]]*#/ { next }
  /^[[:space:]]*$/ { next }
  {
    if (match($0, /\\[[:space:]]*$/)) { acc = acc substr($0, 1, RSTART - 1) " "; next }
    print acc $0; acc = ""
  }
  END { if (acc != "") print acc }' "$DOCKERFILE")

keyword() { local w="${1%%[[:space:]]*}"; printf '%s' "${w^^}"; }
args_of() { local s="${1#*[[:space:]]}"; printf '%s' "${s#"${s%%[![:space:]]*}"}"; }

stage_names=()   # stage name (or index) per FROM
stage_images=()
declare -A stage_workdir=()
stage=-1
run_build=""
cmd_line=""
expose=""
healthcheck=""
declare -A copied_to=()  # destination -> "stage|from|source"
for line in "${INSTR[@]}"; do
  kw="$(keyword "$line")"
  args="$(args_of "$line")"
  case "$kw" in
    FROM)
      stage=$((stage + 1))
      read -r -a w <<<"$args"
      img="" name="$stage"
      for ((i = 0; i < ${#w[@]}; i++)); do
        case "${w[$i]}" in
          --*) ;;
          [Aa][Ss]) name="${w[$((i + 1))]:-$stage}"; break ;;
          *) [ -z "$img" ] && img="${w[$i]}" ;;
        esac
      done
      stage_images+=("$img")
      stage_names+=("$name")
      ;;
    WORKDIR) stage_workdir[$stage]="$args" ;;
    RUN) [ "$stage" = 0 ] && run_build+="$args"$'\n' ;;
    CMD) cmd_line="$args" ;;
    EXPOSE) expose+=" $args" ;;
    HEALTHCHECK) healthcheck="$args" ;;
    ENV | ARG)
      if grep -qiE '(PASSWORD|SECRET|TOKEN|CREDENTIAL)' <<<"$args"; then
        fail "Dockerfile: '$kw $args' bakes a credential into the image; pass it at run time instead"
      fi
      ;;
    COPY | ADD)
      read -r -a w <<<"$args"
      from=""
      paths=()
      for x in "${w[@]}"; do
        case "$x" in
          --from=*) from="${x#--from=}" ;;
          --*) ;;
          *) paths+=("$x") ;;
        esac
      done
      if [ "${args:0:1}" = "[" ]; then
        fail "Dockerfile: JSON-form $kw is not supported by this check: $args"
        continue
      fi
      if [ "${#paths[@]}" -lt 2 ]; then
        fail "Dockerfile: $kw needs a source and a destination: $args"
        continue
      fi
      dest="${paths[-1]}"
      for src in "${paths[@]:0:${#paths[@]}-1}"; do
        if [ -z "$from" ]; then
          # from the build context, which is the repository root (docker build -f docker/Dockerfile .)
          # shellcheck disable=SC2086
          if ! compgen -G "$ROOT/${src#./}" >/dev/null; then
            fail "Dockerfile: $kw source '$src' does not exist in the repository (build context is the repo root)"
          fi
        fi
        copied_to["$dest"]="$stage|$from|$src"
      done
      ;;
  esac
done

if [ "${#stage_images[@]}" -lt 2 ]; then
  fail "Dockerfile: expected a multi-stage build (build stage + runtime stage), found ${#stage_images[@]} FROM"
else
  ok "Dockerfile has ${#stage_images[@]} stages: ${stage_images[*]}"
fi

release="$(xml_value "$ROOT/pom.xml" maven.compiler.release)"
payara="$(xml_value "$ROOT/pom.xml" payara.version)"
build_image="${stage_images[0]:-}"
runtime_image="${stage_images[-1]:-}"
if [[ "$build_image" =~ ^maven:3\.9-eclipse-temurin-([0-9]+)$ ]]; then
  if [ "${BASH_REMATCH[1]}" = "$release" ]; then
    ok "build image $build_image matches maven.compiler.release $release"
  else
    fail "Dockerfile: build image $build_image has JDK ${BASH_REMATCH[1]}, pom.xml compiles for $release"
  fi
else
  fail "Dockerfile: build stage should be FROM maven:3.9-eclipse-temurin-$release, found '$build_image'"
fi
if [ "$runtime_image" = "payara/micro:$payara-jdk$release" ]; then
  ok "runtime image $runtime_image matches payara.version $payara"
else
  fail "Dockerfile: runtime stage should be FROM payara/micro:$payara-jdk$release (pom.xml payara.version), found '$runtime_image'"
fi

if grep -q 'mvn ' <<<"$run_build" && grep -q ' package' <<<"$run_build"; then
  ok "build stage runs mvn package"
else
  fail "Dockerfile: the build stage does not run 'mvn ... package'"
fi

# The WAR: modules/app must be a war named by <finalName>, and the runtime must copy it from the build.
packaging="$(xml_value "$APP_POM" packaging)"
final_name="$(xml_value "$APP_POM" finalName)"
[ "$packaging" = war ] || fail "modules/app/pom.xml: packaging is '$packaging', expected war"
[ -n "$final_name" ] || fail "modules/app/pom.xml: no <finalName>, so the WAR name depends on the version"
war_dest=""
build_workdir="${stage_workdir[0]:-/}"
for dest in "${!copied_to[@]}"; do
  IFS='|' read -r st from src <<<"${copied_to[$dest]}"
  if [[ "$src" == *.war ]]; then
    expected="${build_workdir%/}/modules/app/target/$final_name.war"
    if [ "$from" != "${stage_names[0]}" ] && [ "$from" != 0 ]; then
      fail "Dockerfile: the WAR is copied from '$from', not from the build stage '${stage_names[0]}'"
    elif [ "$src" != "$expected" ] && [ "$src" != "modules/app/target/$final_name.war" ]; then
      fail "Dockerfile: copies the WAR from $src, but the build produces $expected (finalName $final_name)"
    else
      ok "runtime copies $src (modules/app finalName $final_name) to $dest"
      war_dest="$dest"
    fi
  fi
done
[ -n "$war_dest" ] || fail "Dockerfile: no COPY of modules/app/target/$final_name.war into the runtime image"

log_dest=""
for dest in "${!copied_to[@]}"; do
  IFS='|' read -r st from src <<<"${copied_to[$dest]}"
  if [ "$src" = "config/logging.properties" ] && [ -z "$from" ]; then log_dest="$dest"; fi
done
if [ -n "$log_dest" ] && [ -f "$ROOT/config/logging.properties" ]; then
  ok "runtime copies config/logging.properties to $log_dest"
else
  fail "Dockerfile: config/logging.properties is not copied into the runtime image (or is missing in the repo)"
fi

# Exec-form arrays must be valid JSON: Docker silently runs anything else as a shell command.
check_json_array() { # what text
  local what="$1" text="$2"
  [ "${text:0:1}" = "[" ] || return 0
  if command -v python3 >/dev/null; then
    if python3 -c 'import json,sys; v=json.loads(sys.argv[1]); assert isinstance(v,list) and all(isinstance(x,str) for x in v)' "$text" 2>/dev/null; then
      ok "$what is a valid JSON exec form"
    else
      fail "Dockerfile: $what is not a valid JSON array of strings, Docker would run it through a shell: $text"
    fi
  else
    note "python3 not found: JSON form of $what not checked"
  fi
}

if [ -z "$cmd_line" ]; then
  fail "Dockerfile: no CMD: the runtime would start Payara Micro without the WAR"
else
  check_json_array CMD "$cmd_line"
  flat_cmd="$(tr -d '[],"' <<<"$cmd_line" | tr -s ' ')"
  arg_after() { sed -nE "s/.*(^| )$1 ([^ ]+).*/\2/Ip" <<<"$flat_cmd" | head -1; }
  deploy="$(arg_after --deploy)"
  logprops="$(arg_after --logProperties)"
  ctx="$(arg_after --contextroot)"
  port="$(arg_after --port)"
  [ -n "$war_dest" ] && { [ "$deploy" = "$war_dest" ] && ok "CMD deploys $deploy" \
    || fail "Dockerfile: CMD deploys '$deploy' but the WAR was copied to '$war_dest'"; }
  [ -n "$log_dest" ] && { [ "$logprops" = "$log_dest" ] && ok "CMD uses logging properties $logprops" \
    || fail "Dockerfile: CMD --logProperties is '$logprops' but logging.properties was copied to '$log_dest'"; }
  [ "$ctx" = "/" ] && ok "CMD deploys at context root /" || fail "Dockerfile: CMD should pass --contextroot / (found '$ctx')"
  if grep -qiE '(^| )--(nocluster|clustermode)( |$)' <<<"$flat_cmd"; then
    ok "CMD chooses clustering explicitly"
  else
    fail "Dockerfile: CMD should pass --nocluster (or an explicit --clustermode)"
  fi
fi
http_port="${port:-8080}"
if grep -qw "$http_port" <<<"$expose"; then ok "EXPOSE $http_port"; else fail "Dockerfile: EXPOSE $http_port missing"; fi
if [ -z "$healthcheck" ]; then
  fail "Dockerfile: no HEALTHCHECK"
else
  grep -q '/health/ready' <<<"$healthcheck" && ok "HEALTHCHECK probes /health/ready" \
    || fail "Dockerfile: HEALTHCHECK does not probe /health/ready"
  check_json_array "HEALTHCHECK CMD" "$(sed -nE 's/.*CMD[[:space:]]+(\[.*\])[[:space:]]*$/\1/p' <<<"$healthcheck")"
fi

# --- compose.yaml: flatten to "path<TAB>value" lines ---------------------------------------------

flatten_pyyaml() {
  python3 - "$COMPOSE" <<'EOF'
import sys, yaml
def scalar(v):
    if isinstance(v, bool): return "true" if v else "false"
    return "" if v is None else str(v)
def emit(path, v):
    if isinstance(v, dict):
        for k, x in v.items():
            emit(f"{path}.{k}" if path else str(k), x)
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, (dict, list)): emit(path + "[]", x)
            else: print(f"{path}[]\t{scalar(x)}")
    else:
        print(f"{path}\t{scalar(v)}")
try:
    with open(sys.argv[1]) as f:
        doc = yaml.safe_load(f)
except yaml.YAMLError as e:
    sys.exit(" ".join(str(e).split()))
if not isinstance(doc, dict):
    sys.exit("the document is not a mapping")
emit("", doc)
EOF
}

# The block-style YAML subset compose files use: mappings, sequences of scalars, flow sequences as
# raw text, block scalars skipped. Anything else is reported as not understood.
flatten_structural() {
  awk '
    function unq(s) {
      if (s ~ /^".*"$/ || s ~ /^\047.*\047$/) return substr(s, 2, length(s) - 2)
      return s
    }
    function value(s) {
      if (s !~ /^["\047\[{]/) sub(/[ \t]+#.*$/, "", s)
      sub(/[ \t]+$/, "", s)
      if ((s ~ /^\[/ && s !~ /\]$/) || (s ~ /^{/ && s !~ /}$/) || (s ~ /^"/ && s !~ /.+"$/) || (s ~ /^\047/ && s !~ /.+\047$/)) {
        printf "line %d: unclosed flow collection or quoted string: %s\n", NR, s > "/dev/stderr"; bad = 1
      }
      return unq(s)
    }
    function path(   p, i) { p = ""; for (i = 1; i <= depth; i++) p = p (p == "" ? "" : ".") key[i]; return p }
    BEGIN { depth = 0; block = -1; bad = 0 }
    { sub(/\r$/, "") }
    block >= 0 {
      match($0, /^ */)
      if ($0 ~ /^[ \t]*$/ || RLENGTH > block) next
      block = -1
    }
    /^[ \t]*(#.*)?$/ { next }
    /^(---|\.\.\.)/ { next }
    /^ *\t/ { printf "line %d: tab in indentation\n", NR > "/dev/stderr"; bad = 1; next }
    {
      match($0, /^ */); ind = RLENGTH; rest = substr($0, ind + 1)
      if (rest ~ /^- / || rest == "-") {
        while (depth > 0 && ind < indent[depth]) depth--
        item = substr(rest, 3)
        if (item ~ /^[A-Za-z0-9_.\/-]+:( |$)/) {
          k = item; sub(/:.*/, "", k); v = item; sub(/^[^:]*:[ ]*/, "", v)
          print path() "[]." k "\t" value(v)
        } else {
          print path() "[]\t" value(item)
        }
        next
      }
      if (rest ~ /^[A-Za-z0-9_.\/-]+:( |$)/) {
        while (depth > 0 && ind <= indent[depth]) depth--
        if (depth > 0 && (depth in child) && child[depth] != ind) {
          printf "line %d: indentation %d does not match its siblings (%d)\n", NR, ind, child[depth] > "/dev/stderr"; bad = 1
        }
        if (depth > 0 && !(depth in child)) child[depth] = ind
        if (depth == 0 && ind != 0) { printf "line %d: top-level key is indented\n", NR > "/dev/stderr"; bad = 1 }
        k = rest; sub(/:.*/, "", k); v = rest; sub(/^[^:]*:[ ]*/, "", v)
        if (v ~ /^[ \t]*(#.*)?$/) {
          depth++; key[depth] = k; indent[depth] = ind; delete child[depth]
        } else if (v ~ /^[|>][-+]?[ \t]*$/) {
          print path() (depth ? "." : "") k "\t(block scalar)"; block = ind
        } else {
          print path() (depth ? "." : "") k "\t" value(v)
        }
        next
      }
      printf "line %d: not understood: %s\n", NR, $0 > "/dev/stderr"; bad = 1
    }
    END { exit bad }' "$COMPOSE"
}

yaml_ok=1
if [ -z "${CHECK_DOCKER_NO_PYYAML:-}" ] && command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null; then
  if FLAT="$(flatten_pyyaml 2>&1)"; then
    ok "docker/compose.yaml parses as YAML (PyYAML)"
  else
    fail "docker/compose.yaml is not valid YAML: $FLAT"
    yaml_ok=0
  fi
else
  note "PyYAML not available: structural YAML check only (block mappings and sequences)"
  if FLAT="$(flatten_structural)"; then
    ok "docker/compose.yaml passes the structural YAML check"
  else
    fail "docker/compose.yaml failed the structural YAML check (see the lines above)"
    yaml_ok=0
  fi
fi
if [ "$yaml_ok" = 0 ]; then
  printf '\n\033[31mcheck-docker: %d check(s) failed; compose checks skipped until the YAML parses\033[0m\n' "$failures" >&2
  exit 1
fi

get() { awk -F '\t' -v p="$1" '$1 == p { print $2; exit }' <<<"$FLAT"; }
get_all() { awk -F '\t' -v p="$1" 'index($1, p) == 1 { print }' <<<"$FLAT"; }

for s in db app edge; do
  if grep -qE "^services\.$s(\.|\[)" <<<"$FLAT"; then ok "compose service '$s' present"; else fail "compose: no service '$s'"; fi
done

db_image="$(get services.db.image)"
[[ "$db_image" =~ ^postgres:15($|[.-]) ]] && ok "db image $db_image" || fail "compose: db image should be postgres:15, found '$db_image'"
get_all services.db.healthcheck.test | grep -q pg_isready && ok "db healthcheck uses pg_isready" \
  || fail "compose: db healthcheck should run pg_isready"
get_all 'services.db.volumes[]' | grep -qE $'\t''[A-Za-z0-9_-]+:/var/lib/postgresql/data$' \
  && ok "db data on a named volume" || fail "compose: db should keep /var/lib/postgresql/data on a named volume"

ctx="$(get services.app.build.context)"
dfile="$(get services.app.build.dockerfile)"
ctx_abs="$(cd "$ROOT/docker" && cd "${ctx:-.}" 2>/dev/null && pwd || true)"
if [ "$ctx_abs" = "$ROOT" ]; then ok "app build context is the repository root ($ctx)"; else
  fail "compose: app build context '$ctx' should be the repository root ('..' from docker/), because the WAR build reads db/"
fi
if [ -n "$ctx_abs" ] && [ "$ctx_abs/$dfile" -ef "$DOCKERFILE" ]; then ok "app dockerfile $dfile"; else
  fail "compose: app dockerfile '$dfile' (relative to the context) is not docker/Dockerfile"
fi
[ "$(get services.app.depends_on.db.condition)" = service_healthy ] && ok "app waits for a healthy db" \
  || fail "compose: app should depend on db with condition: service_healthy"
# only the edge is reached from outside (ADR 0029)
[ -z "$(get_all 'services.app.ports[]')" ] && ok "app publishes no port (reached through the edge)" \
  || fail "compose: app should publish no port; clients reach it through the edge"
edge_image="$(get services.edge.image)"
[[ "$edge_image" =~ ^haproxy:2\.6($|[.-]) ]] && ok "edge image $edge_image (Debian 12's HAProxy branch)" \
  || fail "compose: edge image should be haproxy:2.6 (the branch Debian 12 ships), found '$edge_image'"
get_all 'services.edge.ports[]' | grep -qE $'\t'"(\\S+:)?8080:8080(/tcp)?$" && ok "edge publishes 8080:8080" \
  || fail "compose: edge should publish 8080:8080"
get_all 'services.edge.volumes[]' | grep -qE $'\t''\.\./config/edge:/usr/local/etc/haproxy(:ro)?$' \
  && ok "edge reads config/edge" || fail "compose: edge should mount ../config/edge at /usr/local/etc/haproxy"
[ "$(get services.edge.environment.OPENMILES_EDGE_APP1)" = "app:$http_port" ] && ok "edge forwards to app:$http_port" \
  || fail "compose: edge's OPENMILES_EDGE_APP1 should be app:$http_port"
# further instances app2 ... app4: the app's image, no port, behind the edge as APP2 ... (ADR 0032)
mapfile -t more_apps < <(grep -oE '^services\.app[2-4](\.|\[)' <<<"$FLAT" | sed -E 's/^services\.//; s/[.[]$//' | sort -u)
for a in "${more_apps[@]}"; do
  n="${a#app}"
  [ "$(get "services.$a.image")" = "$(get services.app.image)" ] && ok "$a runs the app's image" \
    || fail "compose: $a should run the app's image ($(get services.app.image))"
  [ -z "$(get_all "services.$a.ports[]")" ] && ok "$a publishes no port" || fail "compose: $a should publish no port"
  [ "$(get "services.edge.environment.OPENMILES_EDGE_APP$n")" = "$a:$http_port" ] && ok "edge forwards to $a:$http_port" \
    || fail "compose: edge's OPENMILES_EDGE_APP$n should be $a:$http_port"
done
# every instance mounts the same file folders where OPENMILES_FILES_ROOT points
files_root="$(get services.app.environment.OPENMILES_FILES_ROOT)"
if [ "${#more_apps[@]}" -gt 0 ]; then
  [ -n "$files_root" ] || fail "compose: with several instances, app needs OPENMILES_FILES_ROOT on a shared volume"
  for a in app "${more_apps[@]}"; do
    [ "$(get "services.$a.environment.OPENMILES_FILES_ROOT")" = "$files_root" ] \
      && get_all "services.$a.volumes[]" | grep -qE $'\t''[A-Za-z0-9_-]+:'"$files_root"'$' \
      && ok "$a mounts the shared file folders at $files_root" \
      || fail "compose: $a should set OPENMILES_FILES_ROOT=$files_root and mount a named volume there"
  done
fi
# the settings the edge always reads: those outside its optional .if defined(...) blocks
for var in $(awk '/^\.if /{d++; next} /^\.endif/{d--; next} d == 0' "$ROOT/config/edge/haproxy.cfg" \
               | grep -oE '\$\{OPENMILES_EDGE_[A-Z0-9_]+\}' | sort -u | tr -d '${}'); do
  [ -n "$(get "services.edge.environment.$var")" ] && ok "edge sets $var" || fail "compose: the edge needs $var (config/edge/haproxy.cfg)"
done

# --- environment variables: compose vs what the application reads ---------------------------------

mapfile -t JAVA < <(find "$ROOT/modules" "$ROOT/integration-routes" -path '*/src/main/java/*' -name '*.java' 2>/dev/null)
keys_read="$(
  if [ "${#JAVA[@]}" -gt 0 ]; then
    cat "${JAVA[@]}" | tr '\n' ' ' | grep -oE '@ConfigProperty\([^)]*name *= *"[^"]+"' | sed -E 's/.*name *= *"([^"]+)".*/\1/'
    cat "${JAVA[@]}" | grep -ohE 'MPCONFIG=[^}"]+' | sed 's/^MPCONFIG=//'
    cat "${JAVA[@]}" | grep -ohE '(getValue|getOptionalValue|getConfigValue)\( *"[^"]+"' | sed -E 's/.*"([^"]+)"/\1/'
  fi | sort -u
)"
mpconfig_keys="$(cat "${JAVA[@]}" /dev/null | grep -ohE 'MPCONFIG=[^}"]+' | sed 's/^MPCONFIG=//' | sort -u)"
defaults="$(find "$ROOT/modules" -path '*/src/main/resources/META-INF/microprofile-config.properties' -exec \
  sed -nE 's/^[[:space:]]*([^#!=:[:space:]]+)[[:space:]]*[=:].*/\1/p' {} + | sort -u)"
env_form() { tr '[:lower:]' '[:upper:]' | sed 's/[^A-Z0-9]/_/g'; }

declare -A readable=()
while read -r k; do [ -n "$k" ] && readable["$(env_form <<<"$k")"]="$k"; done <<<"$keys_read"
for v in $IMAGE_VARS; do readable["$v"]="(payara/micro image)"; done

# A service's environment, in either compose form (mapping, or list of KEY=VALUE).
env_of() { # service assoc-array-name
  local -n out="$2"
  local p v
  while IFS=$'\t' read -r p v; do
    case "$p" in
      "services.$1.environment."*) out["${p#"services.$1.environment."}"]="$v" ;;
      "services.$1.environment[]") out["${v%%=*}"]="${v#*=}" ;;
    esac
  done <<<"$FLAT"
}
declare -A app_env=() db_env=()
env_of app app_env
env_of db db_env
# the further instances read the same settings as the first (only the demo seeding and the name
# their connections carry in PostgreSQL, the URL's ApplicationName, may differ)
same_url() { sed 's/[?&]ApplicationName=[^&]*//' <<<"$1"; }
for a in "${more_apps[@]}"; do
  declare -A other_env=()
  env_of "$a" other_env
  for var in $(printf '%s\n' "${!app_env[@]}" "${!other_env[@]}" | sort -u); do
    [ "$var" = OPENMILES_DEMO_MEMBERS ] && continue
    if [ "$var" = OPENMILES_DB_URL ]; then
      [ "$(same_url "${app_env[$var]:-}")" = "$(same_url "${other_env[$var]:-}")" ] \
        || fail "compose: $a's OPENMILES_DB_URL points elsewhere than app's: '${other_env[$var]:-}'"
      continue
    fi
    [ "${app_env[$var]:-}" = "${other_env[$var]:-}" ] || fail "compose: $a sets $var to '${other_env[$var]:-}', app to '${app_env[$var]:-}'"
  done
  unset other_env
done
[ "${#more_apps[@]}" -gt 0 ] && ok "app2 ... set what app sets"

if [ "${#app_env[@]}" = 0 ]; then
  fail "compose: the app service sets no environment (the data source needs OPENMILES_DB_URL, _USER, _PASSWORD)"
fi
for var in $(printf '%s\n' "${!app_env[@]}" | sort); do
  if [ -n "${readable[$var]:-}" ]; then
    ok "compose sets $var, read as ${readable[$var]}"
  else
    prop="$(tr '[:upper:]_' '[:lower:].' <<<"$var")"
    fail "compose sets $var for the app, but no code reads it (no @ConfigProperty/MPCONFIG/getValue for '$prop' in modules/**/src/main/java; keys read: $(tr '\n' ' ' <<<"$keys_read"))"
  fi
done
while read -r k; do
  [ -z "$k" ] && continue
  grep -qxF "$k" <<<"$defaults" && continue
  var="$(env_form <<<"$k")"
  [ -n "${app_env[$var]:-}" ] && ok "required $var is set" || fail "compose: the app needs $var ($k has no default) but compose does not set it"
done <<<"$mpconfig_keys"

# The data source must point at the db service with the credentials the db service was created with.
url="${app_env[OPENMILES_DB_URL]:-}"
if [[ "$url" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
  host="${BASH_REMATCH[1]}" dbname="${BASH_REMATCH[4]}"
  [ "$host" = db ] && ok "OPENMILES_DB_URL points at the db service" || fail "compose: OPENMILES_DB_URL host is '$host', expected the db service"
  [ "$dbname" = "${db_env[POSTGRES_DB]:-}" ] && ok "database name $dbname matches POSTGRES_DB" \
    || fail "compose: OPENMILES_DB_URL database '$dbname' differs from POSTGRES_DB"
elif [ -n "$url" ]; then
  fail "compose: OPENMILES_DB_URL '$url' is not a jdbc:postgresql:// URL"
fi
[ "${app_env[OPENMILES_DB_USER]:-}" = "${db_env[POSTGRES_USER]:-}" ] \
  && ok "OPENMILES_DB_USER matches POSTGRES_USER" || fail "compose: OPENMILES_DB_USER differs from the db's POSTGRES_USER"
[ "${app_env[OPENMILES_DB_PASSWORD]:-}" = "${db_env[POSTGRES_PASSWORD]:-}" ] \
  && ok "OPENMILES_DB_PASSWORD matches POSTGRES_PASSWORD" || fail "compose: OPENMILES_DB_PASSWORD differs from the db's POSTGRES_PASSWORD"

echo
if [ "$failures" -gt 0 ]; then
  printf '\033[31mcheck-docker: %d check(s) failed\033[0m\n' "$failures" >&2
  exit 1
fi
echo "check-docker: all checks passed (static only: no image was built)"
