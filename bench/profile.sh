#!/usr/bin/env bash
# CPU profile of running services under whatever load runs meanwhile (start a bench or wrk first):
# async-profiler (tools.profiler:async-profiler from Maven Central, loaded into each named JVM with
# jcmd) samples every thread on CPU, Java and native frames alike, for SECONDS_PROFILED (30); then,
# per JVM, the share of samples whose stack holds each package group (inclusive) and the hottest
# methods (self). bench/idle.sh prints meanwhile the CPU each process of the stack used.
#
# (Once, loaded into the video provider under the recommended feed's load, it crashed that JVM in
# the JVM's own allocation sampler, JfrObjectAllocationSample::send_event. If a profiled service
# dies, restart the stack; `jcmd PID JFR.start duration=30s filename=F.jfr` is the fallback.)
#
#   bench/profile.sh gateway video user        (names of ./douyin processes)
#   SECONDS_PROFILED=60 TOP=30 bench/profile.sh favorite
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${DOUYIN_RUN_DIR:-$REPO/.run}
SECONDS_PROFILED=${SECONDS_PROFILED:-30}
TOP=${TOP:-20}
OUT=${OUT:-$RUN_DIR/profiles}
VERSION=4.1
JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar
LIB=$OUT/libasyncProfiler.so
mkdir -p "$OUT"
[[ -f $JAR ]] || mvn -q dependency:get -Dartifact=tools.profiler:async-profiler:$VERSION >/dev/null
[[ -f $LIB ]] || unzip -p "$JAR" linux-x64/libasyncProfiler.so >"$LIB"
stamp=$(date +%H%M%S)

pid_of() { cat "$RUN_DIR/pids/$1.pid"; }
# (itimer: a CPU-time sampler that needs no perf_events, which containers often forbid. The options
# are quoted for jcmd, which would otherwise read "key=value" as its own argument.)
for name in "$@"; do jcmd "$(pid_of "$name")" JVMTI.agent_load "$LIB" '"start,event=itimer,interval=1ms"' >/dev/null; done
SECONDS_IDLE=$SECONDS_PROFILED "$REPO/bench/idle.sh"
for name in "$@"; do
  jcmd "$(pid_of "$name")" JVMTI.agent_load "$LIB" "\"stop,collapsed,file=$OUT/$name-$stamp.collapsed\"" >/dev/null
done

for name in "$@"; do
  file=$OUT/$name-$stamp.collapsed
  echo "== $name ($file)"
  # Each line: frame;frame;...;leaf COUNT. Package groups: the first three name parts.
  awk -v top="$TOP" '
    function group(frame,   parts, n) {
      sub(/\.[^.]*$/, "", frame); n = split(frame, parts, /[.\/]/)
      return n >= 3 ? parts[1] "." parts[2] "." parts[3] : frame
    }
    {
      count = $NF; sub(/ [0-9]+$/, ""); n = split($0, frames, ";"); total += count
      delete seen
      for (i = 1; i <= n; i++) { g = group(frames[i]); if (!(g in seen)) { seen[g] = 1; inclusive[g] += count } }
      self[frames[n]] += count
    }
    END {
      printf "%d samples (1 ms of CPU each)\n-- inclusive, by package group\n", total
      cmd = "sort -rn | head -" top
      for (g in inclusive) printf "%5.1f %%  %s\n", 100 * inclusive[g] / total, g | cmd
      close(cmd)
      print "-- self, by method"
      for (f in self) printf "%5.1f %%  %s\n", 100 * self[f] / total, f | cmd
      close(cmd)
    }' "$file"
done
