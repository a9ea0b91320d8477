#!/usr/bin/env bash
# Form intake benchmark (issue #8). Starts the forms server as `./polisi serve --no-build` runs it,
# on 127.0.0.1 with a fresh database, and measures:
#   - start-up: launch to the first HTTP answer;
#   - the storage ceiling: raw Jdbi insert transactions/s with the server's SQLite settings;
#   - valid consent submissions (Rumney's digital-images-consent, from site/target/manifests) at
#     concurrency 1, 2, 4, 8, 16, 32, and a mixed run with one invalid submission in five;
#   - that every acknowledged reference (303 Location) is in the database;
#   - a crash run: kill -9 during load, restart, count acknowledged submissions missing.
#
#   bench/form-intake.sh                       # RUNS=3 REQUESTS=10000 SECONDS_PER_LEVEL=15 LEVELS=1,2,4,8,16,32
#
# Needs a site build (./polisi build) for the manifest. The per-address rate limit is raised for
# the benchmark through POLISI_RATE_LIMIT_SUBMISSIONS (config key rate-limit.submissions).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
B="${BENCH_DIR:-/tmp/polisi-bench}/forms"
RUNS="${RUNS:-3}"
REQUESTS="${REQUESTS:-10000}"
SECONDS_PER_LEVEL="${SECONDS_PER_LEVEL:-15}"
LEVELS="${LEVELS:-1,2,4,8,16,32}"
PORT="${PORT:-18271}"
MANIFEST="${MANIFEST:-site/target/manifests/rumney.json}"
mkdir -p "$B"
[ -f "$MANIFEST" ] || { echo "no $MANIFEST: run ./polisi build first" >&2; exit 1; }
[ -d bench/forms-bench/target/classes/org/polisi/forms/bench ] || ./mvnw -q -B -o -pl bench/forms-bench -am -Dmaven.test.skip=true package >&2
CP="bench/forms-bench/target/classes:forms-server/target/classes:forms-server/target/lib/*"
echo "# $(date -Iseconds) on $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

server_pid=""
start_server() {   # start_server DB: sets server_pid, prints the start-up time
  local begin; begin=$(date +%s%N)
  POLISI_RATE_LIMIT_SUBMISSIONS=1000000000 java ${POLISI_SERVER_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -Dpolisi.root="$ROOT" -cp "$CP" \
    org.polisi.forms.cli.FormsCli serve --site site/target/public --manifests site/target/manifests \
    --port "$PORT" --db "$1" > "$B/server.out" 2>&1 &
  server_pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$B/server.out"; exit 1; }
    sleep 0.02
  done
  printf "%s\tstart-up\t%d ms\n" "$(date -Iseconds)" $((($(date +%s%N) - begin) / 1000000)) | tee -a "$B/intake.tsv"
}
stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
trap 'stop_server' EXIT
load() { java -cp "$CP" org.polisi.forms.bench.LoadGenerator --url "http://127.0.0.1:$PORT" --manifest "$MANIFEST" \
  --form digital-images-consent --requests "$REQUESTS" --seconds "$SECONDS_PER_LEVEL" --server-pid "$server_pid" \
  --results "$B/intake.tsv" "$@"; }

for run in $(seq "$RUNS"); do
  rm -rf "$B/ceiling" && mkdir -p "$B/ceiling"
  java -cp "$CP" org.polisi.forms.bench.StorageCeiling "$B/ceiling/polisi.db" 10 | sed "s/^/$(date -Iseconds)\t/" | tee -a "$B/intake.tsv"
  rm -rf "$B/ceiling" && mkdir -p "$B/ceiling"
  java -cp "$CP" org.polisi.forms.bench.StorageCeiling "$B/ceiling/polisi.db" 5 NORMAL | sed "s/^/$(date -Iseconds)\t/" | tee -a "$B/intake.tsv"

  rm -rf "$B/data" && mkdir -p "$B/data"
  start_server "$B/data/polisi.db"
  load --concurrency "$LEVELS" --label "run$run-valid" --references "$B/acknowledged-valid.txt"
  load --concurrency 8 --invalid-every 5 --label "run$run-mixed" --references "$B/acknowledged-mixed.txt"
  stop_server
  cat "$B/acknowledged-valid.txt" "$B/acknowledged-mixed.txt" > "$B/acknowledged.txt"
  java -cp "$CP" org.polisi.forms.bench.AcknowledgedCheck "$B/data/polisi.db" "$B/acknowledged.txt" \
    | sed "s/^/$(date -Iseconds)\trun$run-check\t/" | tee -a "$B/intake.tsv"
done

# Crash: kill -9 the server in the middle of a run at concurrency 8, restart it, count what is missing.
rm -rf "$B/crash" && mkdir -p "$B/crash"
start_server "$B/crash/polisi.db"
java -cp "$CP" org.polisi.forms.bench.LoadGenerator --url "http://127.0.0.1:$PORT" --manifest "$MANIFEST" \
  --form digital-images-consent --requests 100000 --seconds 8 --concurrency 8 --label crash \
  --references "$B/acknowledged-crash.txt" --results "$B/intake.tsv" &
generator=$!
sleep 4
kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true
printf "%s\tkill -9 sent\n" "$(date -Iseconds)" | tee -a "$B/intake.tsv"
wait "$generator" || true
start_server "$B/crash/polisi.db"
stop_server
java -cp "$CP" org.polisi.forms.bench.AcknowledgedCheck "$B/crash/polisi.db" "$B/acknowledged-crash.txt" \
  | sed "s/^/$(date -Iseconds)\tcrash-check\t/" | tee -a "$B/intake.tsv" || true
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
