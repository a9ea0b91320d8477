#!/usr/bin/env bash
# The forms server's CPU time per submission (issue 23): what a loaded machine can still compare,
# where accepted/s swings with other jobs. Starts the server of TREE (default: this checkout) as
# bench/form-intake.sh does, with a fresh SQLite file, and reads its utime+stime (/proc/PID/stat) and
# its ledger writer thread's (/proc/PID/task/*/stat) around fixed numbers of requests at 8 callers:
#   valid    REQUESTS valid consent forms (Rumney's digital-images-consent, 5 consent events each)
#   refused  REQUESTS forms missing required fields (a 422 before ADR 0052, a draft and a 303 since)
#   mixed    REQUESTS with one refused in five
# after WARM_UP valid and WARM_UP/3 refused to let the JIT settle. Then checks that every acknowledged
# reference is in the database. Prints one line per phase: CPU ms per accepted (valid, mixed) or per
# request (refused), the writer thread's share, and the load average.
#
#   bench/intake-cpu.sh                          # this checkout
#   TREE=/work/wt-base880 bench/intake-cpu.sh    # another checkout, built (./mvnw -o -DskipTests package, ./polisi build)
#
# Alternate two trees, several times, and compare the means: see docs/benchmarks.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TREE="$(cd "${TREE:-$HERE}" && pwd)"
cd "$TREE"
B="${BENCH_DIR:-/tmp/polisi-bench}/cpu"
REQUESTS="${REQUESTS:-4000}"
WARM_UP="${WARM_UP:-3000}"
CALLERS="${CALLERS:-8}"
PORT="${PORT:-18391}"
MANIFEST=site/target/manifests/rumney.json
[ -f "$MANIFEST" ] || { echo "no $TREE/$MANIFEST: run ./polisi build there first" >&2; exit 1; }
CP="forms-server/target/classes:forms-server/target/lib/*"
[ -d bench/forms-bench/target/classes ] && CP="bench/forms-bench/target/classes:$CP"
rm -rf "$B" && mkdir -p "$B"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
writer_ticks() {   # the ledger writer thread's utime+stime ("polisi-ledger-w" in comm, 15 characters)
  local task
  for task in /proc/"$1"/task/*; do
    if [ "$(cat "$task/comm" 2>/dev/null)" = "polisi-ledger-w" ]; then awk '{print $14 + $15}' "$task/stat"; return; fi
  done
  echo 0
}
HZ=$(getconf CLK_TCK)

POLISI_RATE_LIMIT_SUBMISSIONS=1000000000 POLISI_HTTP_REQUESTS_PER_CLIENT=64 \
  java ${POLISI_SERVER_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -Dpolisi.root="$TREE" -cp "$CP" \
  org.polisi.forms.cli.FormsCli serve --site site/target/public --manifests site/target/manifests \
  --port "$PORT" --db "$B/polisi.db" > "$B/server.out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
  kill -0 "$pid" 2>/dev/null || { cat "$B/server.out"; exit 1; }
  sleep 0.05
done

load() {   # load LABEL REQUESTS INVALID_EVERY: prints the generator's row
  java -cp "$CP" org.polisi.forms.bench.LoadGenerator --url "http://127.0.0.1:$PORT" --manifest "$MANIFEST" \
    --form digital-images-consent --requests "$2" --seconds 600 --concurrency "$CALLERS" --invalid-every "$3" \
    --label "$1" --references "$B/ack-$1.txt" | tail -1
}
phase() {   # phase LABEL INVALID_EVERY
  local before writer_before row sent accepted rejected errors per cpu writer
  before=$(ticks "$pid"); writer_before=$(writer_ticks "$pid")
  row=$(load "$1" "$REQUESTS" "$2")
  cpu=$(( $(ticks "$pid") - before )); writer=$(( $(writer_ticks "$pid") - writer_before ))
  sent=$(cut -f3 <<<"$row"); accepted=$(cut -f4 <<<"$row"); rejected=$(cut -f5 <<<"$row"); errors=$(cut -f6 <<<"$row")
  per=$accepted; [ "$accepted" -eq 0 ] && per=$sent
  awk -v l="$1" -v c="$cpu" -v w="$writer" -v n="$per" -v hz="$HZ" -v s="$sent" -v a="$accepted" -v r="$rejected" \
      -v e="$errors" -v rate="$(cut -f8 <<<"$row")" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%s\tsent %d, accepted %d, refused %d, errors %d\tserver %.3f ms\twriter %.3f ms\tper %s\t%s/s\tload %s\n",
             l, s, a, r, e, c * 1000 / hz / n, w * 1000 / hz / n, (a > 0 ? "accepted" : "request"), rate, load }'
}

echo "# $(date -Iseconds) $TREE at $(git rev-parse --short HEAD); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
load warm-valid "$WARM_UP" 0 > /dev/null
load warm-refused $((WARM_UP / 3)) 1 > /dev/null
phase valid 0
phase refused 1
phase mixed 5
kill "$pid"; wait "$pid" 2>/dev/null || true; trap - EXIT
cat "$B"/ack-*.txt > "$B/acknowledged.txt"
java -cp "$CP" org.polisi.forms.bench.AcknowledgedCheck "$B/polisi.db" "$B/acknowledged.txt" | sed 's/^/check\t/'
