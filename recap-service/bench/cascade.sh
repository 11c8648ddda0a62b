#!/usr/bin/env bash
# Benchmark of the rekapitulasi berjenjang (see ../README.md "Benchmark: cascade").
#   recap-service/bench/cascade.sh [REGION] [THREADS]
# REGION   registry generated and recapped: ID = national (823,228 TPS, default), or a province code (e.g. 51)
# THREADS  sessions finalized in parallel per tier (default 8; the waits for the store's group commit overlap)
# Runs recap-service in one JVM (-Xmx768m, the suite's heap) with the embedded MongoDB in an H2 file under a temp dir,
# stores a PPWP result for every TPS (not timed), then times kecamatan -> kab/kota -> provinsi -> national through
# the service layer and checks the national D.Hasil against the sum of all TPS results.
set -euo pipefail
REGION=${1:-ID}
THREADS=${2:-8}
HEAP=${BENCH_HEAP:-768m}
cd "$(dirname "$0")/../.."
# the JDK the suite uses (./suite java-home: SUITE_JAVA_HOME, else the newest under /usr/lib/jvm)
JAVA_PICKED=$(./suite java-home); [ -n "$JAVA_PICKED" ] && export JAVA_HOME=$JAVA_PICKED PATH=$JAVA_PICKED/bin:$PATH
echo "JVM: $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.vm.name = //p') $(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
./mvnw -q -o -pl common,store,recap-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="recap-service/target/test-classes:recap-service/target/classes:common/target/classes:store/target/classes:$(cat recap-service/target/bench.cp)"
DATA=$(mktemp -d /tmp/recap-cascade.XXXXXX)
trap 'rm -rf "$DATA"' EXIT
PEMILU_DATA_DIR="$DATA" HEALTH_RABBIT_ENABLED=false /usr/bin/time -f "process: %e s wall, max RSS %M KB" \
  java ${BENCH_JAVA_OPTS:-} -Xmx"$HEAP" -XX:+UseSerialGC -cp "$CP" id.pemilu.recapbench.CascadeBench "$REGION" "$THREADS"
