#!/usr/bin/env bash
# What the build cache saves, against the baselines, in one run (issue #19; docs/adr/0055-build-cache.md,
# docs/adr/0062-nothing-changed-builds.md). Each build is a fresh JVM with the launcher's flags and
# --strict, as ./polisi build runs it. Every round runs, one after the other, so that other people's
# load falls on all of them alike:
#   cold      --no-cache: every page converted (the work folder's PDFs and proofing answers kept,
#             as in bench/site-build.sh's cold builds); peak heap from -Xlog:gc
#   cached    the cache, nothing changed since the cold build; as that one neither read nor wrote the
#             cache's record of the last build, every stage runs (pages from the cache)
#   page      the cache, after a sentence was added to one school's page
#   warm      the cache, nothing changed since the page build: the last build's report is given again
#   template  the cache, after a sentence was added to a template section (the clusters' template:
#             every school inherits it; the real content's NGP template: Brynford and the preview)
#   bare-2t   bare AsciidoctorJ, 2 threads, on the staged AsciiDoc the build converts
#   hugo      Hugo with Debian's asciidoctor on the same staged AsciiDoc (bench/hugo-baseline.sh;
#             skipped when hugo or asciidoctor is not installed)
#
#   bench/cache-cost.sh                       # real content and clusters of 10 and 100 schools, 3 rounds
#   RUNS=3 BIG_RUNS=1 SIZES="10 100" bench/cache-cost.sh   # one round of the 100-school cluster
#   POLISI_CP=/tmp/jar/polisi-site.jar:/tmp/jar/lib/* bench/cache-cost.sh   # a fixed build, not packaged here
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench), content copied. Results:
# results/cache-cost.tsv: time, corpus, case, wall, user CPU, system CPU (s, /usr/bin/time), pages
# converted / pages, load average (1 min), peak heap used MB (cold only). On a shared machine compare
# the CPU seconds (user + system) too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-3}"
BIG_RUNS="${BIG_RUNS:-$RUNS}"       # rounds for clusters of 50 schools and more
SIZES="${SIZES-10 100}"
HUGO_CORPORA="${HUGO_CORPORA:-real}" # Hugo's goal is about the real content; on 100 schools it takes minutes
BENCH_MODULES="bench/site-bench -am"
source bench/cost-setup.sh
BENCH_CP="${BENCH_CLASSES:-bench/site-bench/target/classes}:$CP"
HUGO=0; command -v hugo >/dev/null && command -v asciidoctor >/dev/null && HUGO=1

# Peak heap used (before a collection), in MB, from a -Xlog:gc file.
peak_heap() { grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$1" | awk -F'[M>()-]+' '{u=($1>u?$1:u)} END {printf "%d", u+0}'; }

row() {   # row CORPUS CASE TIMEFILE CONVERTED HEAP
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$1" "$2" "$(cat "$3")" "$4" "$(cut -d' ' -f1 /proc/loadavg)" "$5" \
    | tee -a "$B/results/cache-cost.tsv"
}

# run CORPUS ROOT CASE [ARGS]: one strict build; appends a row.
run() {
  local corpus="$1" root="$2" case="$3" out="$B/results/cache-$1-$3.out" gc="$B/results/cache-$1-$3.gc"
  shift 3
  local keep=(); [ "$case" = first-build ] && keep=(-Dpolisi.keep-staged=true)
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" ${keep[@]+"${keep[@]}"} -Xlog:gc:file="$gc" -Dpolisi.root="$root" -cp "$CP" \
    org.polisi.site.cli.PolisiCli build --strict "$@" >"$out" 2>&1 || { cat "$out"; exit 1; }
  local converted; converted=$(grep -oE '[0-9,]+ of [0-9,]+ pages converted' "$out" | sed 's/ of /\//; s/ pages converted//')
  row "$corpus" "$case" "$B/results/time.tmp" "$converted" "$(peak_heap "$gc")"
}

# baselines CORPUS ROOT: bare AsciidoctorJ on 2 threads and Hugo, on the staged AsciiDoc of the first build.
baselines() {
  local corpus="$1" root="$2"
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand \
    asciidoctor "$root/site/target/build/staged" --out "$B/baseline-html" --threads 2 > "$B/results/bare.out" 2>&1 \
    || { cat "$B/results/bare.out"; exit 1; }
  row "$corpus" bare-2t "$B/results/time.tmp" "" ""
  if [ "$HUGO" = 1 ] && [[ " $HUGO_CORPORA " == *" $corpus "* ]]; then
    HUGO_TIME="$B/results/time.tmp" bench/hugo-baseline.sh "$root" 1 > "$B/results/hugo.out" 2>&1 || { cat "$B/results/hugo.out"; exit 1; }
    row "$corpus" hugo "$B/results/time.tmp" "$(grep -oE '[0-9]+ pages' "$B/results/hugo.out" | head -1)" ""
  fi
}

# add FILE: appends a sentence, new each time (digits: the spelling check passes them), after its third blank line.
add() {
  local line; line=$(grep -n '^$' "$1" | sed -n 3p | cut -d: -f1)
  sed -i "${line}a\\
\\
This part was last read again on day $((RANDOM * 32768 + RANDOM + $(date +%s)))." "$1"
}

rounds() {
  local corpus="$1" root="$2" page="$3" template="$4" runs="${5:-$RUNS}"
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$root" -cp "$CP" org.polisi.site.cli.PolisiCli clean >/dev/null
  # Fills the cache and the work folder (PDFs, proofing answers) and keeps the staged AsciiDoc for the baselines; not a case.
  run "$corpus" "$root" first-build
  for i in $(seq "$runs"); do
    run "$corpus" "$root" cold --no-cache
    run "$corpus" "$root" cached          # nothing changed, but the last build was --no-cache: every stage runs, pages from the cache
    add "$page"; run "$corpus" "$root" page
    run "$corpus" "$root" warm            # nothing changed since the last (cached) build
    add "$template"; run "$corpus" "$root" template
    baselines "$corpus" "$root"
  done
}

echo "# hugo: $([ "$HUGO" = 1 ] && hugo version | head -1 || echo 'not installed'); class path: $CP"
if [ "${REAL:-1}" = 1 ]; then      # REAL=0: the clusters only
  R="$B/cache-real"
  rm -rf "$R" && mkdir -p "$R" && cp -r content "$R/content" && cp -r themes "$R/themes"
  rounds real "$R" "$R/content/schools/aberford/en/internet-policy.adoc" "$R/content/clusters/ngp/en/online-safety-policy.adoc"
fi
for n in $SIZES; do
  C="$B/cache-c$n"
  rm -rf "$C"
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$ROOT" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand generate --schools "$n" --out "$C" >&2
  rounds "cluster-$n" "$C" "$C/content/schools/school-001/en/online-safety-policy.adoc" \
    "$C/content/clusters/bench/en/data-protection-policy.adoc" "$([ "$n" -ge 50 ] && echo "$BIG_RUNS" || echo "$RUNS")"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
