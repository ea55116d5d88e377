# Sourced by the bench scripts: warm_up LABEL WRK_ARGS... runs the workload in 5 s rounds until three
# rounds in a row agree within 10 % and the last is not still climbing (at most 3 % above the mean of
# the two before it: 4,365 4,484 4,565 agree within 10 % on their way up, and the recommended feed
# went on to 5,500) -- at least three rounds, at most 24 = 2 min -- and prints each round.
# WARM_UP_ROUND and WARM_UP_MAX_ROUNDS change those two (a workload that settles slowly, or whose
# rate swings with a period of its own, as the recommended feed's with its viewers' 10 s marks).
# A JVM just started runs its hot code interpreted, then compiled (C1, C2) over a minute or two of
# load, and a gateway just started holds no settled feed page yet: figures taken then measure the
# start, not the system (and a cold gateway can hold a rate for two rounds on its way up). A stack
# already warm agrees in three rounds (15 s). The rounds' figures are printed, not counted.
warm_up() {
  local label=$1 round rate rounds=() length=${WARM_UP_ROUND:-5s}
  shift
  for round in $(seq 1 "${WARM_UP_MAX_ROUNDS:-24}"); do
    rate=$(wrk -d"$length" "$@" 2>/dev/null | awk '/Requests\/sec/ {printf "%.0f", $2}')
    rounds+=("${rate:-0}")
    if ((round >= 3)) && printf '%s\n' "${rounds[@]: -3}" | awk '
        { if (NR == 1 || $1 < low) low = $1; if ($1 > high) high = $1; r[NR] = $1 }
        END { exit !(low > 0 && high / low <= 1.10 && r[3] <= 1.03 * (r[1] + r[2]) / 2) }'; then
      break
    fi
  done
  echo "warm-up ($label): ${rounds[*]} req/s in $length rounds"
}
