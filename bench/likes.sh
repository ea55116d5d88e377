#!/usr/bin/env bash
# Like-storm benchmark: 2,000 users like 10 hot videos (20,000 likes, each (user, video) once)
# through the gateway, 50 at a time. Prints likes/s, the SQL statements MySQL executed per
# 1,000 likes (the write-behind consumers' batching), and how long after the last answer the
# MySQL counters equal the Redis ones. It prints figures; it does not judge them.
#
#   bench/likes.sh           (starts the system with ./douyin up if it is not running, and stops it after)
#   USERS=500 CONCURRENCY=20 bench/likes.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API=http://127.0.0.1:8080
USERS=${USERS:-2000}
VIDEOS=10
CONCURRENCY=${CONCURRENCY:-50}
DB=${DOUYIN_DB_NAME:-douyin}
MYSQL=(mariadb -h127.0.0.1 -P3306 -uroot "$DB")
command -v mariadb >/dev/null || MYSQL=(mysql -h127.0.0.1 -P3306 -uroot "$DB")
WORK=$(mktemp -d)

started_here=0
if ! curl -fs -m 2 "$API/actuator/health" >/dev/null 2>&1; then
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
printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2' >"$sample"
head -c 100000 /dev/urandom >>"$sample"
for i in $(seq 1 $VIDEOS); do
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
  local id sum=0
  for id in $(cat "$WORK/videos"); do
    sum=$((sum + $(redis-cli HGET "video:counters:$id" favorite_count)))
  done
  echo "$sum"
}

before=$(statements)
echo "storm: $((USERS * VIDEOS)) likes, $CONCURRENCY at a time"
python3 - "$API" "$WORK/tokens" "$WORK/videos" "$CONCURRENCY" >"$WORK/storm" <<'PY'
import http.client, random, sys, threading, time, urllib.parse
api, tokens, videos, concurrency = sys.argv[1], open(sys.argv[2]).read().split(), open(sys.argv[3]).read().split(), int(sys.argv[4])
host = urllib.parse.urlparse(api)
work = [(t, v) for t in tokens for v in videos]
random.Random(1).shuffle(work)
lock, failures = threading.Lock(), [0]

def worker():
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    while True:
        with lock:
            if not work:
                return
            token, video = work.pop()
        body = urllib.parse.urlencode({"token": token, "video_id": video, "action_type": 1})
        conn.request("POST", "/douyin/favorite/action/", body, {"Content-Type": "application/x-www-form-urlencoded"})
        answer = conn.getresponse().read()
        if b'"status_code":0' not in answer:
            with lock:
                failures[0] += 1

total = len(work)
start = time.time()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.time() - start
print(f"{total} {elapsed:.2f} {failures[0]}")
PY
read -r likes seconds failed <"$WORK/storm"
answered_at=$(date +%s.%N)

expected=$(redis_total)
while [[ $(mysql_total) != "$expected" ]]; do sleep 0.2; done
converged=$(awk -v a="$answered_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
issued=$(($(statements) - before))

echo
printf 'likes: %s in %ss = %s likes/s through the gateway (%s failed)\n' \
  "$likes" "$seconds" "$(awk -v n="$likes" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')" "$failed"
printf 'SQL statements (all of MySQL, INSERT+UPDATE+SELECT) per 1,000 likes: %s\n' \
  "$(awk -v q="$issued" -v n="$likes" 'BEGIN { printf "%.0f", q * 1000 / n }')"
printf 'MySQL counters equal Redis (%s likes) %ss after the last answer\n' "$expected" "$converged"
