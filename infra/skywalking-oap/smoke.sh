#!/usr/bin/env bash
# Smoke test of a running OAP (started as README-launcher.md says): posts one Zipkin v2 trace of two
# spans (smoke-gateway -> smoke-user, the second a child of the first, with tags) to the Zipkin
# receiver, then reads it back through the Zipkin query API, directly and through the Lens UI's
# server (TraceUi). Prints every answer; exits non-zero when a check fails (first of all: the trace
# is not found within SMOKE_WAIT_SECONDS).
#
# Environment (optional): OAP_RECEIVER (http://127.0.0.1:9411), OAP_QUERY (http://127.0.0.1:9412/zipkin),
# OAP_UI (http://127.0.0.1:9413/zipkin; "none": skip the UI checks), SMOKE_WAIT_SECONDS (60).
set -euo pipefail

RECEIVER=${OAP_RECEIVER:-http://127.0.0.1:9411}
QUERY=${OAP_QUERY:-http://127.0.0.1:9412/zipkin}
UI=${OAP_UI:-http://127.0.0.1:9413/zipkin}
WAIT=${SMOKE_WAIT_SECONDS:-60}

fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }
hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }
ms() { echo $(($(date +%s%N) / 1000000)); }

# get URL: the body of a GET (fails on an HTTP error)
get() { curl -fsS -m 10 "$1"; }

# wait_for NAME URL TEXT...: polls URL until its body contains every TEXT; prints the body and how
# long after the POST it took.
wait_for() {
  local name=$1 url=$2 body text ok
  shift 2
  local deadline=$((SECONDS + WAIT))
  while :; do
    body=$(curl -fsS -m 10 "$url" 2>/dev/null) || body=
    ok=1
    for text in "$@"; do [[ $body == *"$text"* ]] || ok=0; done
    if ((ok)); then
      printf '\n== %s: GET %s (%d ms after the POST)\n%s\n' "$name" "$url" $(($(ms) - posted)) "$body"
      return 0
    fi
    ((SECONDS < deadline)) || fail "$name: $url did not answer with ${*} within ${WAIT}s (last answer: ${body:-none})"
    sleep 0.5
  done
}

trace=$(hex 16) root=$(hex 8) child=$(hex 8)
now=$(($(date +%s%N) / 1000)) # Zipkin timestamps are in microseconds
spans=$(cat <<EOF
[
  {"traceId": "$trace", "id": "$root", "kind": "SERVER", "name": "get /douyin/feed/",
   "timestamp": $((now - 60000)), "duration": 45000,
   "localEndpoint": {"serviceName": "smoke-gateway", "ipv4": "127.0.0.1", "port": 8080},
   "remoteEndpoint": {"ipv4": "127.0.0.1", "port": 50000},
   "tags": {"http.method": "GET", "http.path": "/douyin/feed/", "http.status_code": "200"}},
  {"traceId": "$trace", "parentId": "$root", "id": "$child", "kind": "SERVER", "name": "userservice/getuser",
   "timestamp": $((now - 50000)), "duration": 20000,
   "localEndpoint": {"serviceName": "smoke-user", "ipv4": "127.0.0.1", "port": 20881},
   "tags": {"rpc.service": "UserService", "rpc.method": "getUser"}}
]
EOF
)

echo "== POST $RECEIVER/api/v2/spans (trace $trace)"
posted=$(ms)
code=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "$spans" "$RECEIVER/api/v2/spans") ||
  fail "POST to the receiver failed"
echo "HTTP $code"
[[ $code == 202 || $code == 200 ]] || fail "the receiver answered HTTP $code"

wait_for trace "$QUERY/api/v2/trace/$trace" "\"id\":\"$root\"" "\"id\":\"$child\"" "\"parentId\":\"$root\""
wait_for services "$QUERY/api/v2/services" '"smoke-gateway"' '"smoke-user"'
# minDuration is in microseconds: the root span lasted 45 ms.
wait_for "traces of smoke-gateway over 30 ms" "$QUERY/api/v2/traces?serviceName=smoke-gateway&minDuration=30000&lookback=3600000&limit=10" "$trace"
wait_for "traces of smoke-user, tag rpc.method=getUser" "$QUERY/api/v2/traces?serviceName=smoke-user&annotationQuery=rpc.method%3DgetUser&lookback=3600000&limit=10" "$trace"
over=$(get "$QUERY/api/v2/traces?serviceName=smoke-gateway&minDuration=100000&lookback=3600000&limit=10") || fail "traces over 100 ms: no answer"
printf '\n== traces of smoke-gateway over 100 ms (none expected)\n%s\n' "$over"
[[ $over != *"$trace"* ]] || fail "minDuration=100000 still found the 45 ms trace"
wait_for config "$QUERY/config.json" '"queryLimit"'

if [[ $UI != none ]]; then
  index=$(get "$UI/") || fail "the Lens UI does not answer at $UI/"
  printf '\n== Lens: GET %s/ (%d bytes)\n%s\n' "$UI" ${#index} "$(grep -o '<base[^>]*>\|<title>[^<]*</title>' <<<"$index" | head -n 3)"
  [[ $index == *"<div id=\"root\""* || $index == *"id=\"root\""* ]] || fail "$UI/ is not Lens's index.html"
  # Every script and style sheet index.html names, relative to /zipkin/.
  assets=$(grep -o '\(src\|href\)="[^"]*\.\(js\|css\)"' <<<"$index" | sed 's/^[a-z]*="//; s/"$//' | sort -u)
  [[ -n $assets ]] || fail "index.html names no script or style sheet"
  for asset in $assets; do
    case $asset in
      http*) url=$asset ;;
      /*) url=${UI%%/zipkin}$asset ;;
      ./*) url=$UI/${asset#./} ;;
      *) url=$UI/$asset ;;
    esac
    answer=$(curl -sS -m 10 -o /dev/null -w '%{http_code} %{content_type} %{size_download}' "$url") || fail "GET $url failed"
    echo "asset $url: $answer"
    [[ $answer == 200\ * ]] || fail "asset $url: $answer"
  done
  wait_for "services through the UI" "$UI/api/v2/services" '"smoke-gateway"' '"smoke-user"'
  wait_for "trace through the UI" "$UI/api/v2/trace/$trace" "\"id\":\"$child\""
  route=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' "$UI/traces/$trace") || fail "GET $UI/traces/$trace failed"
  echo "Lens route $UI/traces/$trace: HTTP $route"
  [[ $route == 200 ]] || fail "Lens route answered HTTP $route"
fi

printf '\nsmoke: OK (trace %s)\n' "$trace"
