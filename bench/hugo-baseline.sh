#!/usr/bin/env bash
# Hugo as a third site-build baseline (issue #8): Debian's hugo building the same staged AsciiDoc
# that a Polisi build converts, through Debian's asciidoctor (Ruby), with a one-line template.
# Hugo has no AsciiDoc engine of its own: it runs the asciidoctor command once per page.
#
#   sudo apt-get install hugo asciidoctor
#   bench/hugo-baseline.sh ROOT [RUNS]     # ROOT: a project root built once with -Dpolisi.keep-staged=true
#
# The staged pages use Polisi's own macros (form::, tick:, policy:), which plain Asciidoctor prints
# as text: the work per page is the same parse and conversion, not the same output.
set -euo pipefail
ROOT="$1"; RUNS="${2:-3}"
STAGED="$ROOT/site/target/build/staged"
[ -d "$STAGED" ] || { echo "no $STAGED: build $ROOT with -Dpolisi.keep-staged=true first" >&2; exit 1; }
command -v hugo >/dev/null && command -v asciidoctor >/dev/null || { echo "needs hugo and asciidoctor" >&2; exit 1; }
SITE="${BENCH_DIR:-/tmp/polisi-bench}/hugo-$(basename "$ROOT")"
rm -rf "$SITE" && mkdir -p "$SITE/layouts/_default" "$SITE/content"
cp -r "$STAGED"/. "$SITE/content/"
# To Hugo a file named index.* makes its folder one page whose siblings are attachments: rename them.
find "$SITE/content" -name index.adoc -execdir mv index.adoc index-page.adoc \;
cat > "$SITE/config.toml" <<'TOML'
baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
[markup.asciidocExt]
  safeMode = "safe"
[security.exec]
  allow = ["^asciidoctor$"]
TOML
echo '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>' \
  > "$SITE/layouts/_default/single.html"
pages=$(find "$SITE/content" -name '*.adoc' | wc -l)
for i in $(seq "$RUNS"); do
  rm -rf "$SITE/public" "$SITE/resources"
  /usr/bin/time -f "%e %M %U %S" -o "$SITE/time.tmp" hugo --quiet --source "$SITE" > "$SITE/hugo.out" 2>&1 || { tail -20 "$SITE/hugo.out"; exit 1; }
  read -r wall rss_kb user sys < "$SITE/time.tmp"
  # HUGO_TIME=FILE also writes "wall<TAB>user<TAB>system" there (bench/cache-cost.sh's rows).
  if [ -n "${HUGO_TIME:-}" ]; then printf "%s\t%s\t%s" "$wall" "$user" "$sys" > "$HUGO_TIME"; fi
  printf "%s\t%s\thugo-asciidoctor\t%s s (CPU %s + %s s)\t%s MB\t%s pages, %s HTML files written\n" "$(date -Iseconds)" "$(basename "$ROOT")" \
    "$wall" "$user" "$sys" "$((rss_kb / 1024))" "$pages" "$(find "$SITE/public" -name '*.html' | wc -l)"
done
