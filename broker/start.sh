#!/usr/bin/env bash
# Starts Apache Qpid Broker-J (AMQP 0-9-1, Derby store so messages survive a restart) on 127.0.0.1:${BROKER_PORT:-5672}
# with user guest/guest (DEV ONLY). Used by ./suite when no RabbitMQ answers. Prints the PID.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SUITE_DIR=${SUITE_DIR:-$ROOT/.suite}
LIB=$SUITE_DIR/broker/lib
WORK=$SUITE_DIR/broker/work
mkdir -p "$LIB" "$WORK" "$SUITE_DIR/logs"
if [ -z "$(ls "$LIB" 2>/dev/null)" ]; then
  echo "Mengunduh Apache Qpid Broker-J dari Maven Central ..." >&2
  "$ROOT/mvnw" -q -B -f "$ROOT/broker/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" >&2
fi
nohup java -Xmx256m -cp "$LIB/*" -DQPID_WORK="$WORK" -Dqpid.work_dir="$WORK" \
  -Dpemilu.broker.port="${BROKER_PORT:-5672}" -Dqpid.amqp_port="${BROKER_PORT:-5672}" \
  org.apache.qpid.server.Main --initial-config-path "$ROOT/broker/initial-config.json" \
  --store-path "$WORK/config.json" > "$SUITE_DIR/logs/broker.log" 2>&1 &
echo $!
