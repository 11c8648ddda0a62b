#!/usr/bin/env bash
# Benchmark of recap-service (see ../README.md "Benchmark").
#   recap-service/bench/run.sh [REGION] [SEED_REGION] [THREADS]
# REGION       region whose TPS all get a PPWP result pushed through HTTP (default 31 = DKI Jakarta; several: 33,32)
# SEED_REGION  registry generated at server start (default ID = national, ~823,000 TPS)
# THREADS      concurrent client connections (default 32)
# Starts a fresh recap-service (BenchServer = the real app accepting dev-only HS256 bench tokens instead of
# Keycloak) with the embedded MongoDB in an H2 file under a temp dir, and the local RabbitMQ; then runs BenchClient.
# BENCH_EARLIER=regions: pushed first (election-night order: the provinces whose polls close earlier), outside the
#   measured figures but in every check; see ../README.md "Benchmark"
set -euo pipefail
REGION=${1:-31}
SEED=${2:-ID}
THREADS=${3:-32}
HEAP=${BENCH_HEAP:-768m}
SERVER_OPTS=${BENCH_SERVER_OPTS:-}   # extra JVM options for the server, e.g. a JFR recording
# the suite's memory settings for recap-service (see ../../suite): half of the heap young
MEMORY_OPTS=${BENCH_MEMORY_OPTS:--XX:NewRatio=1}
GC=${BENCH_GC:-Serial}   # the suite's collector for recap-service
PORT=${BENCH_PORT:-18084}
cd "$(dirname "$0")/../.."
# the JDK the suite uses (./suite java-home: SUITE_JAVA_HOME, else the newest under /usr/lib/jvm)
JAVA_PICKED=$(./suite java-home); [ -n "$JAVA_PICKED" ] && export JAVA_HOME=$JAVA_PICKED PATH=$JAVA_PICKED/bin:$PATH
echo "JVM: $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.vm.name = //p') $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
# -am: common comes from this checkout (its target/classes), not from whatever ~/.m2 holds
./mvnw -q -pl recap-service -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="recap-service/target/test-classes:recap-service/target/classes:$(cat recap-service/target/bench.cp)"
# BENCH_AOT=DIR: the JDK's ahead-of-time cache (JDK 25: classes loaded and linked, method profiles) for the server.
#   The first run with an empty DIR is the training run (-XX:AOTCacheOutput, written when the server stops); later
#   runs start from DIR/app.aot (-XX:AOTCache). The cache takes only jars: the module directories are jarred into DIR.
if [ -n "${BENCH_AOT:-}" ]; then
  mkdir -p "$BENCH_AOT/jars"; BENCH_AOT=$(cd "$BENCH_AOT" && pwd)
  AOT_CP=""
  for e in $(echo "$CP" | tr ':' ' '); do
    if [ -d "$e" ]; then
      j="$BENCH_AOT/jars/$(echo "$e" | sed 's|^/||; s|/target/|-|; s|/|-|g').jar"
      # rebuilt only when the classes changed: a changed jar would make the JVM refuse the cache
      if [ ! -f "$j" ] || [ -n "$(find "$e" -newer "$j" -type f | head -1)" ]; then
        rm -f "$BENCH_AOT/app.aot"; jar --create --file "$j" -C "$e" .
      fi
      e=$j
    fi
    AOT_CP="$AOT_CP${AOT_CP:+:}$e"
  done
  CP=$AOT_CP
  if [ -f "$BENCH_AOT/app.aot" ]; then
    SERVER_OPTS="$SERVER_OPTS -XX:AOTCache=$BENCH_AOT/app.aot"; echo "AOT cache: $BENCH_AOT/app.aot"
  else
    SERVER_OPTS="$SERVER_OPTS -XX:AOTCacheOutput=$BENCH_AOT/app.aot"; echo "AOT cache: training run, written to $BENCH_AOT/app.aot"
  fi
