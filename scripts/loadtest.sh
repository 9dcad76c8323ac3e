#!/usr/bin/env bash
# loadtest.sh — the load run of docs/performance.md, on a generated forum of
# 100,000 threads and 1,000,000 posts, against 127.0.0.1 only.
#
#   scripts/loadtest.sh [postgres|sqlite|both]
#
# It builds the forum, the bare-handler ceiling and perftool into ./tmp/perf
# (git-ignored), generates the database once if it is missing (PostgreSQL:
# database entraide_perf on 127.0.0.1:5432; SQLite: ./tmp/perf/sqlite), then
# for each database: starts the forum, runs wrk with 32 connections for
# DURATION on each page — as a visitor without cookie, a visitor keeping its
# cookie and a logged-in member — runs the ceiling on the same threads, posts
# replies with 32 writers and checks that none was lost, and prints a table.
#
# Environment: DURATION (default 20s), CONNECTIONS (32), WRK_THREADS (2),
# PG_URL (postgres://postgres@127.0.0.1:5432/entraide_perf?sslmode=disable),
# FRESH=1 to drop the generated databases and generate them again (the write
# run adds replies to them), SERVER_BIN to measure another build of the forum
# (docs/performance.md compares with the tree before the optimisations),
# READS_ONLY=1 to skip the write run.
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-both}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
WRK_THREADS="${WRK_THREADS:-2}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/entraide_perf?sslmode=disable}"
ADDR=127.0.0.1:8181
CEILING_ADDR=127.0.0.1:8182
OUT=tmp/perf
SQLITE_DIR=$OUT/sqlite
export ENTRAIDE_SESSION_SECRET=load-test-session-secret-not-for-production

mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "== building into $OUT"
go build -o "$OUT/entraide" ./cmd/entraide
go build -o "$OUT/ceiling" ./internal/perf/ceiling
go build -o "$OUT/perftool" ./internal/perf/perftool

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# db_env DB — the environment that points the forum and perftool at DB.
db_env() {
  if [ "$1" = postgres ]; then echo "DATABASE_URL=$PG_URL"; else echo "ENTRAIDE_DATA_DIR=$SQLITE_DIR DATABASE_URL="; fi
}

generate() {
  local db=$1
  if [ "${FRESH:-}" = 1 ]; then
    if [ "$db" = postgres ]; then psql -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS entraide_perf" >/dev/null; else rm -rf "$SQLITE_DIR"; fi
  fi
  if [ "$db" = postgres ]; then
    psql "${PG_URL%%\?*}" -c 'SELECT 1' >/dev/null 2>&1 ||
      psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE entraide_perf" >/dev/null
  fi
  local members
  members=$(env $(db_env "$db") "$OUT/perftool" members 2>/dev/null || true)
  if [ "${members:-0}" = 0 ]; then
    echo "== generating the $db forum (about a minute, then the search index)"
    local start=$SECONDS
    env $(db_env "$db") "$OUT/entraide" generate --users 20000 --threads 100000 --posts 1000000 | grep -v "^indexed"
    echo "generated and indexed in $((SECONDS - start)) s"
  fi
  # The load's pages are written out before measuring, not during a run
  # (flushing them then costs a third of the throughput).
  if [ "$db" = postgres ]; then psql "${PG_URL%%\?*}" -qc CHECKPOINT; fi
}

# wait_ready ADDR PID — until the server PID answers on ADDR.
wait_ready() {
  for _ in $(seq 1 100); do
    kill -0 "$2" 2>/dev/null || { echo "the server exited, see its log" >&2; return 1; }
    curl -sf -o /dev/null "http://$1/readyz" && return 0
    sleep 0.2
  done
  echo "server at $1 did not start" >&2; return 1
}

