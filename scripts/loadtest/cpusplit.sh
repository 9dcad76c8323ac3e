#!/usr/bin/env bash
# cpusplit.sh SECONDS PID... — CPU seconds used by the server, PostgreSQL,
# wrk and everything else during SECONDS, from /proc (clock ticks).
set -euo pipefail
secs=$1; shift
tick=$(getconf CLK_TCK)
sample() {
  local srv=0 pg=0 wrk=0
  for p in "$@"; do
    [ -r /proc/$p/stat ] && srv=$((srv + $(awk '{print $14+$15}' /proc/$p/stat)))
  done
  for p in $(pgrep -x postgres || true); do
    [ -r /proc/$p/stat ] && pg=$((pg + $(awk '{print $14+$15}' /proc/$p/stat)))
  done
  for p in $(pgrep -x wrk || true); do
    [ -r /proc/$p/stat ] && wrk=$((wrk + $(awk '{print $14+$15}' /proc/$p/stat)))
  done
  local all; all=$(awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat)
  echo "$srv $pg $wrk $all"
}
read -r s1 p1 w1 a1 < <(sample "$@")
sleep "$secs"
read -r s2 p2 w2 a2 < <(sample "$@")
awk -v s=$((s2-s1)) -v p=$((p2-p1)) -v w=$((w2-w1)) -v a=$((a2-a1)) -v t="$tick" -v d="$secs" \
  'BEGIN { printf "cpu over %ss: server %.2f cores, postgres %.2f, wrk %.2f, other %.2f (of %.2f busy)\n", d, s/t/d, p/t/d, w/t/d, (a-s-p-w)/t/d, a/t/d }'
