# Sourced by bench/proofing-cost.sh and bench/pdf-cost.sh (from the project root): the results
# folder $B, the launcher's JVM flags $JAVA_FLAGS, and the site's class path $CP, packaged here
# (Maven's -pl $BENCH_MODULES, default "site -am", e.g. "bench/site-bench -am") unless POLISI_CP names a fixed build.
B="${BENCH_DIR:-/tmp/polisi-bench}"
JAVA_FLAGS=(${POLISI_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m})
mkdir -p "$B/results"
echo "# $(date -Iseconds) on $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${POLISI_CP:-}" ]; then ./mvnw -q -B -o -pl ${BENCH_MODULES:-site -am} -Dmaven.test.skip=true package >&2; fi
CP="${POLISI_CP:-site/target/polisi-site-0.1.0-SNAPSHOT.jar:site/target/lib/*}"
