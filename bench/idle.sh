#!/usr/bin/env bash
# Idle benchmark: the CPU the running stack burns with no requests, per process and in all, over
# SECONDS_IDLE (30) seconds, read from /proc (utime + stime of each process the launcher started,
# and of the machine's MySQL and Redis servers when the stack uses them). Prints figures only.
#
#   bench/idle.sh            (the system must be running: ./douyin up)
#   SECONDS_IDLE=60 bench/idle.sh
# (bench/profile.sh runs it under load for the CPU split between processes.)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${DOUYIN_RUN_DIR:-$REPO/.run}
SECONDS_IDLE=${SECONDS_IDLE:-30}
TICKS=$(getconf CLK_TCK)

# name=pid of each running process of the stack.
processes() {
  local f pid
  for f in "$RUN_DIR"/pids/*.pid; do
    [[ -e $f ]] || continue
    pid=$(<"$f")
    [[ -e /proc/$pid ]] && echo "$(basename "$f" .pid)=$pid"
  done
  for name in mariadbd redis-server; do
    pid=$(pgrep -o -x "$name" 2>/dev/null) && echo "$name=$pid"
  done
  return 0
}

# CPU ticks a process and its threads have used (utime + stime, fields 14 and 15 of stat).
ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

mapfile -t procs < <(processes)
((${#procs[@]})) || { echo "nothing of the stack runs (./douyin up first)" >&2; exit 1; }
declare -A before
for p in "${procs[@]}"; do before[$p]=$(ticks "${p#*=}"); done
sleep "$SECONDS_IDLE"
total=0 backend=0
printf '%-12s %s\n' process "CPU (% of one core) over ${SECONDS_IDLE}s"
for p in "${procs[@]}"; do
  used=$(($(ticks "${p#*=}") - before[$p]))
  total=$((total + used))
  [[ ${p%%=*} == oap ]] && backend=$used
  printf '%-12s %5.1f %%\n' "${p%%=*}" "$(awk -v t="$used" -v h="$TICKS" -v s="$SECONDS_IDLE" 'BEGIN { print 100 * t / h / s }')"
done
printf '%-12s %5.1f %%\n' total "$(awk -v t="$total" -v h="$TICKS" -v s="$SECONDS_IDLE" 'BEGIN { print 100 * t / h / s }')"
if ((backend)); then
  printf '%-12s %5.1f %%\n' "total less the trace backend (oap)" "$(awk -v t="$((total - backend))" -v h="$TICKS" -v s="$SECONDS_IDLE" 'BEGIN { print 100 * t / h / s }')"
fi
