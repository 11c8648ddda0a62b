#!/usr/bin/env bash
# Benchmark of the public read path through the gateway (see ../../README.md "Benchmarks", gateway in
# ../../recap-service/README.md "Benchmark: public reads").
#   gateway/bench/reads.sh [CLIENTS] [SECONDS] [RATE]
# CLIENTS  concurrent closed-loop clients, each sending its next GET when the last was answered (default 64)
# SECONDS  measured duration of each target, after a warm-up of BENCH_WARMUP (20) seconds (default 30)
# RATE     total requests/s the clients aim at (0 = as fast as answered; default 0)
# Three targets in turn, all through the gateway: the province totals JSON (BENCH_TOTALS), one TPS's JSON
# (BENCH_TPS), the portal's results page (BENCH_PAGE). All clients come from one address (127.0.0.1): a crowd
# behind carrier-grade NAT.
#
# With BENCH_URL=http://127.0.0.1:8080 only the load generator runs, against a suite already up (./suite up and the
# demo data: the defaults read DKI Jakarta and TPS 31.71.01.1001.001). Without it, the script builds and starts its
# own recap-service (the benchmark server: the real app accepting dev-only bench tokens, embedded store in a temp
# dir, registry of BENCH_SEED = 31, no broker), pushes a PPWP result for every TPS of BENCH_RESULTS (31.71.01) with
# recap-service's BenchClient, then starts voter-portal and the gateway in front of it on ports BENCH_PORT_BASE
# (9150) .. +4, with the suite's heap and GC settings, and stops them at the end.
# BENCH_PACED=2000 measures the totals once more at that total rate (the target: p99 <= 50 ms at 2,000 requests/s).
# BENCH_REVALIDATE=true sends each client's last ETag in If-None-Match (a reload), answered 304 when unchanged.
set -euo pipefail
CLIENTS=${1:-64}
DURATION=${2:-30}
RATE=${3:-0}
WARMUP=${BENCH_WARMUP:-20}
TOTALS=${BENCH_TOTALS:-/api/recap/public/totals?region=31&ballotType=PPWP}
TPS=${BENCH_TPS:-/api/recap/public/tps/31.71.01.1001.001}
PAGE=${BENCH_PAGE:-/hasil?wilayah=31&jenis=PPWP}
TARGETS=${BENCH_TARGETS:-totals tps page}
cd "$(dirname "$0")/../.."
# the JDK the suite uses (./suite java-home: SUITE_JAVA_HOME, else the newest under /usr/lib/jvm)
JAVA_PICKED=$(./suite java-home); [ -n "$JAVA_PICKED" ] && export JAVA_HOME=$JAVA_PICKED PATH=$JAVA_PICKED/bin:$PATH
echo "JVM: $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.vm.name = //p') $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
ROOT=$(pwd)

bench() {
  local path=$1 pids=${2:-}
  java -Xmx256m -XX:+UseSerialGC gateway/src/test/java/id/pemilu/gatewaybench/ReadBench.java \
    url="$URL" path="$path" clients="$CLIENTS" seconds="$DURATION" warmup="$WARMUP" rate="$RATE" \
    revalidate="${BENCH_REVALIDATE:-false}" pids="$pids"
}

run_targets() {
  local pids=${1:-}
  for target in $TARGETS; do
    case $target in
      totals) bench "$TOTALS" "$pids" ;;
      tps) bench "$TPS" "$pids" ;;
      page) bench "$PAGE" "$pids" ;;
      *) echo "unknown target $target (totals, tps, page)"; exit 1 ;;
    esac
  done
  if [ -n "${BENCH_PACED:-}" ]; then
    # the issue's target: the totals at a given rate (closed loop, each client at most its share of it)
    RATE=$BENCH_PACED bench "$TOTALS" "$pids"
  fi
}

