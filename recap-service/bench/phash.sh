#!/usr/bin/env bash
# Perceptual-hash benchmark: false-match rate over every pair of COUNT different synthetic C.Hasil photos (one
# template) and true-match rate over variants (re-encoded, resized, cropped, rotated). Run from the repository root.
#   recap-service/bench/phash.sh [COUNT=2000] [VARIANT_SOURCES=20]
# Photos are written once to ${PHASH_FORMS:-target/phash-forms} by ocr-c1-reader's synthesiser (its built jar).
set -euo pipefail
COUNT=${1:-2000}
SOURCES=${2:-20}
FORMS=${PHASH_FORMS:-recap-service/target/phash-forms}
JAR=ocr-c1-reader/target/ocr-c1-reader-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ]; then
  ./mvnw -B -q -o -pl ocr-c1-reader -am package -DskipTests
fi
READER=recap-service/target/ocr-reader-jar
if [ ! -d "$READER/BOOT-INF" ]; then
  mkdir -p "$READER" && (cd "$READER" && jar xf "../../../$JAR")
fi
echo "writing $COUNT synthetic photos to $FORMS (kept for later runs)"
java -Xmx1g -cp "$READER/BOOT-INF/classes:$READER/BOOT-INF/lib/*" recap-service/bench/SynthForms.java \
     "$FORMS" "$COUNT" PPWP CLEAN 1000 | tail -1
# -am in the same run: common and store come from this checkout (their target/classes), not from ~/.m2
./mvnw -B -q -o -pl recap-service -am test-compile dependency:build-classpath \
     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="recap-service/target/test-classes:recap-service/target/classes:$(cat recap-service/target/bench-classpath.txt)"
java -Xmx1g -cp "$CP" id.pemilu.recapbench.PhotoHashBench "$FORMS" "$SOURCES"
