#!/usr/bin/env bash
# A cold build of the real content as a user runs it, before and after a change, against Hugo and
# bare AsciidoctorJ, in one run (issue #19's first cold-build goal; docs/adr/0068-cold-build-start-up.md).
# Each round runs, one after the other, so that other people's load falls on all of them alike:
#   before    BASE_ROOT/polisi build --no-cache  (a worktree of the commit to compare against, built once)
#   after     ./polisi build --no-cache          (this worktree)
#   hugo      Hugo with Debian's asciidoctor on the staged AsciiDoc (bench/hugo-baseline.sh)
#   bare-2t   bare AsciidoctorJ on 2 threads, same staged AsciiDoc, with the launcher's JVM flags
#   after-server  ./polisi build --no-cache as `./polisi build` runs by default: handed to this
#             checkout's build server (docs/adr/0079), which an earlier, unmeasured build started;
#             its rows count the client's CPU only (the server's is not the client's child)
# before and after run in a fresh JVM each (POLISI_DAEMON=off), as a user's very first build does.
# Both launchers use their own class-data archive, which the unmeasured first build of each writes
# (as on a user's machine after `./polisi build` has run once). CPU is user + system of the whole
# process tree (/usr/bin/time), the launcher's shell included.
#
#   git worktree add --detach /tmp/base 438ffd7 && (cd /tmp/base && ./polisi build)
#   BASE_ROOT=/tmp/base RUNS=3 bench/cold-build.sh
#
# Rows: $BENCH_DIR/results/cold-build.tsv (default /tmp/polisi-bench): time, case, wall, user CPU,
# system CPU (s), load average (1 min).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${BASE_ROOT:?BASE_ROOT must name a built worktree of the commit to compare against}"
RUNS="${RUNS:-3}"
BENCH_MODULES="bench/site-bench -am"
source bench/cost-setup.sh
BENCH_CP="${BENCH_CLASSES:-bench/site-bench/target/classes}:$CP"

row() {   # row CASE TIMEFILE
  printf "%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$1" "$(cat "$2")" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$B/results/cold-build.tsv"
}
launcher() {   # launcher CASE ROOT: one ./polisi build --no-cache there
  POLISI_DAEMON=off /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" "$2/polisi" build --no-cache > "$B/results/cold-$1.out" 2>&1 \
    || { cat "$B/results/cold-$1.out"; exit 1; }
  row "$1" "$B/results/time.tmp"
}

# The first build of each launcher writes its archive (and its PDFs); not a case. Both archives are
# made afresh by a build that converts every page, as a user's first build after a compile does
# (Polisi's code is in every cache key): with the cache, a jar repackaged byte for byte (above, or a
# worktree built earlier) would convert nothing, and an archive recorded so lacks the classes a
# conversion loads, which would then cost every measured build of that side (docs/adr/0092).
rm -f "$BASE_ROOT/site/target/polisi-site.jsa" site/target/polisi-site.jsa
POLISI_DAEMON=off "$BASE_ROOT/polisi" build --no-cache > "$B/results/cold-first-before.out" 2>&1
POLISI_DAEMON=off ./polisi build --no-cache > "$B/results/cold-first-after.out" 2>&1
# The build server of the after-server case, started by an unmeasured build as a user's first build starts it.
./polisi build --stop > /dev/null 2>&1 || true
env -u POLISI_DAEMON ./polisi build --no-cache > "$B/results/cold-first-server.out" 2>&1
trap './polisi build --stop > /dev/null 2>&1 || true' EXIT
# The staged AsciiDoc the baselines convert: a copy of the content, built once with it kept.
S="$B/cold-real"
rm -rf "$S" && mkdir -p "$S" && cp -r content "$S/content" && cp -r themes "$S/themes"
java "${JAVA_FLAGS[@]}" -Dpolisi.keep-staged=true -Dpolisi.root="$S" -cp "$CP" org.polisi.site.cli.PolisiCli build --no-cache > "$B/results/cold-staged.out" 2>&1
for i in $(seq "$RUNS"); do
  launcher before "$BASE_ROOT"
  launcher after "$ROOT"
  HUGO_TIME="$B/results/time.tmp" bench/hugo-baseline.sh "$S" 1 > "$B/results/cold-hugo.out" 2>&1 || { cat "$B/results/cold-hugo.out"; exit 1; }
  row hugo "$B/results/time.tmp"
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand \
    asciidoctor "$S/site/target/build/staged" --out "$B/baseline-html" --threads 2 > "$B/results/cold-bare.out" 2>&1
  row bare-2t "$B/results/time.tmp"
  env -u POLISI_DAEMON /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" ./polisi build --no-cache > "$B/results/cold-server.out" 2>&1 \
    || { cat "$B/results/cold-server.out"; exit 1; }
  row after-server "$B/results/time.tmp"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
