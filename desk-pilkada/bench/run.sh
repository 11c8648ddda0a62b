#!/usr/bin/env bash
# Benchmark of Desk Pilkada on election evening (see ../README.md "Benchmark").
#   desk-pilkada/bench/run.sh [REGION] [TPS_PER_DESA] [THREADS]
# REGION        province (or part of it) whose every desa gets TPS in the stand-in registry (default 31 = DKI Jakarta)
# TPS_PER_DESA  TPS per desa (default 10: DKI's 267 kelurahan → 2,670 TPS, about DKI's real count per kelurahan)
# THREADS       concurrent reporters' connections (default 16)
# Runs the real desk application (embedded store in a file under a temp dir, tokens: dev-only HS256 accepted only
# by this benchmark) against a stand-in recap-service, one reporter per desa sending every TPS's quick report over
# HTTP; prints throughput, latencies, progress/export times per tier, and checks every total (also after a restart).
set -euo pipefail
REGION=${1:-31}
PER_DESA=${2:-10}
THREADS=${3:-16}
HEAP=${BENCH_HEAP:-512m}
cd "$(dirname "$0")/../.."
# -am: common and store come from this checkout (their target/classes), not from whatever ~/.m2 holds
./mvnw -q -pl desk-pilkada -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="desk-pilkada/target/test-classes:desk-pilkada/target/classes:$(cat desk-pilkada/target/bench.cp)"
exec java -Xmx"$HEAP" -XX:+UseSerialGC -cp "$CP" id.pemilu.deskbench.DeskBench "$REGION" "$PER_DESA" "$THREADS"
