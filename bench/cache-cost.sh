#!/usr/bin/env bash
# What the build cache saves (issue #19, docs/adr/0055-build-cache.md). Each build is a fresh JVM
# with the launcher's flags and --strict, as ./polisi build runs it; every round runs the cases one
# after the other, so that other people's load falls on all of them alike:
#   cold      --no-cache: every page converted (the work folder's PDFs and proofing answers kept,
#             as in bench/site-build.sh's cold builds)
#   warm      the cache, nothing changed
#   page      the cache, after a sentence was added to one school's page
#   template  the cache, after a sentence was added to a template section every school inherits
#             (clusters only: the real content's schools replace what they change)
#
#   bench/cache-cost.sh                    # real content and the 100-school cluster, 3 rounds
#   RUNS=5 SIZES="10 100" bench/cache-cost.sh
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench), content copied. Results:
# results/cache-cost.tsv: time, corpus, case, wall, user CPU, system CPU (s, /usr/bin/time), pages
# converted / pages, load average (1 min). On a shared machine compare the CPU seconds too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
SIZES="${SIZES-100}"
BENCH_MODULES="bench/site-bench -am"
source bench/cost-setup.sh
BENCH_CP="bench/site-bench/target/classes:$CP"

# run CORPUS ROOT CASE [--no-cache]: one strict build; appends a row.
run() {
  local corpus="$1" root="$2" case="$3" out="$B/results/cache-$1-$3.out"
  shift 3
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -Dpolisi.root="$root" -cp "$CP" \
    org.polisi.site.cli.PolisiCli build --strict "$@" >"$out" 2>&1 || { cat "$out"; exit 1; }
  local converted; converted=$(grep -oE '[0-9]+ of [0-9]+ pages converted' "$out" | sed 's/ of /\//; s/ pages converted//')
  printf "%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$corpus" "$case" "$(cat "$B/results/time.tmp")" "$converted" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$B/results/cache-cost.tsv"
}

# add FILE LINE: appends a sentence, new each time (digits: the spelling check passes them), after line LINE.
add() {
  sed -i "$2a\\
\\
This part was last read again on day $((RANDOM * 32768 + RANDOM + $(date +%s)))." "$1"
}

rounds() {
  local corpus="$1" root="$2" page="$3" template="${4:-}"
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$root" -cp "$CP" org.polisi.site.cli.PolisiCli clean >/dev/null
  run "$corpus" "$root" first-build       # fills the cache and the work folder; not a case
  for i in $(seq "$RUNS"); do
    run "$corpus" "$root" cold --no-cache
    run "$corpus" "$root" warm
    add "$page" "$(grep -n '^$' "$page" | sed -n 3p | cut -d: -f1)"; run "$corpus" "$root" page
    if [ -n "$template" ]; then
      add "$template" "$(grep -n '^$' "$template" | sed -n 3p | cut -d: -f1)"; run "$corpus" "$root" template
    fi
  done
}

R="$B/cache-real"
rm -rf "$R" && mkdir -p "$R" && cp -r content "$R/content" && cp -r themes "$R/themes"
rounds real "$R" "$R/content/schools/aberford/en/internet-policy.adoc"
for n in $SIZES; do
  C="$B/cache-c$n"
  rm -rf "$C"
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$ROOT" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand generate --schools "$n" --out "$C" >&2
  rounds "cluster-$n" "$C" "$C/content/schools/school-001/en/online-safety-policy.adoc" \
    "$C/content/clusters/bench/en/data-protection-policy.adoc"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
