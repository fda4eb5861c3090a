#!/usr/bin/env bash
# Lantern's local Keycloak (dev mode, realm "lantern" imported from lantern-realm.json).
#
#   keycloak.sh fetch   make sure Keycloak is unpacked (and pre-built for dev mode) in the cache
#   keycloak.sh start   fetch, then run Keycloak in the foreground (exec: SIGTERM stops it)
#   keycloak.sh wait    wait until Keycloak and the lantern realm answer
#
# Environment (all optional):
#   KC_PORT                       HTTP port                                    (8180)
#   KC_MGMT_PORT                  management port, serves /health/ready        (KC_PORT+1000)
#   KC_DATA_DIR                   this instance's state: H2 database, import dir, tx logs
#                                 (${LANTERN_DATA:-$HOME/.local/share/lantern}/keycloak)
#   KC_HOSTNAME                   public base URL, fixes the issuer            (http://localhost:$KC_PORT)
#   KC_HTTP_HOST                  bind address                                 (127.0.0.1)
#   KC_BOOTSTRAP_ADMIN_USERNAME   master-realm admin, created on first start   (admin)
#   KC_BOOTSTRAP_ADMIN_PASSWORD                                                (admin)
#   KC_WAIT_TIMEOUT               seconds `wait` waits                         (180)
#   KC_WAIT_PID                   `wait` fails at once if this process ends
#   KC_PARENT_PID                 `start`: stop Keycloak when this process ends (used by tests, so
#                                 a killed test JVM does not leave Keycloak behind)
#   LANTERN_CACHE                 download/unpack cache                        ($HOME/.cache/lantern)
#   JAVA_HOME                     used if it is a JDK 21+; otherwise one is searched for
#
# The realm is imported on the first start of a data dir only; later starts keep the stored
# realm (and whatever was changed in it). To re-import after editing lantern-realm.json, stop
# Keycloak and delete $KC_DATA_DIR.
#
# Two instances may run at once (e.g. the dev instance and a test instance) as long as they
# use different ports and data dirs; the unpacked distribution in the cache is shared read-only.
set -euo pipefail

KC_VERSION=26.7.3
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
REALM_FILE="$SCRIPT_DIR/lantern-realm.json"
CACHE_DIR="${LANTERN_CACHE:-$HOME/.cache/lantern}"
KC_HOME="$CACHE_DIR/keycloak-$KC_VERSION"
READY_MARKER="$KC_HOME/.lantern-ready"

KC_PORT="${KC_PORT:-8180}"
KC_MGMT_PORT="${KC_MGMT_PORT:-$((KC_PORT + 1000))}"
KC_DATA_DIR="${KC_DATA_DIR:-${LANTERN_DATA:-$HOME/.local/share/lantern}/keycloak}"
KC_HOSTNAME="${KC_HOSTNAME:-http://localhost:$KC_PORT}"
KC_HTTP_HOST="${KC_HTTP_HOST:-127.0.0.1}"
KC_WAIT_TIMEOUT="${KC_WAIT_TIMEOUT:-180}"

# Build-time options: start-dev re-builds ("augments") the server whenever these differ from the
# last build, writing into the shared distribution. fetch pre-builds with exactly these, so
# concurrent starts never have to.
BUILD_OPTS=(--health-enabled=true)

log() { echo "keycloak.sh: $*" >&2; }
die() { echo "keycloak.sh: ERROR: $*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

# --- JDK ---------------------------------------------------------------------------------------

# Major version of the JDK at $1 (a JAVA_HOME), or nothing.
jdk_major() {
  [[ -x "$1/bin/java" ]] || return 0
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
        awk -F'= ' '/java\.specification\.version/ {print $2; exit}')" || return 0
  v="${v#1.}"
  echo "${v%%.*}"
}

find_jdk() {
  local candidates=() c best="" best_major=0 m
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [[ -d "$c" ]] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    c="$(readlink -f "$(command -v java)")"
    candidates+=("${c%/bin/java}")
  fi
  # JAVA_HOME wins if it is good enough; otherwise the newest JDK found.
  if [[ -n "${JAVA_HOME:-}" ]]; then
    m="$(jdk_major "$JAVA_HOME")"
    if [[ -n "$m" && "$m" -ge 21 ]]; then echo "$JAVA_HOME"; return; fi
  fi
  for c in "${candidates[@]}"; do
    m="$(jdk_major "$c")"
    if [[ -n "$m" && "$m" -ge 21 && "$m" -gt "$best_major" ]]; then best="$c"; best_major="$m"; fi
  done
  [[ -n "$best" ]] || die "Keycloak $KC_VERSION needs a JDK 21 or newer. Set JAVA_HOME to one" \
    "(JAVA_HOME=${JAVA_HOME:-<unset>} is not; none found under /usr/lib/jvm, /opt/java or on PATH)."
  echo "$best"
}

