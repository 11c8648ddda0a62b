# Process helpers shared by the benchmark scripts that start their own services (recap-service/bench/gateway.sh,
# gateway/bench/reads.sh); sourced, not run. Needs DATA (the run's temp dir) set before wait_up is called.
STARTED=()
# stops every process the script started (add a pid with STARTED+=("$pid")) and their children, on any exit
stop_started() {
  for pid in "${STARTED[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_started EXIT
# wait_up NAME URL PID: waits until URL answers 2xx; fails when PID died or after 300 s
wait_up() {
  local name=$1 url=$2 pid=$3 t0=$SECONDS
  until curl -sf "$url" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$name died, see $DATA"; tail -20 "$DATA/$name.log" 2>/dev/null; exit 1; }
    [ $((SECONDS - t0)) -lt 300 ] || { echo "$name not ready after 300 s, see $DATA"; exit 1; }
    sleep 1
  done
  echo "$name up after $((SECONDS - t0)) s"
}
