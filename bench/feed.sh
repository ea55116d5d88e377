#!/usr/bin/env bash
# Feed benchmark: seeds 10,000 videos from 1,000 users, then measures GET /douyin/feed/ through
# the gateway with wrk and prints throughput and latency percentiles: the first page (what the app
# opens on), the first page logged in (a token per request), random deeper pages at 200
# connections and at one, and the recommended feed (30 a page, a token per request, after each
# viewer liked 20 videos). In the same run it measures a ceiling: nginx (Debian's nginx-light, one
# worker, on a spare port) serving the exact bytes of a deep page, and prints each figure as a
# share of it. The deep pages and the recommended feed, whose rates swing by a fifth from one 10 s
# to the next, are measured five times: the median, with the five figures. It prints figures; it
# does not judge them.
#
#   bench/feed.sh            (starts the system with ./douyin up if it is not running, and stops it after)
#   CONNECTIONS=200 DURATION=20s bench/feed.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API=http://127.0.0.1:8080
USERS=${USERS:-1000}
VIDEOS=${VIDEOS:-10000}
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-15s}
MYSQL=(mariadb -h127.0.0.1 -P3306 -uroot douyin)
# Bench rows use IDs from this base up, far above the snowflake IDs minted so far (< 2^53).
BENCH_ID_BASE=8000000000000000

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || { echo "installing nginx-light (Debian package)"; apt-get install -y -qq nginx-light >/dev/null; }
NGINX_PORT=${NGINX_PORT:-18089}
WORK=$(mktemp -d)
command -v mariadb >/dev/null || MYSQL=(mysql -h127.0.0.1 -P3306 -uroot douyin)

started_here=0
# Whether the gateway's process runs, not whether it answers: a gateway busy with the last run must
# not make this script start, and then stop, a stack it did not start.
if ! "$REPO/douyin" running; then
  "$REPO/douyin" up
  started_here=1
fi
cleanup() {
  [[ -f $WORK/nginx.pid ]] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null
  rm -rf "$WORK"
  ((started_here)) && "$REPO/douyin" down >/dev/null
  return 0
}
trap cleanup EXIT

