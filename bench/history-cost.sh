#!/usr/bin/env bash
# Cost of the history stage (docs/adr/0038): interleaved strict builds of the real content in place
# (inside its git repository, which the stage reads): BASE, a packaged checkout without the stage
# (e.g. `git clone . /tmp/base && git -C /tmp/base checkout <commit> && (cd /tmp/base && ./polisi build)`),
# then this tree with its cache of earlier versions deleted ("fresh") and kept ("kept").
#   BASE=/tmp/base bench/history-cost.sh
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${BASE:?set BASE to a packaged checkout without the history stage}"
B="${BENCH_DIR:-/tmp/polisi-history-bench}"; mkdir -p "$B"
run() { # name root
  local name=$1 root=$2
  local start=$(date +%s.%N)
  (cd "$root" && java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m -Dpolisi.timings=true -Dpolisi.root="$root" \
    -cp "site/target/polisi-site-0.1.0-SNAPSHOT.jar:site/target/lib/*" org.polisi.site.cli.PolisiCli build --strict --no-cache \
    --out "$B/out-$name" --agreed-texts "$B/at-$name" > "$B/log-$name.txt" 2>&1)
  local end=$(date +%s.%N)
  printf "%s\twall %.2f s\tload %s\t%s\t%s\n" "$name" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(grep -o 'history: .*' "$B/log-$name.txt")" "$(grep -o 'timings: .*' "$B/log-$name.txt")"
}
for i in 1 2 3; do
  run base "$BASE"
  rm -rf "$ROOT/site/target/build/history"
  run fresh "$ROOT"
  run kept "$ROOT"
done
