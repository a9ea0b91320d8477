#!/usr/bin/env bash
# Form intake on PostgreSQL beside SQLite (issue 16, docs/deploy.md, docs/adr/0054-several-instances.md).
# In one run, alternating, on 127.0.0.1 only:
#   - sqlite: one server on an SQLite file;
#   - pg-1:   one server on a local PostgreSQL cluster (default settings, synchronous_commit=on, fsync on);
#   - pg-2:   two servers on that database behind nginx, whose upstream block is docs/deploy.md's
#             "nginx-instances" snippet with this run's ports;
# each at the caller counts in LEVELS, with accepted/s, p50/p95/p99 and errors (LoadGenerator), the
# CPU seconds the servers, PostgreSQL, nginx and the load generator used, and the load average;
# then every acknowledged reference is looked up in the database. Also the storage ceilings in the
# same run: pgbench with a one-row INSERT script, and StorageCeiling for SQLite. Last, KILLS times:
# kill -9 of one of the two instances in the middle of a run, restart it; acknowledged submissions
# missing afterwards are counted.
#
#   bench/postgres-intake.sh        # RUNS=1 LEVELS=2,8,32,64 SECONDS_PER_LEVEL=10 KILLS=5
#
# Uses the server tests' fixture school (forms-server/src/test/resources/fixture), so no site build
# is needed. Installs nginx from Debian when it is missing (apt-get), and needs PostgreSQL's initdb,
# pg_ctl, psql and pgbench. As root, PostgreSQL runs as the postgres user (or nobody) via runuser.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
B="${BENCH_DIR:-/tmp/polisi-bench-postgres}"
RUNS="${RUNS:-1}"
LEVELS="${LEVELS:-2,8,32,64}"
SECONDS_PER_LEVEL="${SECONDS_PER_LEVEL:-10}"
KILLS="${KILLS:-5}"
# which parts to run: any of ceiling sqlite pg-1 pg-2 writer floor (the kill -9s run when KILLS > 0);
# writer: IntakeCeiling, the intake service without HTTP, on SQLite and PostgreSQL at each level;
# floor: pgbench doing the intake's own rows (bench/postgres-floor.sql), with no Java at all, beside
#   the one-row insert: what PostgreSQL alone can store of these submissions on this machine
PARTS="${PARTS-ceiling sqlite pg-1 pg-2}"   # PARTS="" runs only the kill -9s
# the build to measure: another checkout's root (e.g. a worktree of main as the baseline), this one by default
CLASSES_ROOT="${CLASSES_ROOT:-$ROOT}"
FIX=forms-server/src/test/resources/fixture
MANIFEST="$FIX/manifests/testschool.json"
FORM=images-consent
RESULTS="$B/results.tsv"

command -v nginx >/dev/null || apt-get install -y nginx >/dev/null
PGBIN=""
for dir in /usr/local/bin /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { PGBIN="$dir"; break; }; done
[ -n "$PGBIN" ] || { echo "no initdb/pg_ctl: install the Debian package postgresql" >&2; exit 1; }
command -v pgbench >/dev/null && command -v psql >/dev/null || { echo "no psql/pgbench: install postgresql-client" >&2; exit 1; }
[ -d forms-server/target/lib ] && [ -f bench/forms-bench/target/classes/org/polisi/forms/bench/AcknowledgedCheck.class ] \
  || ./mvnw -q -B -o -pl bench/forms-bench -am -Dmaven.test.skip=true package >&2
CP="$CLASSES_ROOT/bench/forms-bench/target/classes:$CLASSES_ROOT/forms-server/target/classes:$CLASSES_ROOT/forms-server/target/lib/*"
JAVA_OPTS="${POLISI_SERVER_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

rm -rf "$B" && mkdir -p "$B/data"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
say() { printf "%s\t%s\n" "$(date -Iseconds)" "$*" | tee -a "$RESULTS"; }
say "start on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- a private PostgreSQL cluster --------------------------------------------------------------
# pg_stat_statements, when installed, counts the statements (round trips) each submission costs
PG_STATEMENTS=""
[ -f "$("$PGBIN/pg_config" --pkglibdir 2>/dev/null || pg_config --pkglibdir)/pg_stat_statements.so" ] \
  && PG_STATEMENTS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on"
# PG_SETTINGS: more "-c name=value" for the cluster, e.g. PG_SETTINGS="-c session_preload_libraries=auto_explain
# -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on
# -c auto_explain.log_nested_statements=on" to read each statement's plan in $B/pg/server.log
PG_SETTINGS="${PG_SETTINGS:-}"
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then PGUSER_OS=postgres; else PGUSER_OS=nobody; fi
  mkdir -p "$B/pg" && chown "$PGUSER_OS" "$B/pg"
  RUNAS=(runuser -u "$PGUSER_OS" --)
