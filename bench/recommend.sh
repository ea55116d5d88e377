#!/usr/bin/env bash
# Quality of the "for you" feed: replays a synthetic population with planted tastes (5 topics,
# 2,000 users, 20,000 videos, 40 likes each, 80 % in the user's topic) into the recommendation
# model on this machine's Redis (database 8, emptied) and prints precision@10 of the ranking and
# of a popularity-only one (RecommendationPrecisionIT). Its throughput is in bench/feed.sh.
#
#   bench/recommend.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
[[ -d $HOME/.m2/repository/com/douyin ]] || mvn -q -B -DskipTests install
mvn -B -o verify -pl douyin-provider-video -Dit.test=RecommendationPrecisionIT -Dtest=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 | grep -E '^precision@10' ||
  { echo "the replay failed: run it with mvn to see why" >&2; exit 1; }
