#!/usr/bin/env bash
# Feed benchmark: seeds 10,000 videos from 1,000 users, then measures GET /douyin/feed/ through
# the gateway with wrk (200 connections) and prints throughput and latency percentiles: once for
# the first page (what the app opens on) and once for random deeper pages.
# It prints figures; it does not judge them. Target on a 2-core machine: p99 under 20 ms.
#
#   bench/feed.sh            (starts the system with ./douyin up if it is not running, and stops it after)
#   CONNECTIONS=200 DURATION=20s bench/feed.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API=http://127.0.0.1:8080
USERS=${USERS:-1000}
VIDEOS=${VIDEOS:-10000}
CONNECTIONS=${CONNECTIONS:-200}
DURATION=${DURATION:-20s}
MYSQL=(mariadb -h127.0.0.1 -P3306 -uroot douyin)
# Bench rows use IDs from this base up, far above the snowflake IDs minted so far (< 2^53).
BENCH_ID_BASE=8000000000000000

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }
command -v mariadb >/dev/null || MYSQL=(mysql -h127.0.0.1 -P3306 -uroot douyin)

started_here=0
if ! curl -fs -m 2 "$API/actuator/health" >/dev/null 2>&1; then
  "$REPO/douyin" up
  started_here=1
fi
trap '((started_here)) && "$REPO/douyin" down >/dev/null' EXIT

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
SET @now := UNIX_TIMESTAMP() * 1000;
-- play_key is unique: the copies share one file through a query string the file server ignores.
INSERT INTO video (id, author_id, title, title_terms, play_key, cover_key, published_at)
SELECT $BENCH_ID_BASE + n, u.id, CONCAT('bench video ', n), '', CONCAT(@play, '?copy=', n), '', @now - n * 1000
FROM (SELECT a.i + b.i * 100 AS n FROM
        (SELECT seq AS i FROM seq_0_to_99) a CROSS JOIN (SELECT seq AS i FROM seq_0_to_99) b) nums
JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS r FROM user WHERE username LIKE '${run}\_%') u
  ON u.r = nums.n % $USERS
WHERE nums.n < $VIDEOS;
SQL
fi
echo "videos seeded: $("${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM video WHERE id >= $BENCH_ID_BASE")"

curl -fs "$API/douyin/feed/" -o /dev/null

# measure NAME [wrk args...]: one wrk run, its output, then a one-line summary.
measure() {
  local name=$1
  shift
  wrk -t2 -c"$CONNECTIONS" -d5s "$@" >/dev/null   # warm-up
  local result rps p50 p99 errors
  result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  echo "$result"
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$result")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$result")
  summary+=("$name: ${rps} requests/s, p50 ${p50}, p99 ${p99} at ${CONNECTIONS} connections${errors:+ (errors: $errors)}")
}

summary=()
# The first page, as the app opens on it: shared by the gateway for a second.
measure "feed, first page" "$API/douyin/feed/"
# Pages deeper in the feed: every request goes through the video and user providers.
newest=$("${MYSQL[@]}" -N -e "SELECT MAX(published_at) FROM video WHERE id >= $BENCH_ID_BASE")
measure "feed, random pages" -s "$REPO/bench/feed-pages.lua" "$API/douyin/feed/" -- "$newest"
echo
printf '%s\n' "${summary[@]}"
echo "(target: p99 < 20ms)"
