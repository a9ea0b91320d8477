#!/usr/bin/env bash
# What the PDF stage (an accessible PDF of every policy and appendix, docs/adr/0047) costs a build
# (issue #17). Each run is a fresh JVM with the launcher's flags and --strict, alternating: without
# PDFs (-Dpolisi.pdf=false), with PDFs made from nothing (the work folder's pdf/ cache emptied
# first), and with PDFs of unchanged pages taken from that cache (a rebuild).
#
#   bench/pdf-cost.sh               # real content x3
#   RUNS=5 bench/pdf-cost.sh
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench). Results: results/pdf-cost.tsv
# (mode, wall, user CPU and system CPU seconds from /usr/bin/time, PDFs published, the PDF stage's
# threads' CPU seconds ("-" from a build that does not report it), load). On a
# shared machine compare the CPU seconds: they do not grow with other people's load as wall time does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
source bench/cost-setup.sh
R="$B/pdf-real"
rm -rf "$R" && mkdir -p "$R" && cp -r content "$R/content" && cp -r themes "$R/themes"

# run MODE PDF: one cold strict build; appends a row.
run() {
  local mode="$1" pdf="$2" out="$B/results/pdf-$1.out"
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -Dpolisi.timings=true -Dpolisi.pdf="$pdf" \
    -Dpolisi.root="$R" -cp "$CP" org.polisi.site.cli.PolisiCli build --strict --no-cache >"$out" 2>&1 || { cat "$out"; exit 1; }
  local cpu; cpu=$(grep -oE 'waited [0-9.]+ s; [0-9.]+ s CPU' "$out" | grep -oE '[0-9.]+ s CPU' | grep -oE '[0-9.]+' || echo -)
  printf "%s\treal\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$mode" "$(cat "$B/results/time.tmp")" \
    "$(find "$R/site/target/public" -name '*.pdf' | wc -l)" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$B/results/pdf-cost.tsv"
}

run warmup false
for i in $(seq "$RUNS"); do
  run no-pdf false
  rm -rf "$R/site/target/build/pdf"; run pdf-fresh true
  run pdf-cached true
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