# redis_command ARG...: one command to the stack's Redis in Redis's protocol over bash's /dev/tcp
# (no Redis client needed); the first bytes of the answer are read and dropped.
redis_command() {
  local url host port arg
  url=$(source "${DOUYIN_RUN_DIR:-$REPO/.run}/state/stores.env" && echo "$REDIS_URL")
  url=${url#redis://}
  host=${url%:*} port=${url##*:}
  exec 3<>"/dev/tcp/$host/$port"
  {
    printf '*%d\r\n' $#
    for arg in "$@"; do printf '$%d\r\n%s\r\n' "${#arg}" "$arg"; done
  } >&3
  head -c 4 <&3 >/dev/null
  exec 3>&-
}

# The seeded rows do not come through a publish, so the video provider's bloom filter of video IDs
# does not hold them, and once the gateway's entries expire it would refuse to read them again:
# its "complete" mark is dropped, and the provider rebuilds it from MySQL within 5 s.
forget_video_id_filter() {
  redis_command DEL video:ids:bloom:complete
  sleep 6
}

# Nor do they reach the recommended feed's model as published: its newest videos (rec:fresh, the
# last 500 published, which rankings draw from as a real stack's publishes fill it) get the newest
# seeded ones. Without them a ranking had only the ~1,000 videos the viewers liked, less the 600
# each was shown lately: takes a third shorter than a stack with publishes has.
seed_fresh_videos() {
  local pairs
  mapfile -t pairs < <("${MYSQL[@]}" -N -e "SELECT published_at, id FROM video WHERE id >= $BENCH_ID_BASE
    ORDER BY published_at DESC LIMIT 500" | tr '\t' '\n')
  redis_command ZADD rec:fresh "${pairs[@]}"
  redis_command ZREMRANGEBYRANK rec:fresh 0 -501
}

count=$("${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM video WHERE id >= $BENCH_ID_BASE")
if ((count < VIDEOS)); then
  echo "seeding $USERS users through the API and $VIDEOS videos"
  run=bench$(date +%s)
  seq 1 "$USERS" | xargs -P 8 -I{} curl -fs -X POST "$API/douyin/user/register/" \
    -d "username=${run}_{}&password=bench-password" -o /dev/null
  # One real upload gives a real file; the seeded rows all point at it.
  token=$(curl -fs -X POST "$API/douyin/user/login/" -d "username=${run}_1&password=bench-password" |
    sed -E 's/.*"token":"([^"]*)".*/\1/')
  sample=$(mktemp --suffix=.mp4)
  printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2' >"$sample"
  head -c 200000 /dev/urandom >>"$sample"
  curl -fs -X POST "$API/douyin/publish/action/" -F "token=$token" -F "title=bench sample" -F "data=@$sample" -o /dev/null
  rm -f "$sample"
  "${MYSQL[@]}" <<SQL
DELETE FROM video WHERE id >= $BENCH_ID_BASE;
SET @play := (SELECT play_key FROM video WHERE title = 'bench sample' ORDER BY id DESC LIMIT 1);
-- Published ten minutes ago and before, one a second: a video published lately without a cover is
-- waiting for it, and the gateway does not hold it (seeded rows have none), which a fresh seed's
-- newest videos -- the recommended feed's newest, a tenth of its places -- would otherwise be.
SET @now := UNIX_TIMESTAMP() * 1000 - 600000;
-- play_key is unique: the copies share one file through a query string the file server ignores.
INSERT INTO video (id, author_id, title, title_terms, play_key, cover_key, published_at)
SELECT $BENCH_ID_BASE + n, u.id, CONCAT('bench video ', n), '', CONCAT(@play, '?copy=', n), '', @now - n * 1000
FROM (SELECT a.i + b.i * 100 AS n FROM
        (SELECT seq AS i FROM seq_0_to_99) a CROSS JOIN (SELECT seq AS i FROM seq_0_to_99) b) nums
JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS r FROM user WHERE username LIKE '${run}\_%') u
  ON u.r = nums.n % $USERS
WHERE nums.n < $VIDEOS;
SQL
  forget_video_id_filter
fi
echo "videos seeded: $("${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM video WHERE id >= $BENCH_ID_BASE")"
seed_fresh_videos

curl -fs "$API/douyin/feed/" -o /dev/null
newest=$("${MYSQL[@]}" -N -e "SELECT MAX(published_at) FROM video WHERE id >= $BENCH_ID_BASE")

# Viewers for the logged-in page: fresh accounts, one token each.
run=feedbench$(date +%s)
seq 1 50 | xargs -P 8 -I{} curl -fs -X POST "$API/douyin/user/register/" \
  -d "username=${run}_{}&password=bench-password" -o "$WORK/viewer-{}"
grep -oh '"token":"[^"]*"' "$WORK"/viewer-* | cut -d'"' -f4 >"$WORK/tokens"
# What the recommended feed learns from: each viewer likes 20 random seeded videos (the model
# takes the like events from the broker).
while read -r token; do
  for _ in $(seq 1 20); do echo "$token $((BENCH_ID_BASE + RANDOM % VIDEOS))"; done
done <"$WORK/tokens" | xargs -P 8 -n 2 sh -c \
  'curl -fs -X POST "$0/douyin/favorite/action/" -d "token=$1&video_id=$2&action_type=1" -o /dev/null' "$API"
sleep 2

# The ceiling: nginx serving a deep page's exact bytes (one worker, no logs) on this loopback.
mkdir -p "$WORK/www" "$WORK/logs"
chmod 755 "$WORK" "$WORK/www"   # nginx's worker runs as nobody
curl -fs "$API/douyin/feed/?latest_time=$((newest - 5000000))" -o "$WORK/www/feed.json"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { root $WORK/www; default_type application/json; }
  }
}
NGINX
nginx -p "$WORK" -c "$WORK/nginx.conf"

source "$REPO/bench/steady.sh"

# measure NAME CONNECTIONS [wrk args...]: a warm-up until the rate is steady, one wrk run, then a
# one-line summary.
measure() {
  local name=$1 connections=$2 threads=2
  shift 2
  ((connections > 1)) || threads=1
  warmups+=("$(warm_up "$name" -t$threads -c"$connections" "$@")")
  echo "${warmups[-1]}"
  # RUNS (1) runs after the warm-up: the median run's figures are printed, with the runs' spread.
  local result rps p50 p99 errors share run runs=() results=() median spread=""
  for ((run = 0; run < ${RUNS:-1}; run++)); do
    results+=("$(wrk -t$threads -c"$connections" -d"$DURATION" --latency "$@")")
    runs+=("$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"${results[-1]}")")
  done
  median=$(for run in "${!runs[@]}"; do echo "${runs[$run]} $run"; done | sort -n | awk -v n=${#runs[@]} 'NR == int((n + 1) / 2) {print $2}')
  result=${results[$median]}
  ((${#runs[@]} > 1)) && spread="  median of ${#runs[@]}: $(printf '%s\n' "${runs[@]}" | sort -n | paste -sd' ' -)"
  echo "== $name"
  echo "$result"
  rps=${runs[$median]}
  p50=$(awk '$1 == "50%" {print $2}' <<<"$result")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
  errors=$(printf '%s\n' "${results[@]}" | awk '/Non-2xx|Socket errors/ {print}' | paste -sd';' -)
  failed=$(printf '%s\n' "${results[@]}" | awk '$1 == "answers" && $4 > 0 {print $4 " of " $2 " answers failed"}' | paste -sd';' -)
  errors=${errors:+$errors; }$failed
  [[ -z ${ceiling:-} ]] && ceiling=$rps
  share=$(awk -v r="$rps" -v c="$ceiling" 'BEGIN { printf "%.1f", 100 * r / c }')
  summary+=("$(printf '%-34s %7s req/s (%5s %% of nginx)  p50 %-9s p99 %-9s %s conns%s%s' "$name:" "$rps" "$share" "$p50" "$p99" "$connections" "$spread" "${errors:+  ERRORS: $errors}")")
}

summary=()
warmups=()
ceiling=
measure "nginx, the same deep page" "$CONNECTIONS" "http://127.0.0.1:$NGINX_PORT/feed.json"
# The first page, as the app opens on it: shared by the gateway for a second.
measure "feed, first page" "$CONNECTIONS" -s "$REPO/bench/feed.lua" "$API/douyin/feed/" -- first
measure "feed, first page, logged in" "$CONNECTIONS" -s "$REPO/bench/feed.lua" "$API/douyin/feed/" -- logged-in "$WORK/tokens"
# Pages deeper in the feed: every request goes through the video and user providers.
RUNS=5 measure "feed, random deep pages" "$CONNECTIONS" -s "$REPO/bench/feed.lua" "$API/douyin/feed/" -- deep "$newest"
measure "feed, random deep pages, 1 conn" 1 -s "$REPO/bench/feed.lua" "$API/douyin/feed/" -- deep "$newest"
# The recommended feed settles over minutes after the deep pages (its own code paths compiled anew,
# its viewers' takes growing) and swings with its viewers' 10 s marks: 10 s rounds, up to 6 minutes.
WARM_UP_ROUND=10s WARM_UP_MAX_ROUNDS=36 RUNS=5 \
  measure "recommended, 30 a page, logged in" "$CONNECTIONS" -s "$REPO/bench/feed.lua" "$API/douyin/feed/" -- recommended "$WORK/tokens"
echo
echo "$(date -u +%F) feed figures ($(nproc) cores, $DURATION each after a warm-up to a steady rate):"
printf '%s\n' "${summary[@]}"
printf '%s\n' "${warmups[@]}"