fi
# the machine's own speed: one core hashing 300 MB, three times (on this shared VM it moves ±20 % between seconds, so
# compare runs made close together, and look at this line when two runs of the same code differ)
machine_speed() {
  local out="" s e
  for _ in 1 2 3; do
    s=$(date +%s%N); head -c 300000000 /dev/zero | sha256sum >/dev/null; e=$(date +%s%N)
    out="$out $(( 300000000000 / (e - s) ))"
  done
  echo "machine speed $1: one core hashes SHA-256 at$out MB/s"
}
machine_speed "before the run"
DATA=$(mktemp -d /tmp/recap-bench.XXXXXX)
LOG="$DATA/server.log"
start_server() {
  # a server of an earlier run still stopping would answer this run's first health check
  for _ in $(seq 1 30); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" || break
    sleep 1
  done
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is taken by another process (BENCH_PORT to choose another)"; exit 1
  fi
  PEMILU_DATA_DIR="$DATA" SERVER_PORT=$PORT RECAP_SEED_REGION=$SEED HEALTH_RABBIT_ENABLED=false \
    java -Xmx"$HEAP" -XX:+Use${GC}GC $MEMORY_OPTS -XX:+ExitOnOutOfMemoryError $SERVER_OPTS -cp "$CP" id.pemilu.recapbench.BenchServer >>"$LOG" 2>&1 &
  SERVER=$!
  local t0=$(date +%s)
  until curl -sf "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { echo "server died, see $LOG"; tail -20 "$LOG"; exit 1; }
    sleep 1
  done
  echo "recap-service up after $(( $(date +%s) - t0 )) s; $(grep -o 'TPS registry: .*' "$LOG" | tail -1)"
}
start_server
# BENCH_JFR=/path/x.jfr: a JFR profile of the server over the second half of the submits (BenchClient starts and
#   stops it: the steady state, without the JIT's warm-up, the tier check or the rebuild)
# BENCH_THREAD_CPU=1: the server's CPU time per thread (grouped by name) at the end of the run
finish() {
  machine_speed "after the run"
  if [ "${BENCH_THREAD_CPU:-}" = "1" ]; then
    echo "server CPU by thread (ms):"
    for t in /proc/"$SERVER"/task/*; do
      echo "$(cut -d' ' -f14,15 "$t/stat" 2>/dev/null | awk '{print ($1+$2)*10}') $({ tr ' ' '_' <"$t/comm"; } 2>/dev/null | sed 's/[-_]*[0-9]*$//')"
    done | awk '{a[$2]+=$1} END {for (k in a) if (a[k] > 0) print a[k], k}' | sort -rn | head -15
    # the kernel keeps 15 characters of a thread's name (Tomcat's poller and request threads look alike there): the
    # JVM's own thread dump has the full names and each live thread's CPU time
    echo "server CPU by full thread name (ms; jcmd Thread.print, threads alive at the end):"
    jcmd "$SERVER" Thread.print 2>/dev/null | sed -n 's/^"\([^"]*\)".* cpu=\([0-9.]*\)ms.*/\2 \1/p' \
      | awk '{c=$1; $1=""; n=substr($0,2); sub(/[-_ #]*[0-9]+$/,"",n); a[n]+=c} END {for (k in a) if (a[k] >= 100) printf "%d %s\n", a[k], k}' \
      | sort -rn | head -20
    echo "server allocation by full thread name (MB; jcmd Thread.print -e, threads alive at the end):"
    jcmd "$SERVER" Thread.print -e 2>/dev/null | sed -n 's/^"\([^"]*\)".* allocated=\([0-9]*[BKMG]\).*/\2 \1/p' \
      | awk '{c=$1; u=substr(c,length(c)); c=substr(c,1,length(c)-1)*(u=="G"?1024:u=="M"?1:u=="K"?1/1024:1/1048576);
              $1=""; n=substr($0,2); sub(/[-_ #]*[0-9]+$/,"",n); a[n]+=c} END {for (k in a) if (a[k] >= 100) printf "%d %s\n", a[k], k}' \
      | sort -rn | head -12
  fi
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true   # the training run's AOT cache is written while the server stops
  if [ -n "${BENCH_AOT:-}" ]; then ls -la "$BENCH_AOT"/app.aot 2>/dev/null || true; fi
  # the store's files take 3-5 GB per 142,808-TPS run: only the server log stays (BENCH_KEEP_DATA=1 keeps all)
  if [ "${BENCH_KEEP_DATA:-}" != "1" ]; then
    find "$DATA" -mindepth 1 -not -name server.log -delete 2>/dev/null || true
  fi
}
trap finish EXIT
if [ "${BENCH_KILL:-}" = "1" ]; then
  # fault run: kill -9 the service while results stream in, restart it on the same data, keep going
  java -cp "$CP" id.pemilu.recapbench.BenchClient "http://127.0.0.1:$PORT" "$REGION" "$THREADS" &
  CLIENT=$!
  sleep "${BENCH_KILL_AFTER:-20}"
  echo "kill -9 recap-service (pid $SERVER) during the stream"
  kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
  start_server
  wait "$CLIENT"
else
  java -cp "$CP" id.pemilu.recapbench.BenchClient "http://127.0.0.1:$PORT" "$REGION" "$THREADS" "$SERVER"
fi
echo "server log: $LOG"
