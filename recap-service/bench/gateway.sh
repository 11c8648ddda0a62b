#!/usr/bin/env bash
# The submissions benchmark with Keycloak-issued tokens, straight to recap-service and then through the gateway
# (see ../README.md "Benchmark: through the gateway with Keycloak tokens").
#   recap-service/bench/gateway.sh [REGION] [THREADS]
# REGION   region whose TPS all get a PPWP result (default 31 = DKI Jakarta, 2,678 TPS); also the registry's region
# THREADS  concurrent client connections (default 16)
# Uses the Keycloak on KEYCLOAK_URL (default http://127.0.0.1:8180); starts it with keycloak/start.sh when it is not
# up, and then stops it at the end (a Keycloak left on 8180 would be taken as the suite's by ./suite and .ci/run).
# Creates there, once, the DEV-ONLY realm pemilu-bench (the repo's realm
# with cheap password hashing and two-hour tokens; the realm pemilu is not touched) and one KPPS account per TPS of
# REGION (bench.kpps.<tps>), fetches a token for each before the clock starts (KeycloakBenchTokens), then runs
# BenchClient twice, each time against a fresh recap-service (the real application, which trusts only Keycloak's
# tokens, here those of pemilu-bench) with the embedded store in a temp dir and the local RabbitMQ:
#   1. straight to recap-service;
#   2. through the gateway (which checks each token too), the checks still straight to recap-service.
set -euo pipefail
REGION=${1:-31}
THREADS=${2:-16}
KC=${KEYCLOAK_URL:-http://127.0.0.1:8180}
BASE=${BENCH_PORT_BASE:-18090}
GATEWAY_PORT=$BASE
RECAP_PORT=$((BASE + 4))
NOWHERE=http://127.0.0.1:9
cd "$(dirname "$0")/../.."
# the JDK the suite uses (./suite java-home: SUITE_JAVA_HOME, else the newest under /usr/lib/jvm)
JAVA_PICKED=$(./suite java-home); [ -n "$JAVA_PICKED" ] && export JAVA_HOME=$JAVA_PICKED PATH=$JAVA_PICKED/bin:$PATH
echo "JVM: $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.vm.name = //p') $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
# -am: common comes from this checkout, not from whatever ~/.m2 holds
./mvnw -q -pl recap-service,gateway -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
CP="recap-service/target/test-classes:recap-service/target/classes:$(cat recap-service/target/bench.cp)"
DATA=$(mktemp -d /tmp/recap-gateway-bench.XXXXXX)
. recap-service/bench/processes.sh

if ! curl -sf "$KC/realms/pemilu/.well-known/openid-configuration" >/dev/null; then
  KC_PID=$(keycloak/start.sh); STARTED+=("$KC_PID")   # stopped at the end: it was not running before
  wait_up keycloak "$KC/realms/pemilu/.well-known/openid-configuration" "$KC_PID"
fi
java -cp "$CP" id.pemilu.recapbench.KeycloakBenchTokens "$KC" "$REGION" "$DATA/tokens.txt"

start_recap() {
  local dir=$1
  PEMILU_DATA_DIR="$dir" SERVER_PORT=$RECAP_PORT RECAP_SEED_REGION=$REGION HEALTH_RABBIT_ENABLED=false \
    KEYCLOAK_ISSUER="$KC/realms/pemilu-bench" KEYCLOAK_JWKS="$KC/realms/pemilu-bench/protocol/openid-connect/certs" \
    java -Xmx768m -XX:+UseSerialGC -XX:NewRatio=1 -XX:+ExitOnOutOfMemoryError -cp "$CP" \
    id.pemilu.recap.RecapServiceApplication >"$dir.log" 2>&1 &
  RECAP=$!; STARTED+=("$RECAP")
  wait_up recap-service "http://127.0.0.1:$RECAP_PORT/actuator/health/liveness" "$RECAP"
}

ONLY=${BENCH_ONLY:-}   # direct or gateway: only that run (e.g. with BENCH_JFR=/path/x.jfr for a profile of it)
if [ "$ONLY" != gateway ]; then
echo "== 1. straight to recap-service, Keycloak tokens"
start_recap "$DATA/direct"
BENCH_TOKENS="$DATA/tokens.txt" java -cp "$CP" id.pemilu.recapbench.BenchClient "http://127.0.0.1:$RECAP_PORT" \
  "$REGION" "$THREADS" "$RECAP" || echo "(run 1 reported a difference or a failure)"
kill "$RECAP"; wait "$RECAP" 2>/dev/null || true
fi
[ "$ONLY" != direct ] || { echo "logs: $DATA"; exit 0; }

echo "== 2. through the gateway, Keycloak tokens"
start_recap "$DATA/gateway"
SERVER_PORT=$GATEWAY_PORT RECAP_SERVICE_URL=http://127.0.0.1:$RECAP_PORT VOTER_PORTAL_URL=$NOWHERE \
  PARTY_REGISTRY_URL=$NOWHERE CANDIDATE_SERVICE_URL=$NOWHERE OCR_C1_READER_URL=$NOWHERE DESK_PILKADA_URL=$NOWHERE \
  KEYCLOAK_ISSUER="$KC/realms/pemilu-bench" KEYCLOAK_JWKS="$KC/realms/pemilu-bench/protocol/openid-connect/certs" \
  java -Xmx256m -XX:+UseSerialGC -jar gateway/target/gateway-*.jar >"$DATA/gateway.log" 2>&1 &
GATEWAY=$!; STARTED+=("$GATEWAY")
wait_up gateway "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" "$GATEWAY"
BENCH_TOKENS="$DATA/tokens.txt" BENCH_SUBMIT_URL="http://127.0.0.1:$GATEWAY_PORT" BENCH_GATEWAY_PID=$GATEWAY \
  java -cp "$CP" id.pemilu.recapbench.BenchClient "http://127.0.0.1:$RECAP_PORT" "$REGION" "$THREADS" "$RECAP" \
  || echo "(run 2 reported a difference or a failure)"
echo "logs: $DATA"