if [ -n "${BENCH_URL:-}" ]; then
  URL=$BENCH_URL
  # the suite's processes by their pid files, for CPU per answer
  pids=""
  for s in gateway:gateway recap-service:recap voter-portal:portal; do
    f=".suite/pids/${s%%:*}.pid"
    if [ -f "$f" ]; then pids+="${s##*:}:$(cat "$f"),"; fi
  done
  run_targets "$pids"
  exit 0
fi

BASE=${BENCH_PORT_BASE:-9150}
GATEWAY_PORT=$BASE
PORTAL_PORT=$((BASE + 1))
RECAP_PORT=$((BASE + 4))
NOWHERE=http://127.0.0.1:9   # services the read path does not use
URL=http://127.0.0.1:$GATEWAY_PORT
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  # -am: common comes from this checkout, not from whatever ~/.m2 holds
  ./mvnw -q -pl recap-service,voter-portal,gateway -am package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null
fi
CP="recap-service/target/test-classes:recap-service/target/classes:$(cat recap-service/target/bench.cp)"
DATA=$(mktemp -d /tmp/reads-bench.XXXXXX)
. recap-service/bench/processes.sh

# recap-service without a broker (RABBITMQ_PORT points nowhere): reads need none, and the shared broker's queues
# and exchange stay untouched
PEMILU_DATA_DIR="$DATA/recap" SERVER_PORT=$RECAP_PORT RECAP_SEED_REGION=${BENCH_SEED:-31} \
  HEALTH_RABBIT_ENABLED=false RABBITMQ_PORT=9 RECAP_OUTBOX_SWEEP=1h \
  java -Xmx768m -XX:+UseSerialGC -cp "$CP" id.pemilu.recapbench.BenchServer >"$DATA/recap-service.log" 2>&1 &
RECAP=$!; STARTED+=("$RECAP")
wait_up recap-service "http://127.0.0.1:$RECAP_PORT/actuator/health/readiness" "$RECAP"
echo "pushing a PPWP result for every TPS of ${BENCH_RESULTS:-31.71.01} (recap-service's BenchClient) ..."
java -cp "$CP" id.pemilu.recapbench.BenchClient "http://127.0.0.1:$RECAP_PORT" "${BENCH_RESULTS:-31.71.01}" 8 \
  >"$DATA/seed.log" 2>&1 || { echo "seeding failed, see $DATA/seed.log"; tail -20 "$DATA/seed.log"; exit 1; }
grep -iE "results/s|confirmed|equal" "$DATA/seed.log" | head -3 || true

SERVER_PORT=$PORTAL_PORT RECAP_SERVICE_URL=http://127.0.0.1:$RECAP_PORT PARTY_REGISTRY_URL=$NOWHERE \
  CANDIDATE_SERVICE_URL=$NOWHERE DESK_PILKADA_URL=$NOWHERE HEALTH_RABBIT_ENABLED=false RABBITMQ_PORT=9 \
  java -Xmx192m -XX:+UseSerialGC -jar voter-portal/target/voter-portal-*.jar >"$DATA/voter-portal.log" 2>&1 &
PORTAL=$!; STARTED+=("$PORTAL")
SERVER_PORT=$GATEWAY_PORT RECAP_SERVICE_URL=http://127.0.0.1:$RECAP_PORT VOTER_PORTAL_URL=http://127.0.0.1:$PORTAL_PORT \
  PARTY_REGISTRY_URL=$NOWHERE CANDIDATE_SERVICE_URL=$NOWHERE OCR_C1_READER_URL=$NOWHERE DESK_PILKADA_URL=$NOWHERE \
  java -Xmx256m -XX:+UseSerialGC -jar gateway/target/gateway-*.jar >"$DATA/gateway.log" 2>&1 &
GATEWAY=$!; STARTED+=("$GATEWAY")
wait_up voter-portal "http://127.0.0.1:$PORTAL_PORT/actuator/health/readiness" "$PORTAL"
wait_up gateway "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" "$GATEWAY"
run_targets "gateway:$GATEWAY,recap:$RECAP,portal:$PORTAL"
echo "logs: $DATA"
