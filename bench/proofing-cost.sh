#!/usr/bin/env bash
# What the proofing stage (spelling and glossary, docs/adr/0034) costs a build (issue #18).
# Each run is a fresh JVM with the launcher's flags and --strict, once with proofing and once
# without (-Dpolisi.proof=false), alternating, on the real content and on a generated cluster. The
# PDF stage is left out of both (-Dpolisi.pdf=false): bench/pdf-cost.sh measures it.
#
#   bench/proofing-cost.sh                  # real content x3, cluster of 100 schools x2
#   RUNS=5 BIG_RUNS=3 SIZE=100 bench/proofing-cost.sh
#   POLISI_CP='/some/copy/polisi-site.jar:/some/copy/lib/*' bench/proofing-cost.sh   # a fixed build
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench). Results: results/proofing-cost.tsv
# (wall, user CPU and system CPU seconds from /usr/bin/time, how long the build waited for the proof
# stage, how long the stage ran on its own thread alongside render and check, that thread's CPU seconds
# ("-" from a build that does not report it), warnings, load). On a
# shared machine compare the CPU seconds: they do not grow with other people's load as wall time does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-2}"
SIZE="${SIZE:-100}"
BENCH_MODULES="bench/site-bench -am"
source bench/cost-setup.sh

# run NAME ROOT PROOF: one cold strict build; appends a row.
run() {
  local name="$1" root="$2" proof="$3" out="$B/results/proof-$1-$3.out"
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -Dpolisi.timings=true -Dpolisi.proof="$proof" -Dpolisi.pdf=false \
    -Dpolisi.root="$root" -cp "$CP" org.polisi.site.cli.PolisiCli build --strict --no-cache >"$out" 2>&1 || { cat "$out"; exit 1; }
  local stage; stage=$(grep -oE 'proof [0-9.]+ s' "$out" | grep -oE '[0-9.]+' || echo 0)
  local ran; ran=$(grep -oE 'ran [0-9.]+ s alongside' "$out" | grep -oE '[0-9.]+' || echo 0)
  local cpu; cpu=$(grep -oE 'alongside render and check; [0-9.]+ s CPU' "$out" | grep -oE '[0-9.]+' || echo -)
  local warnings; warnings=$(grep -oE '[0-9]+ warnings' "$out" | cut -d' ' -f1)
  printf "%s\t%s\tproof=%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$name" "$proof" "$(cat "$B/results/time.tmp")" \
    "$stage" "$ran" "$cpu" "$warnings" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$B/results/proofing-cost.tsv"
}

rm -rf "$B/proof-real" && mkdir -p "$B/proof-real"
cp -r content "$B/proof-real/content" && cp -r themes "$B/proof-real/themes"
for i in $(seq "$RUNS"); do run real "$B/proof-real" true; run real "$B/proof-real" false; done

if [ "$SIZE" -gt 0 ]; then
  rm -rf "$B/proof-c$SIZE"
  [ -d bench/site-bench/target/classes ] || ./mvnw -q -B -o -pl bench/site-bench -am -Dmaven.test.skip=true package >&2
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$ROOT" -cp "bench/site-bench/target/classes:$CP" org.polisi.site.bench.BenchCommand generate --schools "$SIZE" --out "$B/proof-c$SIZE" >&2
  for i in $(seq "$BIG_RUNS"); do run "cluster-$SIZE" "$B/proof-c$SIZE" true; run "cluster-$SIZE" "$B/proof-c$SIZE" false; done
fi
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
