#!/usr/bin/env bash
# Like-storm benchmark: 200 users like and unlike 10 hot videos at random through the gateway,
# driven by wrk (bench/likes.lua) on 50 connections for 15 s after a warm-up storm that lasts until
# its rate is steady (JIT, pools, connections: bench/steady.sh; its figures are not counted). Prints
# answered likes/s, latency percentiles, failed answers, the SQL statements MySQL executed per 1,000 likes (the write-behind
# consumers' batching), and how long after the last answer the MySQL counters equal the Redis ones
# (and the favorite rows). It prints figures; it does not judge them.
#
#   bench/likes.sh           (starts the system with ./douyin up if it is not running, and stops it after)
#   USERS=500 CONNECTIONS=20 DURATION=30s WARMUP=0 bench/likes.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API=http://127.0.0.1:8080
USERS=${USERS:-200}
VIDEOS=10
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-1}   # 0: no warm-up
DB=${DOUYIN_DB_NAME:-douyin}
REDIS_URL=${DOUYIN_REDIS_URL:-redis://127.0.0.1:6379}
MYSQL=(mariadb -h127.0.0.1 -P3306 -uroot "$DB")
command -v mariadb >/dev/null || MYSQL=(mysql -h127.0.0.1 -P3306 -uroot "$DB")
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -qq wrk >/dev/null; }

started_here=0
# Whether the gateway's process runs, not whether it answers: a gateway busy with the last run must
# not make this script start, and then stop, a stack it did not start.
if ! "$REPO/douyin" running; then
  "$REPO/douyin" up
  started_here=1
fi
trap 'rm -rf "$WORK"; ((started_here)) && "$REPO/douyin" down >/dev/null' EXIT

run=likes$(date +%s)
token_of() { sed -E 's/.*"token":"([^"]*)".*/\1/'; }

echo "registering $USERS users"
mkdir "$WORK/users"
# One answer per file: parallel answers written to one pipe could interleave.
seq 1 "$USERS" | xargs -P 8 -I{} curl -fs -X POST "$API/douyin/user/register/" \
  -d "username=${run}_{}&password=bench-password" -o "$WORK/users/{}"
grep -oh '"token":"[^"]*"' "$WORK"/users/* | cut -d'"' -f4 >"$WORK/tokens"
echo "$(wc -l <"$WORK/tokens") users registered"

echo "publishing $VIDEOS videos"
author=$(curl -fs -X POST "$API/douyin/user/register/" -d "username=${run}_author&password=bench-password")
author_token=$(token_of <<<"$author")
author_id=$(sed -E 's/.*"user_id":([0-9]+).*/\1/' <<<"$author")
sample=$WORK/sample.mp4
for i in $(seq 1 $VIDEOS); do
  # A file of its own each (the same bytes sent again by one user are the same publish).
  printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2' >"$sample"
  head -c 100000 /dev/urandom >>"$sample"
  curl -fs -X POST "$API/douyin/publish/action/" -F "token=$author_token" -F "title=hot $i" -F "data=@$sample" -o /dev/null
done
curl -fs "$API/douyin/publish/list/?user_id=$author_id" | grep -o '"id":[0-9]*,"author"' | grep -o '[0-9]*' >"$WORK/videos"
# Read once, so the counters are cached in Redis and every like moves them there at once.
curl -fs "$API/douyin/publish/list/?user_id=$author_id" -o /dev/null

statements() {
  "${MYSQL[@]}" -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_insert','Com_update','Com_select')" |
    awk '{ sum += $2 } END { print sum }'
}
mysql_total() {
  "${MYSQL[@]}" -N -e "SELECT COALESCE(SUM(favorite_count), 0) FROM video WHERE author_id = $author_id"
}
redis_total() {
  local id count sum=0
  for id in $(cat "$WORK/videos"); do
    count=$(redis-cli -c -u "$REDIS_URL" HGET "video:counters:$id" favorite_count)
    sum=$((sum + ${count:-0}))
  done
  echo "$sum"
}

mysql_rows() {
  "${MYSQL[@]}" -N -e "SELECT COUNT(*) FROM favorite f JOIN video v ON v.id = f.video_id WHERE v.author_id = $author_id AND f.liked = 1"
}

if [[ $WARMUP != 0 ]]; then
  source "$REPO/bench/steady.sh"
  warm_up "like storm, not counted" -t2 -c"$CONNECTIONS" -s "$REPO/bench/likes.lua" "$API/douyin/favorite/action/" \
    -- "$WORK/tokens" "$WORK/videos"
  sleep 2 # the write-behind of the warm-up lands before the count starts
fi
before=$(statements)
echo "storm: random likes and unlikes of $VIDEOS videos by $USERS users, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$REPO/bench/likes.lua" "$API/douyin/favorite/action/" \
  -- "$WORK/tokens" "$WORK/videos" >"$WORK/storm"
answered_at=$(date +%s.%N)
cat "$WORK/storm"

converged=never
for _ in $(seq 1 300); do
  expected=$(redis_total)
  if [[ $(mysql_total) == "$expected" && $(mysql_rows) == "$expected" ]]; then
    converged=$(awk -v a="$answered_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }')
    break
  fi
  sleep 0.1
done
issued=$(($(statements) - before))
read -r _ likes _ failed < <(grep '^answers' "$WORK/storm")

echo
printf 'likes: %s answered = %s likes/s through the gateway, p50 %s, p99 %s, %s failed (%s connections)\n' \
  "$likes" "$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/storm")" \
  "$(awk '$1 == "50%" {print $2}' "$WORK/storm")" "$(awk '$1 == "99%" {print $2}' "$WORK/storm")" "$failed" "$CONNECTIONS"
printf 'SQL statements (all of MySQL, INSERT+UPDATE+SELECT) per 1,000 likes: %s\n' \
  "$(awk -v q="$issued" -v n="$likes" 'BEGIN { printf "%.0f", q * 1000 / n }')"
printf 'MySQL counters equal Redis and the favorite rows (%s likes standing) %s after the last answer\n' "$(redis_total)" "$converged"