# The ports must be free: an old server there would be measured instead.
for port in ${ADDR##*:} ${CEILING_ADDR##*:}; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken" >&2; exit 1; fi
done

# run NAME URL PATHS [COOKIE] — one wrk run; appends a line to the table.
run() {
  local name=$1 url=$2 paths=$3 cookie=${4:-}
  local log="$OUT/wrk-$db-${name// /-}.txt"
  # Where the CPU went, sampled over the middle of the run.
  (sleep 3; scripts/loadtest/cpusplit.sh 5 "${server_pid:-0}" >"$log.cpu") &
  local sampler=$!
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "${script:-scripts/loadtest/paths.lua}" "$url" -- "$paths" "$cookie" >"$log" 2>&1
  wait "$sampler" || true
  local rps p50 p99 errors cpu
  rps=$(awk '/^Requests\/sec/ {printf "%d", $2}' "$log")
  p50=$(awk '$1 == "50%" {print $2}' "$log")
  p99=$(awk '$1 == "99%" {print $2}' "$log")
  errors=$(awk '/Non-2xx|Socket errors|replies saved/ {printf "%s ", $0}' "$log")
  cpu=$(sed 's/^cpu over [0-9]*s: //; s/ (of .*//' "$log.cpu")
  printf "| %-6s | %-44s | %7s | %8s | %8s | %s | %s\n" "$db" "$name" "$rps" "$p50" "$p99" "$cpu" "${errors:-}" | tee -a "$OUT/table-$db.md"
}

for db in postgres sqlite; do
  [ "$which" = both ] || [ "$which" = "$db" ] || continue
  generate "$db"
  : >"$OUT/table-$db.md"
  echo "== $db: load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
  env $(db_env "$db") "$OUT/perftool" paths thread 1000 >"$OUT/thread.paths"
  env $(db_env "$db") "$OUT/perftool" paths ceiling 1000 >"$OUT/ceiling.paths"
  env $(db_env "$db") "$OUT/perftool" paths section >"$OUT/section.paths"
  env $(db_env "$db") "$OUT/perftool" paths section-deep >"$OUT/section-deep.paths"
  env $(db_env "$db") "$OUT/perftool" paths thread-long-first >"$OUT/long-first.paths"
  env $(db_env "$db") "$OUT/perftool" paths thread-long-last >"$OUT/long-last.paths"
  env $(db_env "$db") "$OUT/perftool" paths home >"$OUT/home.paths"
  env $(db_env "$db") "$OUT/perftool" threads 1000 >"$OUT/reply.threads"

  # The bare handler first, alone on the machine like the forum after it.
  if [ "$db" = postgres ]; then flag=(-postgres "$PG_URL"); else flag=(-sqlite "$SQLITE_DIR/entraide.db"); fi
  "$OUT/ceiling" -addr "$CEILING_ADDR" "${flag[@]}" >/dev/null 2>&1 &
  pids+=($!); ceiling=$!
  for _ in $(seq 1 50); do curl -sf -o /dev/null "http://$CEILING_ADDR$(head -1 "$OUT/ceiling.paths")" && break; sleep 0.2; done
  kill -0 "$ceiling" || { echo "the ceiling exited" >&2; exit 1; }
  server_pid=$ceiling run "ceiling: bare handler, 20 posts, 1 query" "http://$CEILING_ADDR" "$OUT/ceiling.paths"
  kill "$ceiling"; wait "$ceiling" 2>/dev/null || true

  env $(db_env "$db") ENTRAIDE_ADDR=$ADDR "${SERVER_BIN:-$OUT/entraide}" serve 2>"$OUT/server-$db.log" &
  pids+=($!); server=$!; server_pid=$server
  wait_ready $ADDR "$server"
  # A visitor's browser keeps the cookie of its first page; a member's
  # holds the session, taken after the first page so no flash is pending.
  visitor=$(curl -s -c - -o /dev/null "http://$ADDR/" | awk '$6 == "entraide" {print "entraide=" $7}')
  env $(db_env "$db") "$OUT/perftool" login "http://$ADDR" 32 >"$OUT/sessions-$db.txt"
  member=$(head -1 "$OUT/sessions-$db.txt" | cut -f1)
  # Warm the caches as a running forum's are.
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s -s scripts/loadtest/paths.lua "http://$ADDR" -- "$OUT/thread.paths" >/dev/null

  run "thread, 20 replies, no cookie" "http://$ADDR" "$OUT/thread.paths"
  run "thread, 20 replies, visitor" "http://$ADDR" "$OUT/thread.paths" "$visitor"
  run "thread, 20 replies, member" "http://$ADDR" "$OUT/thread.paths" "$member"
  run "section page 1, visitor" "http://$ADDR" "$OUT/section.paths" "$visitor"
  run "section page 500, visitor" "http://$ADDR" "$OUT/section-deep.paths" "$visitor"
  run "section page 1, member" "http://$ADDR" "$OUT/section.paths" "$member"
  run "home, visitor" "http://$ADDR" "$OUT/home.paths" "$visitor"
  run "home, member" "http://$ADDR" "$OUT/home.paths" "$member"
  run "2,000-reply thread, page 1, visitor" "http://$ADDR" "$OUT/long-first.paths" "$visitor"
  run "2,000-reply thread, last page, visitor" "http://$ADDR" "$OUT/long-last.paths" "$visitor"
  echo "server peak RSS after reads: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)" | tee -a "$OUT/table-$db.md"
  if [ "${READS_ONLY:-}" = 1 ]; then
    kill "$server"; wait "$server" 2>/dev/null || true
    server_pid=0
    continue
  fi

  # Members with the per-hour limits raised: the checks run, at a threshold
  # 32 writers do not reach in the run.
  env $(db_env "$db") "$OUT/perftool" raise-limits
  before=$(env $(db_env "$db") "$OUT/perftool" count)
  script=scripts/loadtest/reply.lua run "reply, 32 writers" "http://$ADDR" "$OUT/sessions-$db.txt" "$OUT/reply.threads"
  after=$(env $(db_env "$db") "$OUT/perftool" count)
  # The server's log has every answer, those wrk cut off at the end too: a
  # reply cut off after its commit is saved but answered to no one.
  saved=$(grep -c '"method":"POST","path":"/t/[0-9]*/reply","status":303' "$OUT/server-$db.log" || true)
  # (grep finds none when wrk cut nothing off: with pipefail that is not an error)
  cut=$(grep -E '"method":"POST","path":"/t/[0-9]*/reply","status":(5|499)' "$OUT/server-$db.log" | wc -l || true)
  echo "posts before $before, after $after: $((after - before)) new; the server answered 303 (saved) $saved times and $cut requests were cut off by wrk's end" | tee -a "$OUT/table-$db.md"
  if [ "$((after - before))" -lt "$saved" ] || [ "$((after - before))" -gt "$((saved + cut))" ]; then
    echo "REPLIES LOST OR DUPLICATED" | tee -a "$OUT/table-$db.md"
  fi
  env $(db_env "$db") "$OUT/perftool" verify | tee -a "$OUT/table-$db.md"
  # Requests cut off when wrk stops end with "context canceled": no one
  # is there to see their answer. Any other failure counts.
  locked=$(grep -c "database is locked" "$OUT/server-$db.log" || true)
  failed=$(grep '"level":"ERROR"' "$OUT/server-$db.log" | grep -v "context canceled" | grep -v "operation was canceled" | grep -vc "interrupted (9)" || true)
  echo "\"database is locked\" in the server log: $locked; failed requests (not cut off by wrk's end): $failed" | tee -a "$OUT/table-$db.md"
  echo "server peak RSS: $(awk '/VmHWM/ {print $2, $3}' /proc/$server/status)" | tee -a "$OUT/table-$db.md"
  kill "$server"; wait "$server" 2>/dev/null || true
  server_pid=0
done
