#!/usr/bin/env bash
# Site build benchmark (issue #8). Measures, each run in a fresh JVM as ./polisi build runs:
# cold wall time and peak RSS (/usr/bin/time), peak heap (GC log), the build's own stage timings;
# the same resolved .adoc files through bare AsciidoctorJ (1 and 2 threads) and plain JBake;
# and, for the real content, the save-to-rebuilt-page time in ./polisi preview.
#
#   bench/site-build.sh                 # real content and clusters of 10, 50 and 100 schools, x3 each (~6 min)
#   RUNS=3 BIG_RUNS=3 SIZES="10 50 100" bench/site-build.sh
#   SIZES="" bench/site-build.sh        # real content only
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench), never in the project's own
# site/target: content is copied, so the preview test's edits never touch content/.
# Results: $BENCH_DIR/results/site-*.tsv and a summary on standard output.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
B="${BENCH_DIR:-/tmp/polisi-bench}"
RUNS="${RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-3}"          # runs for clusters of 50 schools and more
SIZES="${SIZES-10 50 100}"
PREVIEW_EDITS="${PREVIEW_EDITS:-3}"
JAVA_FLAGS=(${POLISI_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m})
mkdir -p "$B/results"

echo "# $(date -Iseconds) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
./mvnw -q -B -o -pl bench/site-bench -am -Dmaven.test.skip=true package >&2
CP="site/target/polisi-site-0.1.0-SNAPSHOT.jar:site/target/lib/*"
BENCH_CP="bench/site-bench/target/classes:$CP"   # the tools (org.polisi.site.bench.BenchCommand), outside ./polisi
polisi() { java "${JAVA_FLAGS[@]}" "$@"; }

# Peak heap used (before a collection) and committed, in MB, from a -Xlog:gc file.
peak_heap() { grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$1" | awk -F'[M>()-]+' '{u=($1>u?$1:u); c=($3>c?$3:c)} END {printf "%d\t%d", u+0, c+0}'; }

# cold_build NAME ROOT: one fresh-JVM strict build; appends a row to results/site-builds.tsv.
cold_build() {
  local name="$1" root="$2" log="$B/results/gc-$1.log" out="$B/results/build-$1.out"
  /usr/bin/time -f "%e %M" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -Xlog:gc:file="$log" -Dpolisi.timings=true \
    -Dpolisi.root="$root" -cp "$CP" org.polisi.site.cli.PolisiCli build --strict --no-cache >"$out" 2>&1 || { cat "$out"; exit 1; }
  read -r wall rss_kb < "$B/results/time.tmp"
  local pages; pages=$(grep -oE '[0-9]+ pages, [0-9]+ languages' "$out" | cut -d' ' -f1)
  local inproc; inproc=$(grep -oE 'warnings, [0-9.]+ s' "$out" | grep -oE '[0-9.]+ s' | cut -d' ' -f1)
  local stages; stages=$(grep -oE 'timings: .*' "$out" | sed 's/timings: //')
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$name" "$pages" "$wall" "$((rss_kb / 1024))" \
    "$(peak_heap "$log")" "$inproc" "$stages" | tee -a "$B/results/site-builds.tsv"
}

# baselines NAME ROOT: bare AsciidoctorJ (1 and 2 threads) and plain JBake on the files the build resolved.
baselines() {
  local name="$1" root="$2" adoc="$2/site/target/build/staged"
  # The staged AsciiDoc is written only on request (-Dpolisi.keep-staged), outside the measured builds.
  java "${JAVA_FLAGS[@]}" -Dpolisi.keep-staged=true -Dpolisi.root="$root" -cp "$CP" org.polisi.site.cli.PolisiCli build \
    > "$B/results/staging.out" 2>&1 || { cat "$B/results/staging.out"; exit 1; }
  for threads in 1 2; do
    /usr/bin/time -f "%e %M" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand asciidoctor \
      "$adoc" --out "$B/baseline-html" --threads "$threads" > "$B/results/bare.out" 2>&1 || { cat "$B/results/bare.out"; exit 1; }
    read -r wall rss_kb < "$B/results/time.tmp"
    printf "%s\t%s\tbare-asciidoctorj-%st\t%s\t%s\t%s\n" "$(date -Iseconds)" "$name" "$threads" "$wall" "$((rss_kb / 1024))" \
      "$(tail -1 "$B/results/bare.out")" | tee -a "$B/results/site-baselines.tsv"
  done
  # Plain JBake grows with the square of the page count (see docs/benchmarks.md): past ~1,000 pages
  # it would run for hours, so it is measured on the smaller corpora only.
  if [ "$(find "$adoc" -name '*.adoc' | wc -l)" -gt "${JBAKE_BASELINE_MAX_PAGES:-1000}" ]; then return; fi
  /usr/bin/time -f "%e %M" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand jbake \
    "$adoc" --out "$B/baseline-jbake" > "$B/results/jbake.out" 2>&1 || { cat "$B/results/jbake.out"; exit 1; }
  read -r wall rss_kb < "$B/results/time.tmp"
  printf "%s\t%s\tplain-jbake\t%s\t%s\t%s\n" "$(date -Iseconds)" "$name" "$wall" "$((rss_kb / 1024))" \
    "$(tail -1 "$B/results/jbake.out")" | tee -a "$B/results/site-baselines.tsv"
}

# The real content, copied (the preview test edits a page).
rm -rf "$B/real" && mkdir -p "$B/real"
cp -r content "$B/real/content" && cp -r themes "$B/real/themes"
for i in $(seq "$RUNS"); do cold_build real "$B/real"; done
for i in $(seq "$RUNS"); do baselines real "$B/real"; done

# Synthetic clusters.
for n in $SIZES; do
  polisi -Dpolisi.root="$ROOT" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand generate --schools "$n" --out "$B/c$n" >&2
  runs=$RUNS; [ "$n" -ge 50 ] && runs=$BIG_RUNS
  for i in $(seq "$runs"); do cold_build "cluster-$n" "$B/c$n"; done
  baselines "cluster-$n" "$B/c$n"
done

# Preview: save one page, time until the served page has the new text.
PORT="${PREVIEW_PORT:-18181}"
page="$B/real/content/schools/aberford/en/internet-policy.adoc"
html="$B/real/site/target/public/aberford/en/internet-policy.html"
java "${JAVA_FLAGS[@]}" -Dpolisi.root="$B/real" -cp "$CP" org.polisi.site.cli.PolisiCli preview --port "$PORT" > "$B/results/preview.out" 2>&1 &
preview_pid=$!
trap 'kill "$preview_pid" 2>/dev/null || true' EXIT
until grep -q "Previewing on" "$B/results/preview.out"; do
  kill -0 "$preview_pid" 2>/dev/null || { cat "$B/results/preview.out"; exit 1; }
  sleep 0.2
done
for i in $(seq "$PREVIEW_EDITS"); do
  sleep 2
  marker="benchmarkmarker$RANDOM$i"
  start=$(date +%s%N)
  printf '\nThe preview benchmark added this sentence %s.\n' "$marker" >> "$page"
  until grep -q "$marker" "$html" 2>/dev/null; do sleep 0.01; done
  end=$(date +%s%N)
  printf "%s\tpreview-save-to-page\t%d ms\n" "$(date -Iseconds)" $(((end - start) / 1000000)) | tee -a "$B/results/site-preview.tsv"
done
kill "$preview_pid"; wait "$preview_pid" 2>/dev/null || true
trap - EXIT
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
