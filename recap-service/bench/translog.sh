#!/usr/bin/env bash
# Transparency-log benchmark: append N entries (default 1,000,000) to the log on the embedded H2 store, then proof
# sizes and times, storage per entry, and the verifier's full download + replay. Run from the repository root; needs
# the RabbitMQ of ./suite test (set RABBITMQ_VHOST to use another vhost). A fresh data directory each run.
#   recap-service/bench/translog.sh [N=1000000] [REPLAY=0]   (REPLAY: also the verifier's replay of that many
#   entries alone, without store or HTTP)
set -euo pipefail
N=${1:-1000000}
REPLAY=${2:-0}
DIR=recap-service/target/translog-bench
rm -rf "$DIR"
# -am in the same run: common and store come from this checkout (their target/classes), not from ~/.m2
./mvnw -B -q -o -pl recap-service -am test-compile dependency:build-classpath \
     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="recap-service/target/test-classes:recap-service/target/classes:$(cat recap-service/target/bench-classpath.txt)"
java -Xmx1500m -cp "$CP" id.pemilu.recap.translog.LogBench "$N" "$DIR" "$REPLAY"
