#!/usr/bin/env bash
# Fetches Keycloak from Maven Central (once) and starts it on 127.0.0.1:8180 with the realm `pemilu` imported.
# Usage: keycloak/start.sh   (prints the PID; logs to .suite/logs/keycloak.log)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=${KC_VERSION:-26.5.6}
KC_PORT=${KC_PORT:-8180}
KC_HOST=${KC_HOST:-127.0.0.1}
SUITE_DIR=${SUITE_DIR:-$ROOT/.suite}
KC_HOME=$SUITE_DIR/keycloak-$KC_VERSION
mkdir -p "$SUITE_DIR/logs"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "Mengunduh Keycloak $KC_VERSION dari Maven Central ..." >&2
  "$ROOT/mvnw" -q -B dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
    -DoutputDirectory="$SUITE_DIR" >&2
  (cd "$SUITE_DIR" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
fi
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/keycloak/realm-pemilu.json" "$KC_HOME/data/import/realm-pemilu.json"
# DEV ONLY bootstrap admin (throwaway credentials, local machine only).
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-dev-only-admin}
export JAVA_OPTS_KC_HEAP=${JAVA_OPTS_KC_HEAP:-"-Xms64m -Xmx512m"}
nohup "$KC_HOME/bin/kc.sh" start-dev --http-host="$KC_HOST" --http-port="$KC_PORT" \
  --hostname="http://$KC_HOST:$KC_PORT" --http-management-port="${KC_MANAGEMENT_PORT:-9180}" \
  --health-enabled=true --import-realm >"$SUITE_DIR/logs/keycloak.log" 2>&1 &
echo $!