# --- fetch -------------------------------------------------------------------------------------

unpack() { # zip dest-dir
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$1" -d "$2"
  else
    (cd "$2" && "$JDK/bin/jar" xf "$1")
    chmod +x "$2"/keycloak-"$KC_VERSION"/bin/*.sh  # jar xf drops the exec bits
  fi
}

# Runs start-dev just until the dev-mode build is written, then stops (kc.sh exits 10 after a
# re-build and would relaunch; the java wrapper turns that 10 into 0).
prebuild() { # kc-home tmp
  local home="$1" tmp="$2"
  cat >"$tmp/java-prebuild" <<EOF
#!/bin/sh
"$JDK/bin/java" "\$@"
rc=\$?
[ "\$rc" -eq 10 ] && exit 0
exit "\$rc"
EOF
  chmod +x "$tmp/java-prebuild"
  JAVA="$tmp/java-prebuild" "$home/bin/kc.sh" start-dev "${BUILD_OPTS[@]}" \
    --http-host=127.0.0.1 --http-port=0 --http-management-port=0 \
    --db-url="jdbc:h2:file:$tmp/prebuild/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    -Dquarkus.transaction-manager.object-store.directory="$tmp/prebuild/transaction-logs" \
    -Dkc.launch.mode=exit_after_start
}

fetch() {
  [[ -f "$READY_MARKER" ]] && return 0
  mkdir -p "$CACHE_DIR"
  local locked=""
  if command -v flock >/dev/null 2>&1; then  # util-linux: always there on Debian
    exec 9>"$CACHE_DIR/keycloak-$KC_VERSION.lock"
    if ! flock -n 9; then
      log "another process is fetching Keycloak; waiting for it…"
      flock -w 1200 9 || die "could not lock $CACHE_DIR/keycloak-$KC_VERSION.lock within 20 min"
    fi
    if [[ -f "$READY_MARKER" ]]; then exec 9>&-; return 0; fi  # the other process finished it
    locked=1
  fi
  local tmp start=$SECONDS
  tmp="$(mktemp -d "$CACHE_DIR/.keycloak-$KC_VERSION.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT

  log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip through Maven…"
  # Run from the temp dir: dependency:copy needs no project, and this way a half-edited
  # pom.xml in the repository cannot break the fetch. The wrapper finds .mvn/ next to itself.
  # Plugin version pinned (= Spring Boot 4.0's), as there is no pom to manage it.
  (cd "$tmp" && JAVA_HOME="$JDK" "$REPO_ROOT/mvnw" -q -B \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$tmp") || die "Maven could not fetch the Keycloak distribution"
  local zip="$tmp/keycloak-quarkus-dist-$KC_VERSION.zip"
  [[ -f "$zip" ]] || die "Maven did not produce $zip"

  log "unpacking…"
  mkdir -p "$tmp/x"
  unpack "$zip" "$tmp/x"
  rm -f "$zip"
  local home="$tmp/x/keycloak-$KC_VERSION"
  [[ -x "$home/bin/kc.sh" ]] || die "unexpected archive layout: no keycloak-$KC_VERSION/bin/kc.sh"

  log "pre-building for dev mode (once, ~25 s)…"
  if ! prebuild "$home" "$tmp" >"$tmp/prebuild.log" 2>&1; then
    tail -n 30 "$tmp/prebuild.log" >&2
    die "the dev-mode pre-build failed"
  fi
  touch "$home/.lantern-ready"

  [[ -n "$locked" ]] && rm -rf "$KC_HOME"  # an incomplete earlier attempt
  # Atomic rename (same file system); without the lock a concurrent fetch may have won the race.
  if ! mv -T "$home" "$KC_HOME" 2>/dev/null; then
    [[ -f "$READY_MARKER" ]] || die "could not move the distribution to $KC_HOME"
  fi
  rm -rf "$tmp"
  trap - EXIT
  exec 9>&-  # release the lock (and do not hand it to Keycloak)
  log "Keycloak $KC_VERSION ready in $KC_HOME ($((SECONDS - start)) s)"
}

# --- start -------------------------------------------------------------------------------------

start() {
  fetch
  [[ -f "$REALM_FILE" ]] || die "missing $REALM_FILE"
  mkdir -p "$KC_DATA_DIR/import" "$KC_DATA_DIR/h2"
  cp "$REALM_FILE" "$KC_DATA_DIR/import/lantern-realm.json"
  if [[ -e "$KC_DATA_DIR/h2/keycloakdb.mv.db" ]]; then
    log "data dir $KC_DATA_DIR exists: the stored lantern realm is kept (delete the dir to re-import)"
  else
    log "new data dir $KC_DATA_DIR: the lantern realm will be imported"
  fi
  log "starting Keycloak $KC_VERSION on $KC_HOSTNAME (management port $KC_MGMT_PORT, JDK $JDK)"

  if [[ -n "${KC_PARENT_PID:-}" ]]; then
    # Watchdog: survives the exec below as a child of kc.sh, whose TERM trap stops Keycloak.
    local self=$$
    (
      while kill -0 "$KC_PARENT_PID" 2>/dev/null && kill -0 "$self" 2>/dev/null; do sleep 2; done
      kill -TERM "$self" 2>/dev/null || true
    ) </dev/null >/dev/null 2>&1 &
  fi

  export JAVA_HOME="$JDK"
  export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

  # -Dkeycloak.migration.dir is what --import-realm sets internally, but pointing at our own
  # directory instead of <kc home>/data/import (shared by every instance). Strategy:
  # IGNORE_EXISTING, i.e. a realm already in the database is left alone.
  # Keycloak reads KC_* variables as its own options: env -u drops the ones that are only ours.
  exec env -u KC_PORT -u KC_MGMT_PORT -u KC_DATA_DIR -u KC_WAIT_TIMEOUT -u KC_WAIT_PID -u KC_PARENT_PID \
    "$KC_HOME/bin/kc.sh" start-dev "${BUILD_OPTS[@]}" \
    --http-host="$KC_HTTP_HOST" \
    --http-port="$KC_PORT" \
    --http-management-port="$KC_MGMT_PORT" \
    --hostname="$KC_HOSTNAME" \
    --db-url="jdbc:h2:file:$KC_DATA_DIR/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    -Dkeycloak.migration.dir="$KC_DATA_DIR/import" \
    -Dquarkus.transaction-manager.object-store.directory="$KC_DATA_DIR/transaction-logs"
}

# --- wait --------------------------------------------------------------------------------------

# HTTP status of GET http://127.0.0.1:$1$2, or 000.
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -H "Host: localhost:$1" -w '%{http_code}' "http://127.0.0.1:$1$2" || true
    return
  fi
  local line=""
  if exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null; then
    printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&3
    read -r -t 5 line <&3 || true
    exec 3<&-
  fi
  line="${line#* }"
  echo "${line:0:3}" | grep -E '^[0-9]{3}$' || echo 000
}

wait_ready() {
  local deadline=$((SECONDS + KC_WAIT_TIMEOUT)) health realm
  log "waiting up to ${KC_WAIT_TIMEOUT}s for Keycloak on port $KC_PORT…"
  while :; do
    health="$(http_status "$KC_MGMT_PORT" /health/ready)"
    if [[ "$health" == 200 ]]; then
      realm="$(http_status "$KC_PORT" /realms/lantern/.well-known/openid-configuration)"
      if [[ "$realm" == 200 ]]; then
        log "ready: $KC_HOSTNAME/realms/lantern"
        return 0
      fi
    fi
    if [[ -n "${KC_WAIT_PID:-}" ]] && ! kill -0 "$KC_WAIT_PID" 2>/dev/null; then
      die "Keycloak (pid $KC_WAIT_PID) exited before it was ready"
    fi
    if ((SECONDS >= deadline)); then
      die "Keycloak not ready after ${KC_WAIT_TIMEOUT}s: GET :$KC_MGMT_PORT/health/ready -> $health," \
        "GET :$KC_PORT/realms/lantern/.well-known/openid-configuration -> ${realm:-not tried}." \
        "Check its log; is another process on port $KC_PORT or $KC_MGMT_PORT?"
    fi
    sleep 1
  done
}

# --- main --------------------------------------------------------------------------------------

cmd="${1:-help}"
case "$cmd" in
  fetch) JDK="$(find_jdk)"; fetch ;;
  start) JDK="$(find_jdk)"; start ;;
  wait) wait_ready ;;
  help | -h | --help) usage ;;
  *) usage >&2; die "unknown command: $cmd" ;;
esac
