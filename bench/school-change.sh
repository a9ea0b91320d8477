#!/usr/bin/env bash
# One school's page changed on a cluster (issue #19, docs/adr/0067-per-school-builds.md): a fresh
# `build --strict` per change and a long-lived `preview`, for a baseline class path against this
# one, alternated in each round so that other people's load falls on both alike.
#   fresh process  each round, for BASE then NEW: a sentence added to one school's page, then a
#                  fresh-JVM build with the launcher's flags (rows "page"); for NEW also the same
#                  with the launcher's class-data archive (rows "page-cds", the archive written by the
#                  first build, which converts every page, as ./polisi writes it after a compile), and a template section
#                  changed ("template"), nothing changed ("warm") and a cold --no-cache build
#                  ("cold") for the ratios of issue 19's other goals
#   long-lived     `preview` of each class path on its own copy, EDITS saves of one school's page:
#                  the time from the save until the published page holds the new sentence
#                  ("preview-save-to-page", ms), and the preview process's CPU for that rebuild
#                  (utime+stime from /proc, s)
#   build server   (PHASES=server) ./polisi build through the build server against a fresh JVM, on one
#                  copy, alternated; the cold first build that starts the server (docs/adr/0079)
#
#   BASE_CP=/tmp/base/polisi-site.jar:/tmp/base/lib/* bench/school-change.sh        # NEW: this checkout
#   SIZE=100 RUNS=3 EDITS=5 PDF=false bench/school-change.sh
#   PHASES=preview bench/school-change.sh                 # the previews only, on the copies of an earlier run
#   BASE_CP=unused PHASES=server bench/school-change.sh   # ./polisi build with and without the build server (ADR 0079)
#
# Everything runs under $BENCH_DIR (default /tmp/polisi-bench): a generated cluster copied once per
# class path. Results: results/school-change.tsv: time, class path, case, wall s, user s, system s,
# pages converted/pages, sites kept, load average (1 min).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZE="${SIZE:-100}"; RUNS="${RUNS:-3}"; EDITS="${EDITS:-5}"; PORT="${PORT:-18931}"
PHASES="${PHASES:-fresh server preview}"   # "preview" alone reuses the copies a run left in $BENCH_DIR
BENCH_MODULES="bench/site-bench -am"
source bench/cost-setup.sh
NEW_CP="$CP"
BASE_CP="${BASE_CP:?name the baseline class path, e.g. a jar of main and its lib/*}"
BENCH_CP="${BENCH_CLASSES:-bench/site-bench/target/classes}:$CP"
JAVA_FLAGS+=(-Dpolisi.pdf="${PDF:-false}")
CDS="$B/school-change-new.jsa"
T="$B/results/school-change.tsv"

row() {   # row WHICH CASE TIMEFILE OUT
  local converted kept
  converted=$(grep -oE '[0-9,]+ of [0-9,]+ pages converted' "$4" | head -1 | sed 's/ of /\//; s/ pages converted//' || true)
  kept=$(grep -oE '[0-9]+ sites? unchanged' "$4" | grep -oE '^[0-9]+' || echo 0)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$(date -Iseconds)" "$1" "$2" "$(cat "$3")" "$converted" "$kept" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$T"
}

build() {   # build WHICH CASE [ARGS]: one fresh-JVM strict build of that class path's copy
  local which="$1" case="$2" cp root out="$B/results/school-change-$1-$2.out"; shift 2
  cp=$([ "$which" = base ] && echo "$BASE_CP" || echo "$NEW_CP"); root="$B/school-change-$which"
  local cds=(); [ "$case" = page-cds ] && cds=(-XX:SharedArchiveFile="$CDS" -Xlog:cds=off -Xlog:cds+dynamic=off)
  [ "$case" = archive ] && cds=(-XX:ArchiveClassesAtExit="$CDS" -Xlog:cds=off -Xlog:cds+dynamic=off)
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" ${cds[@]+"${cds[@]}"} -Dpolisi.root="$root" \
    -cp "$cp" org.polisi.site.cli.PolisiCli build --strict "$@" >"$out" 2>&1 || { tail -20 "$out"; exit 1; }
  row "$which" "$case" "$B/results/time.tmp" "$out"
}

# add FILE: appends a sentence, new each time (digits: the spelling check passes them), after its third blank line.
add() {
  local line; line=$(grep -n '^$' "$1" | sed -n 3p | cut -d: -f1)
  sed -i "${line}a\\
\\
This part was last read again on day $((RANDOM * 32768 + RANDOM + $(date +%s)))." "$1"
}

page=content/schools/school-001/en/online-safety-policy.adoc
template=content/clusters/bench/en/data-protection-policy.adoc
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
if [[ " $PHASES " == *" fresh "* ]]; then
rm -rf "$B/school-change-base" "$B/school-change-new"
java "${JAVA_FLAGS[@]}" -Dpolisi.root="$ROOT" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand generate --schools "$SIZE" --out "$B/school-change-new" >&2
cp -r "$B/school-change-new" "$B/school-change-base"
rm -f "$CDS"
build base first-build          # fills each copy's cache (not a case)
build new archive               # fills the cache and writes the class-data archive, as the launcher's first build after a compile (not a case)
for i in $(seq "$RUNS"); do
  for which in base new; do add "$B/school-change-$which/$page"; build "$which" page; done
  add "$B/school-change-new/$page"; build new page-cds
  build new warm
  add "$B/school-change-new/$template"; build new template
  build new cold --no-cache
  add "$B/school-change-new/$page"; build new after-no-cache   # every published folder is new after --no-cache: all built
