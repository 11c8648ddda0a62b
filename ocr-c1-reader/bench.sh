#!/usr/bin/env bash
# Runs the reader's benchmarks without exec:java (issue 19): the 1,000-form sets on both generators, or any
# IndependentBenchmark / BoxFailures arguments. From the repository root:
#   ocr-c1-reader/bench.sh independent          # 1,000 independent photos (MIXED) + 100 mis-added + 100 crossed-out
#   ocr-c1-reader/bench.sh own                  # 1,000 own photos (ALL, training writing) + 100 mis-added + 100 crossed-out
#   ocr-c1-reader/bench.sh run <class> <args>   # e.g. run BoxFailures --forms 42 --seed 9300000
# Needs the built jar (./mvnw -q -pl ocr-c1-reader -am install -DskipTests) and the test classes (it compiles them).
# Options for the two sets: FORMS=1000 SEED=... THREADS=1 PHOTOS=dir (keep the photos to read them again).
set -euo pipefail
case "${1:-}" in independent|own|run) ;; *) sed -n '2,8p' "$0"; exit 2 ;; esac
cd "$(dirname "$0")/.."
M=ocr-c1-reader
JAR=$M/target/ocr-c1-reader-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -pl ocr-c1-reader -am install -DskipTests" >&2; exit 1; }
if [ ! -d $M/target/bench-lib/BOOT-INF/lib ] || [ "$JAR" -nt $M/target/bench-lib ]; then
  rm -rf $M/target/bench-lib && mkdir -p $M/target/bench-lib
  (cd $M/target/bench-lib && unzip -q -o "../../../$JAR" 'BOOT-INF/lib/*')
fi
./mvnw -B -o -q -pl $M test-compile
CP="$M/target/test-classes:$M/target/classes:$M/target/bench-lib/BOOT-INF/lib/*"
RUN="java ${JAVA_OPTS:-} -Xmx1500m -Dai.djl.offline=true -cp $CP"
FORMS=${FORMS:-1000}
EXTRA=$(( FORMS / 10 ))
THREADS=${THREADS:-1}
KEEP=()
[ -n "${PHOTOS:-}" ] && KEEP=(--photos "$PHOTOS")
case "${1:-}" in
  independent)
    exec $RUN id.pemilu.ocr.bench.IndependentBenchmark --generator independent --seed "${SEED:-9700000}" \
      --synth-threads "$THREADS" "${KEEP[@]}" \
      --sets "MIXED:$FORMS,MIXED:$EXTRA:MIS_ADDED,MIXED:$EXTRA:CROSSED_OUT" ;;
  own)
    exec $RUN id.pemilu.ocr.bench.IndependentBenchmark --generator own --writing TRAINING --seed "${SEED:-9800000}" \
      --synth-threads "$THREADS" "${KEEP[@]}" \
      --sets "ALL:$FORMS,ALL:$EXTRA:MIS_ADDED,ALL:$EXTRA:CROSSED_OUT" ;;
  run)
    shift; CLASS=$1; shift
    exec $RUN "id.pemilu.ocr.bench.$CLASS" "$@" ;;
  *)
    sed -n '2,8p' "$0"; exit 2 ;;
esac