fi
PGPORT=$(free_port)
"${RUNAS[@]}" "$PGBIN/initdb" -D "$B/pg/data" -U polisi --auth=trust -E UTF8 --locale=C >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -l "$B/pg/server.log" -w -t 60 \
  -o "-p $PGPORT -k $B/pg -c listen_addresses=127.0.0.1 -c synchronous_commit=on -c max_connections=100 $PG_STATEMENTS $PG_SETTINGS" start >/dev/null
export PGUSER=polisi PGHOST=127.0.0.1 PGPORT
PSQL=(psql -q -v ON_ERROR_STOP=1 -d postgres)
[ -z "$PG_STATEMENTS" ] || "${PSQL[@]}" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
postmaster() { head -1 "$B/pg/data/postmaster.pid"; }

pids=()
nginx_pid=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$B/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- servers ---------------------------------------------------------------------------------
start_server() {   # start_server DB PORT LOGNAME [INDEX]: the pid into pids (at INDEX, else appended); waits for the first answer
  POLISI_DB_USER=polisi POLISI_RATE_LIMIT_SUBMISSIONS=1000000000 POLISI_TRUSTED_PROXIES=127.0.0.1 \
  POLISI_SECRET_KEY_FILE="$B/data/secret.key" POLISI_CHECKPOINT_KEY_FILE="$B/data/keys/checkpoint.key" \
  POLISI_CHECKPOINT_LOG_FILE="$B/data/checkpoints-$3.log" \
    java $JAVA_OPTS -Dpolisi.root="$ROOT" -cp "$CP" org.polisi.forms.cli.FormsCli serve --site "$FIX/site" \
    --manifests "$FIX/manifests" --agreed-texts "$FIX/agreed-texts" --port "$2" --db "$1" >> "$B/server-$3.out" 2>&1 &
  local pid=$!
  if [ -n "${4:-}" ]; then pids[$4]=$pid; else pids+=("$pid"); fi
  until curl -s -o /dev/null "http://127.0.0.1:$2/"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$B/server-$3.out"; exit 1; }
    sleep 0.05
  done
}
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
}
start_nginx() {   # start_nginx LISTEN_PORT UPSTREAM_PORT...: docs/deploy.md's upstream, this run's ports
  local conf="$B/nginx" upstream
  mkdir -p "$conf"
  upstream=$(awk '/<!-- snippet: nginx-instances/{found=1} found && /^```nginx/{inside=1; next} inside && /^```/{exit} inside' docs/deploy.md)
  [ -n "$upstream" ] || { echo "docs/deploy.md has no nginx-instances snippet" >&2; exit 1; }
  local servers="" port
  for port in "${@:2}"; do servers+="    server 127.0.0.1:$port max_fails=0;\n"; done
  upstream=$(printf '%s\n' "$upstream" | grep -v '^    server ' | sed "s/^upstream polisi_forms {/upstream polisi_forms {\n$servers/")
  cat > "$conf/nginx.conf" <<EOF
worker_processes 1;
pid $conf/nginx.pid;
error_log $conf/error.log;
events { worker_connections 1024; }
http {
  access_log off;
$upstream
  server {
    listen 127.0.0.1:$1;
    location / {
      proxy_pass http://polisi_forms;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
EOF
  nginx -p "$conf" -c "$conf/nginx.conf" -g 'daemon off;' >> "$conf/out.log" 2>&1 &
  nginx_pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$1/"; do sleep 0.05; done
}
stop_nginx() { [ -n "$nginx_pid" ] && { kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; }; nginx_pid=""; }

# CPU seconds (user+system) of processes and their children so far: /proc/PID/stat fields 14-17.
cpu_of() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  echo "$total"
}
postgres_pids() { echo "$(postmaster) $(pgrep -P "$(postmaster)" | tr '\n' ' ')"; }
nginx_pids() { [ -n "$nginx_pid" ] && echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; }
TICKS=$(getconf CLK_TCK)

measure() {   # measure LABEL URL: one load run per level, with the CPU each part used
  local level servers pg ng before_s before_p before_n gen
  for level in ${LEVELS//,/ }; do
    servers="${pids[*]}"; pg=$(postgres_pids); ng=$(nginx_pids || true)
    before_s=$(cpu_of $servers); before_p=$(cpu_of $pg); before_n=$(cpu_of $ng)
    gen=$( { /usr/bin/time -f '%U %S' java -cp "$CP" org.polisi.forms.bench.LoadGenerator --url "$2" \
      --manifest "$MANIFEST" --form "$FORM" --requests 1000000 --seconds "$SECONDS_PER_LEVEL" --concurrency "$level" \
      --server-pid "${pids[0]}" --label "$1" --references "$B/acknowledged-$1-c$level.txt" --results "$RESULTS" >/dev/null; } 2>&1 | tail -1)
    pg=$(postgres_pids)
    say "$1 c=$level cpu-s servers $(echo "scale=1; ($(cpu_of $servers) - $before_s) / $TICKS" | bc)" \
      "postgres $(echo "scale=1; ($(cpu_of $pg) - $before_p) / $TICKS" | bc)" \
      "nginx $(echo "scale=1; ($(cpu_of $ng) - $before_n) / $TICKS" | bc)" \
      "generator $(echo "$gen" | awk '{print $1 + $2}') over ${SECONDS_PER_LEVEL}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
}
check() {   # check LABEL DB: every reference acknowledged under LABEL (each level's file) is stored
  cat "$B"/acknowledged-"$1"-*.txt > "$B/acknowledged-$1.txt"
  say "$1 check $(java -cp "$CP" org.polisi.forms.bench.AcknowledgedCheck "$2" "$B/acknowledged-$1.txt" | tr '\t' ' ')"
}
commits() { "${PSQL[@]}" -qtA -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'"; }
# Round trips to PostgreSQL: the TCP data segments the servers' connections sent to it (each request
# the driver sends and waits on is at least one; a JDBC batch is one unless it outgrows a segment),
# summed over the open connections; sampled after the servers start and before they stop.
segments_to_pg() {
  ss -tinH state established "( dport = :$PGPORT )" | { grep -o 'data_segs_out:[0-9]*' || true; } | cut -d: -f2 | awk '{s += $1} END {print s + 0}'
}
statements_from() {   # statements_from DATABASE: once the servers have started, counting starts afresh
  [ -n "$PG_STATEMENTS" ] || return 0
  "${PSQL[@]}" -qtA -c "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = '$1'), 0)" >/dev/null
  "${PSQL[@]}" -qtA -c "SELECT pg_stat_reset_shared('wal')" >/dev/null
  commits_before=$(commits "$1")
  segments_before=$(segments_to_pg)
}
statements() {   # statements LABEL DATABASE: statements (each a round trip) and commits per stored submission
  [ -n "$PG_STATEMENTS" ] || return 0
  local stored calls commits_now
  stored=$(psql -qtA -d "$2" -c "SELECT count(*) FROM submission")
  calls=$("${PSQL[@]}" -qtA -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$2')")
  commits_now=$(commits "$2")
  say "$1 round trips: $stored submissions stored; $calls statements ($(echo "scale=1; $calls / $stored" | bc) each)," \
    "$((commits_now - commits_before)) transactions committed ($(echo "scale=2; ($commits_now - $commits_before) / $stored" | bc) each);" \
    "$((segments_at_end - segments_before)) segments sent to PostgreSQL ($(echo "scale=1; ($segments_at_end - $segments_before) / $stored" | bc)" \
    "per submission, $(echo "scale=1; ($segments_at_end - $segments_before) / ($commits_now - $commits_before)" | bc) per commit)"
  "${PSQL[@]}" -qtA -F ' ' -c "SELECT round(calls::numeric / $stored, 2), left(regexp_replace(query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$2') ORDER BY calls DESC LIMIT 16" \
    | sed "s/^/$1 per submission: /" >> "$RESULTS"
  # where PostgreSQL's time goes: each statement's execution time per stored submission (µs), and
  # the WAL written per submission (the whole cluster's since statements_from; nothing else writes)
  "${PSQL[@]}" -qtA -F ' ' -c "SELECT round((total_exec_time + total_plan_time)::numeric * 1000 / $stored, 1) || ' µs',
      round(calls::numeric / $stored, 2) || ' calls', left(regexp_replace(query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$2')
      ORDER BY total_exec_time + total_plan_time DESC LIMIT 12" \
    | sed "s/^/$1 time per submission: /" >> "$RESULTS"
  say "$1 statements' time per submission: $("${PSQL[@]}" -qtA -F ' ' -c "SELECT round(sum(total_exec_time)::numeric * 1000 / $stored, 1)
      || ' µs executing,', round(sum(total_plan_time)::numeric * 1000 / $stored, 1) || ' µs planning (0 unless PG_SETTINGS has -c pg_stat_statements.track_planning=on)'
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$2')")"
  say "$1 wal: $("${PSQL[@]}" -qtA -F ' ' -c "SELECT wal_records / $stored || ' records', wal_fpi || ' full pages',
      round(wal_bytes / $stored) || ' bytes per submission;', wal_sync || ' syncs', round(wal_sync_time) || ' ms syncing'
      FROM pg_stat_wal")"
}
new_database() { "${PSQL[@]}" -c "CREATE DATABASE $1" >/dev/null; echo "jdbc:postgresql://127.0.0.1:$PGPORT/$1"; }

P1=$(free_port); P2=$(free_port); PN=$(free_port)
for run in $(seq "$RUNS"); do
  if [[ " $PARTS " == *" ceiling "* ]]; then
  # the storage ceilings
  rm -rf "$B/ceiling" && mkdir -p "$B/ceiling"
  say "run$run sqlite-ceiling $(java -cp "$CP" org.polisi.forms.bench.StorageCeiling "$B/ceiling/polisi.db" 10 | tr '\t' ' ')"
  new_database ceiling_$run >/dev/null
  psql -q -d ceiling_$run -c "CREATE TABLE one_row (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, payload TEXT NOT NULL)"
  echo "INSERT INTO one_row (payload) VALUES ('{\"pupil\":\"Siân Jones\",\"photos\":\"given\"}');" > "$B/one-row.sql"
  for clients in 8 32; do
    say "run$run pgbench one-row insert c=$clients: $(pgbench -n -c "$clients" -j 2 -T 10 -f "$B/one-row.sql" -d ceiling_$run 2>&1 \
      | grep -E '^(tps|latency average)' | tr '\n' ' ')"
  done
  fi

  if [[ " $PARTS " == *" floor "* ]]; then
  # a database migrated by the server, with one real consent submission stored through the intake
  # service; its rows (submission, name key, consent events) are the templates pgbench copies
  db=$(new_database floor_$run)
  java $JAVA_OPTS -cp "$CP" org.polisi.forms.bench.IntakeCeiling "$db" "$FIX" testschool "$FORM" 1 1 >/dev/null
  psql -q -v ON_ERROR_STOP=1 -d floor_$run <<'SQL'
CREATE TABLE template_submission AS SELECT form_id, form_kind, form_version, lang, fields_json, received_at, urgent,
  salt, content_hash, prev_hash, hash FROM submission WHERE id = (SELECT min(id) FROM submission);
CREATE TABLE template_name_key AS SELECT accent_free FROM submission_name_key
  WHERE submission_id = (SELECT min(id) FROM submission);
CREATE TABLE template_event AS SELECT form_id, pupil, statement, answer, recorded_at, salt, content_hash, prev_hash, hash,
  (row_number() OVER (ORDER BY seq) - 1)::int AS o FROM consent_event WHERE consent_submission = (SELECT min(id) FROM submission);
SQL
  say "run$run floor templates: $(psql -qtA -d floor_$run -c "SELECT (SELECT count(*) FROM template_submission) || ' submission, '
    || (SELECT count(*) FROM template_name_key) || ' name key, ' || (SELECT count(*) FROM template_event) || ' consent events'")"
  # PER_COMMIT submissions per transaction, as the ledger's writer batches them (ADR 0065); clients 1
  # and 2 are one and two instances' writers; 32 clients at 1 per commit is no batching at all
  for shape in "1 ${FLOOR_PER_COMMIT:-14}" "2 ${FLOOR_PER_COMMIT:-14}" "32 1"; do
    set -- $shape
    before_p=$(cpu_of $(postgres_pids))
    out=$(pgbench -n -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$SECONDS_PER_LEVEL" -D n="$2" -f bench/postgres-floor.sql -d floor_$run 2>&1)
    tps=$(echo "$out" | awk '/^tps/ {print $3}')
    cpu=$(echo "scale=2; ($(cpu_of $(postgres_pids)) - $before_p) / $TICKS" | bc)
    say "run$run floor c=$1 per-commit=$2: $(echo "$tps * $2" | bc) submissions/s ($tps commits/s);" \
      "postgres cpu-s $cpu over ${SECONDS_PER_LEVEL}s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  fi

  if [[ " $PARTS " == *" writer "* ]]; then
  for level in ${LEVELS//,/ }; do
    rm -f "$B/data/writer-$run-$level.db"*
    say "run$run writer sqlite c=$level $(java $JAVA_OPTS -cp "$CP" org.polisi.forms.bench.IntakeCeiling "$B/data/writer-$run-$level.db" \
      "$FIX" testschool "$FORM" "$level" "$SECONDS_PER_LEVEL" | tr '\t' ' '); load $(cut -d' ' -f1-3 /proc/loadavg)"
    db=$(new_database writer_${run}_$level)
    # migrated by a run of no seconds first, so that the counts below are the intake's only
    java $JAVA_OPTS -cp "$CP" org.polisi.forms.bench.IntakeCeiling "$db" "$FIX" testschool "$FORM" 1 0 >/dev/null
    statements_from "writer_${run}_$level"
    before_p=$(cpu_of $(postgres_pids))
    java $JAVA_OPTS -Dpolisi.bench.hold-ms=3000 -cp "$CP" org.polisi.forms.bench.IntakeCeiling "$db" "$FIX" testschool "$FORM" \
      "$level" "$SECONDS_PER_LEVEL" > "$B/writer.out" &
    writer=$!
    until grep -q intake-ceiling "$B/writer.out" 2>/dev/null; do kill -0 "$writer" 2>/dev/null || break; sleep 0.2; done
    segments_at_end=$(segments_to_pg)
    wait "$writer"
    say "run$run writer pg c=$level $(tr '\t' ' ' < "$B/writer.out") postgres-cpu-s $(echo "scale=1; ($(cpu_of $(postgres_pids)) - $before_p) / $TICKS" | bc); load $(cut -d' ' -f1-3 /proc/loadavg)"
    statements "run$run-writer-pg-c$level" "writer_${run}_$level"
  done
  fi

  if [[ " $PARTS " == *" sqlite "* ]]; then
  start_server "$B/data/sqlite-$run.db" "$P1" sqlite
  measure "run$run-sqlite" "http://127.0.0.1:$P1"
  stop_servers
  check "run$run-sqlite" "$B/data/sqlite-$run.db"
  fi

  if [[ " $PARTS " == *" pg-1 "* ]]; then
  db=$(new_database intake_one_$run)
  start_server "$db" "$P1" pg-one
  statements_from "intake_one_$run"
  measure "run$run-pg-1" "http://127.0.0.1:$P1"
  segments_at_end=$(segments_to_pg)
  stop_servers
  statements "run$run-pg-1" "intake_one_$run"   # before the check, whose look-ups would count
  check "run$run-pg-1" "$db"
  fi

  if [[ " $PARTS " == *" pg-2 "* ]]; then
  db=$(new_database intake_two_$run)
  start_server "$db" "$P1" pg-a
  start_server "$db" "$P2" pg-b
  start_nginx "$PN" "$P1" "$P2"
  statements_from "intake_two_$run"
  measure "run$run-pg-2-nginx" "http://127.0.0.1:$PN"
  segments_at_end=$(segments_to_pg)
  stop_nginx
  stop_servers
  statements "run$run-pg-2-nginx" "intake_two_$run"   # before the check, whose look-ups would count
  check "run$run-pg-2-nginx" "$db"
  fi
done
[ "$KILLS" -gt 0 ] || { say "end; load average $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }

# kill -9 of one of two instances in the middle of a run, KILLS times, on one database
db=$(new_database crash)
start_server "$db" "$P1" crash-a
start_server "$db" "$P2" crash-b
start_nginx "$PN" "$P1" "$P2"
for kill in $(seq "$KILLS"); do
  java -cp "$CP" org.polisi.forms.bench.LoadGenerator --url "http://127.0.0.1:$PN" --manifest "$MANIFEST" --form "$FORM" \
    --requests 1000000 --seconds 8 --concurrency 8 --label "crash$kill" --references "$B/acknowledged-crash-$kill.txt" \
    --results "$RESULTS" >/dev/null &
  generator=$!
  sleep 4
  victim=$(( kill % 2 ))   # alternate the instance killed
  kill -9 "${pids[$victim]}"; wait "${pids[$victim]}" 2>/dev/null || true
  say "crash$kill kill -9 sent to instance $((victim + 1))"
  wait "$generator" || true
  start_server "$db" "$([ "$victim" = 0 ] && echo "$P1" || echo "$P2")" "crash-$victim" "$victim"
done
stop_nginx
stop_servers
check crash "$db"
verified=0
verify_out=$(POLISI_DB_USER=polisi java -cp "$CP" org.polisi.forms.cli.FormsCli verify --db "$db" --agreed-texts "$FIX/agreed-texts") \
  || verified=$?
say "crash verify exit $verified: $(grep -c '^OK' <<< "$verify_out") OK line(s), $(grep -c '^BROKEN' <<< "$verify_out" || true) BROKEN"
say "end; load average $(cut -d' ' -f1-3 /proc/loadavg)"