done
fi

if [[ " $PHASES " == *" server "* ]]; then
# The build server (docs/adr/0079): ./polisi build as the launcher runs it (BuildClient, with the
# class-data archive), on a copy of its own. Its first build runs in its own process and starts the
# server ("server-first": the cold first build, every page converted). Then each round, alternated on
# the same copy: a sentence added and a fresh-JVM build without the server ("page-cds", as
# ./polisi build --no-daemon runs), then another sentence and a build through the server
# ("page-server": the client's wall and CPU; "page-server-cpu": the server's CPU for that build,
# from /proc). The server is stopped at the end. Every build's output: results/school-change-server.out.all
# (POLISI_JAVA_OPTS="... -Dpolisi.timings=true" adds each stage's time).
root="$B/school-change-server"; out="$B/results/school-change-server.out"; scds="$B/school-change-server.jsa"
rm -rf "$root"; rm -f "$scds" "$out.all"
java "${JAVA_FLAGS[@]}" -Dpolisi.root="$ROOT" -cp "$BENCH_CP" org.polisi.site.bench.BenchCommand generate --schools "$SIZE" --out "$root" >&2
client() {   # client CASE [CDS-FLAGS...]: one ./polisi build --strict through BuildClient
  local case="$1"; shift
  env -u CI -u POLISI_DAEMON /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" "$@" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dpolisi.root="$root" -cp "$NEW_CP" org.polisi.site.buildserver.BuildClient build --strict >"$out" 2>&1 || { tail -20 "$out"; exit 1; }
  row new "$case" "$B/results/time.tmp" "$out"; { echo "## $case"; cat "$out"; } >>"$out.all"
}
client server-first -XX:ArchiveClassesAtExit="$scds"     # in its own process; starts the server
until [ -S "$root/site/target/build-server/socket" ] && [ -f "$root/site/target/build-server/server.pid" ]; do sleep 0.5; done
spid=$(cat "$root/site/target/build-server/server.pid")
trap 'kill "$spid" 2>/dev/null || true' EXIT
sleep 20    # the server starts JRuby at once: let it finish before the first measured build
for i in $(seq "$RUNS"); do
  add "$root/$page"
  /usr/bin/time -f "%e\t%U\t%S" -o "$B/results/time.tmp" java "${JAVA_FLAGS[@]}" -XX:SharedArchiveFile="$scds" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dpolisi.root="$root" -cp "$NEW_CP" org.polisi.site.cli.PolisiCli build --strict >"$out" 2>&1 || { tail -20 "$out"; exit 1; }
  row new page-cds "$B/results/time.tmp" "$out"; { echo "## page-cds"; cat "$out"; } >>"$out.all"
  add "$root/$page"
  before=$(cpu_of "$spid")
  client page-server -XX:SharedArchiveFile="$scds"
  grep -q "^polisi:" "$out" && { echo "the build did not go through the server:"; cat "$out"; exit 1; }
  printf "%s\tnew\tpage-server-cpu\t\t%s\t\t\t\t%s\n" "$(date -Iseconds)" "$(echo "$(cpu_of "$spid") - $before" | bc)" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$T"
done
env -u CI java -cp "$NEW_CP" -Dpolisi.root="$root" org.polisi.site.buildserver.BuildClient build --stop
trap - EXIT
fi

[[ " $PHASES " == *" preview "* ]] || exit 0
# The long-lived process: one preview per class path, EDITS saves each, alternated by round.
preview() {   # preview WHICH: starts it and waits for its first build; sets PREVIEW_PID
  local cp root out="$B/results/school-change-preview-$1.out"
  cp=$([ "$1" = base ] && echo "$BASE_CP" || echo "$NEW_CP"); root="$B/school-change-$1"
  java "${JAVA_FLAGS[@]}" -Dpolisi.root="$root" -cp "$cp" org.polisi.site.cli.PolisiCli preview --port "$2" >"$out" 2>&1 &
  PREVIEW_PID=$!
  until grep -q "Previewing on" "$out"; do
    kill -0 "$PREVIEW_PID" 2>/dev/null || { tail -20 "$out"; exit 1; }
    sleep 0.2
  done
}
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
preview base "$PORT"; base_pid=$PREVIEW_PID
preview new $((PORT + 1)); new_pid=$PREVIEW_PID
trap 'kill "$base_pid" "$new_pid" 2>/dev/null || true' EXIT
sleep 5
for i in $(seq "$EDITS"); do
  for which in base new; do
    pid=$([ "$which" = base ] && echo "$base_pid" || echo "$new_pid")
    root="$B/school-change-$which"; html="$root/site/target/public/school-001/en/online-safety-policy.html"
    marker="preview$(date +%s%N)"
    before=$(cpu "$pid"); start=$(date +%s%N)
    printf '\nThe preview benchmark added this sentence %s.\n' "$marker" >> "$root/$page"
    until grep -q "$marker" "$html" 2>/dev/null; do sleep 0.01; done
    end=$(date +%s%N)
    sleep 1    # the rest of the rebuild (the records) before the CPU is read
    printf "%s\t%s\tpreview-save-to-page\t%d ms\t%s s CPU\t\t\t%s\n" "$(date -Iseconds)" "$which" $(((end - start) / 1000000)) \
      "$(echo "$(cpu "$pid") - $before" | bc)" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$T"
  done
done
kill "$base_pid" "$new_pid"; wait "$base_pid" "$new_pid" 2>/dev/null || true
trap - EXIT
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
