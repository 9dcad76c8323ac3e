#!/usr/bin/env bash
# ab.sh — two builds of the forum on the thread page, alternated in one
# session, with the bare-handler ceiling of each round: when the machine is
# shared, only a comparison made minutes apart means anything.
#
#   BASE_BIN=old/entraide NEW_BIN=new/entraide scripts/loadtest/ab.sh
#
# Both servers read the same generated forums (PG_URL, SQLITE_DIR) on
# BASE_ADDR and NEW_ADDR, the ceiling on CEILING_ADDR. Per database and
# round: the ceiling, then the thread pages as a visitor keeping its cookie
# and as a logged-in member, each build in turn (the order reversed every
# other round), DURATION each with wrk -t2 -c32. Besides req/s and p99, each
# line gives the server's CPU per request (/proc/PID/stat over the run),
# which the other load on the machine disturbs less.
#
# Environment: BASE_BIN, NEW_BIN (required), DBS ("postgres sqlite"),
# ROUNDS (2), DURATION (10s), PG_URL, SQLITE_DIR, OUT (tmp/perf/ab).
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${BASE_BIN:?} ${NEW_BIN:?}"
D=${DURATION:-10s}
ROUNDS=${ROUNDS:-2}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/entraide_perf?sslmode=disable}
SQLITE_DIR=${SQLITE_DIR:-tmp/perf/sqlite}
BASE_ADDR=${BASE_ADDR:-127.0.0.1:8291}
NEW_ADDR=${NEW_ADDR:-127.0.0.1:8292}
CEILING_ADDR=${CEILING_ADDR:-127.0.0.1:8293}
OUT=${OUT:-tmp/perf/ab}
export ENTRAIDE_SESSION_SECRET=load-test-session-secret-not-for-production
mkdir -p "$OUT"
go build -o "$OUT/ceiling" ./internal/perf/ceiling || exit 1
go build -o "$OUT/perftool" ./internal/perf/perftool || exit 1
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT
dbenv() { if [ "$1" = postgres ]; then echo "DATABASE_URL=$PG_URL"; else echo "ENTRAIDE_DATA_DIR=$SQLITE_DIR DATABASE_URL="; fi; }
ready() { for _ in $(seq 1 100); do curl -sf -o /dev/null "http://$1/readyz" && return 0; sleep 0.2; done; return 1; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tick=$(getconf CLK_TCK)
# w NAME URL PATHS COOKIE PID — one wrk run, one line of results.
w() {
  local log=$OUT/wrk-$db-$1-$r.txt c0 c1 n
  c0=$(cpu "$5")
  wrk -t2 -c32 -d"$D" --latency -s scripts/loadtest/paths.lua "$2" -- "$3" "${4:-}" >"$log" 2>&1
  c1=$(cpu "$5")
  n=$(awk '/requests in/ {print $1}' "$log")
  printf "%s\t%s\t%s\t%s\t%s\t%s\n" "$db" "$r" "$1" "$(awk '/^Requests\/sec/ {printf "%d", $2}' "$log")" \
    "$(awk '$1 == "99%" {print $2}' "$log")" "$(awk -v c=$((c1 - c0)) -v n="$n" -v t="$tick" 'BEGIN {printf "%.0f us/req", c * 1e6 / t / n}')" | tee -a "$OUT/results.tsv"
}
for db in ${DBS:-postgres sqlite}; do
  env $(dbenv "$db") "$OUT/perftool" paths thread 1000 >"$OUT/thread-$db.paths"
  env $(dbenv "$db") "$OUT/perftool" paths ceiling 1000 >"$OUT/ceiling-$db.paths"
  [ "$db" = postgres ] && psql "${PG_URL%%\?*}" -qc CHECKPOINT
  env $(dbenv "$db") ENTRAIDE_ADDR="$BASE_ADDR" "$BASE_BIN" serve 2>"$OUT/server-base-$db.log" & pids+=($!); base=$!
  env $(dbenv "$db") ENTRAIDE_ADDR="$NEW_ADDR" "$NEW_BIN" serve 2>"$OUT/server-new-$db.log" & pids+=($!); new=$!
  ready "$BASE_ADDR" && ready "$NEW_ADDR" || { echo "a server did not start" >&2; exit 1; }
  visitor=$(curl -s -c - -o /dev/null "http://$BASE_ADDR/" | awk '$6 == "entraide" {print "entraide=" $7}')
  member=$(env $(dbenv "$db") "$OUT/perftool" login "http://$BASE_ADDR" 1 | head -1 | cut -f1)
  for addr in "$BASE_ADDR" "$NEW_ADDR"; do # warm both as a running forum is
    wrk -t2 -c32 -d3s -s scripts/loadtest/paths.lua "http://$addr" -- "$OUT/thread-$db.paths" "$member" >/dev/null
  done
  if [ "$db" = postgres ]; then flag=(-postgres "$PG_URL"); else flag=(-sqlite "$SQLITE_DIR/entraide.db"); fi
  for r in $(seq 1 "$ROUNDS"); do
    "$OUT/ceiling" -addr "$CEILING_ADDR" "${flag[@]}" >/dev/null 2>&1 & ceil=$!; pids+=($ceil)
    for _ in $(seq 1 50); do curl -sf -o /dev/null "http://$CEILING_ADDR$(head -1 "$OUT/ceiling-$db.paths")" && break; sleep 0.2; done
    w ceiling "http://$CEILING_ADDR" "$OUT/ceiling-$db.paths" "" "$ceil"
    kill "$ceil"; wait "$ceil" 2>/dev/null
    if [ $((r % 2)) = 1 ]; then order="base new"; else order="new base"; fi
    for who in visitor member; do
      if [ "$who" = visitor ]; then cookie=$visitor; else cookie=$member; fi
      for b in $order; do
        if [ "$b" = base ]; then addr=$BASE_ADDR pid=$base; else addr=$NEW_ADDR pid=$new; fi
        w "$b-$who" "http://$addr" "$OUT/thread-$db.paths" "$cookie" "$pid"
      done
    done
  done
  kill "$base" "$new"; wait "$base" "$new" 2>/dev/null
done
