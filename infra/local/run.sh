#!/usr/bin/env bash
# Starts Lantern on this machine: PostgreSQL (embedded, started by the backend), Keycloak with the
# lantern realm and demo accounts, and the backend serving the SPA. Builds what is missing first.
# Ctrl-C stops everything; data stays under $LANTERN_DATA for the next start.
#
# Settings (environment):
#   LANTERN_PORT        backend port (8080)           KC_PORT        Keycloak port (8180)
#   LANTERN_DATA        data directory (~/.local/share/lantern): postgres/, keycloak/, logs/
#   LANTERN_SKIP_BUILD  1 = never build, use the jar as it is
#   LANTERN_OIDC_ISSUER an existing Keycloak realm to use instead of starting one, e.g.
#                       https://sso.example.gov.vn/realms/lantern (then also LANTERN_KEYCLOAK_PUBLIC_URL)
#   SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD  an existing PostgreSQL instead of the embedded one
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=lib.sh
source "$ROOT/infra/local/lib.sh"
lantern_select_jdk

export LANTERN_PORT=${LANTERN_PORT:-8080}
export KC_PORT=${KC_PORT:-8180}
export LANTERN_DATA=${LANTERN_DATA:-$HOME/.local/share/lantern}
JAR="$ROOT/backend/target/lantern-backend.jar"
LOGS="$LANTERN_DATA/logs"
mkdir -p "$LOGS"

say() { printf '\033[1m[lantern]\033[0m %s\n' "$*"; }

needs_build() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$ROOT/schema/src" "$ROOT/frontend/src" "$ROOT/frontend/public" "$ROOT/backend/src/main" \
           "$ROOT/pom.xml" "$ROOT/schema/pom.xml" "$ROOT/frontend/pom.xml" "$ROOT/frontend/package.json" "$ROOT/backend/pom.xml" \
           -newer "$JAR" -type f -print -quit 2>/dev/null)" ]
}

if [ "${LANTERN_SKIP_BUILD:-0}" != 1 ] && needs_build; then
  say "Building (first start or sources changed) ..."
  # package, not install: nothing of this checkout goes into ~/.m2, where it could shadow a later partial build
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    say "Stopping ..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    say "Stopped. Data kept in $LANTERN_DATA"
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

if [ -z "${LANTERN_OIDC_ISSUER:-}" ]; then
  export KC_DATA_DIR=${KC_DATA_DIR:-$LANTERN_DATA/keycloak}
  "$ROOT/infra/keycloak/keycloak.sh" fetch
  say "Starting Keycloak on port $KC_PORT (log: $LOGS/keycloak.log) ..."
  "$ROOT/infra/keycloak/keycloak.sh" start > "$LOGS/keycloak.log" 2>&1 &
  pids+=($!)
  export LANTERN_OIDC_ISSUER="http://localhost:$KC_PORT/realms/lantern"
  export LANTERN_KEYCLOAK_PUBLIC_URL="http://localhost:$KC_PORT"
fi

say "Starting the backend on port $LANTERN_PORT (log: $LOGS/backend.log) ..."
java ${LANTERN_JAVA_OPTS:--Xmx1g} -jar "$JAR" > "$LOGS/backend.log" 2>&1 &
pids+=($!)
backend_pid=$!

deadline=$((SECONDS + ${LANTERN_START_TIMEOUT:-300}))
until lantern_http_ok "$LANTERN_PORT" /actuator/health/readiness; do
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    say "The backend stopped during start-up; the end of its log:"; tail -n 40 "$LOGS/backend.log" >&2; exit 1
  fi
  [ $SECONDS -lt $deadline ] || { say "The backend was not ready in time; see $LOGS/backend.log"; exit 1; }
  sleep 1
done
if [ -n "${KC_DATA_DIR:-}" ]; then
  KC_WAIT_TIMEOUT=$(( deadline - SECONDS > 10 ? deadline - SECONDS : 10 )) "$ROOT/infra/keycloak/keycloak.sh" wait \
    || { say "Keycloak did not become ready; the end of its log:"; tail -n 40 "$LOGS/keycloak.log" >&2; exit 1; }
fi

cat <<INFO

  Lantern is running.
    App        http://localhost:$LANTERN_PORT/
    GraphiQL   http://localhost:$LANTERN_PORT/graphiql
    GraphQL    http://localhost:$LANTERN_PORT/graphql
    Keycloak   ${LANTERN_KEYCLOAK_PUBLIC_URL:-external} (admin console: admin / admin)
    Health     http://localhost:$LANTERN_PORT/actuator/health
  Demo accounts (password: demo): inspector.lead, inspector.hoa, admin, head.stnmt, head.syt,
    head.nghiloc, head.quyhop, head.doluong, head.tanky, citizen
  Data: $LANTERN_DATA    Logs: $LOGS
  Press Ctrl-C to stop.

INFO
wait -n "${pids[@]}" || true
say "A component stopped; see the logs in $LOGS"
