# Sourced by the throughput benchmarks: every tool runs once per round, in an order that rotates
# from round to round (the broker is slower for whoever goes first after a quiet spell), and the
# summary is each tool's median round. Needs WORK (a scratch directory) and ROUNDS. WARMUP (default 1)
# rounds go first, printed but not counted: a broker's first runs after its start are up to 4x slower
# (its JIT warming up: 1.1 s of its CPU, then 0.25 s by the tenth run of the same produce).

# rounds RUN TOOL...: calls `RUN TOOL ROUND` for every tool in every round (warm-up rounds: ROUND 0).
rounds() {
  local run=$1; shift
  local tools=("$@") r i
  for ((r = 1; r <= ${WARMUP:-1}; r++)); do
    for ((i = 0; i < ${#tools[@]}; i++)); do "$run" "${tools[i]}" 0; done
  done
  for ((r = 1; r <= ROUNDS; r++)); do
    for ((i = 0; i < ${#tools[@]}; i++)); do "$run" "${tools[(i + r - 1) % ${#tools[@]}]}" "$r"; done
  done
}

# timed TOOL ROUND RECORDS IN OUT COMMAND...: runs it with stdin from IN and stdout to OUT; prints
# and keeps its seconds, peak RSS and CPU seconds (user + sys of the command and its children: on a
# shared machine the CPU time says more than the wall time; a pipe's cat is counted too).
timed() {
  local tool=$1 round=$2 records=$3 in=$4 out=$5; shift 5
  local before; before=$(broker_ticks)
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" <"$in" >"$out" 2>"$WORK/err" || { echo "$tool failed:"; cat "$WORK/err"; return; }
  local broker; broker=$(broker_ticks)
  local bsecs=-
  [ -n "$broker" ] && bsecs=$(awk -v a="$before" -v b="$broker" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz }')
  [ "$bsecs" = - ] && broker= || broker=", broker ${bsecs}s CPU"
  local secs rss user sys; read -r secs rss user sys < "$WORK/time"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local label=$round
  [ "$round" = 0 ] && label='0 (warm-up, not counted)'
  printf 'round %s  %-16s %6.2fs %10d records/s %5d MB peak RSS %5.2fs CPU (load %s%s)\n' "$label" "$tool" "$secs" \
    "$(awk -v n="$records" -v s="$secs" 'BEGIN { printf "%d", n / s }')" $((rss / 1024)) "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" "$broker"
  [ "$round" = 0 ] || echo "$secs $((rss / 1024)) $cpu $bsecs" >> "$WORK/runs.$tool"
}

# The local broker's CPU time so far, in clock ticks (user + system; nothing when BROKER_PID is unset or gone).
broker_ticks() {
  [ -n "${BROKER_PID:-}" ] && [ -r "/proc/$BROKER_PID/stat" ] && awk '{ print $14 + $15 }' "/proc/$BROKER_PID/stat" || true
}

median_secs() { sort -n "$WORK/runs.$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
median_cpu() { sort -n -k3 "$WORK/runs.$1" | awk '{ a[NR] = $3 } END { print a[int((NR + 1) / 2)] }'; }
median_broker() { grep -v ' -$' "$WORK/runs.$1" | sort -n -k4 | awk '{ a[NR] = $4 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
max_rss() { sort -n -k2 "$WORK/runs.$1" | tail -1 | cut -d' ' -f2; }

# summary RECORDS TOOL...: medians, then each ktool variant's speed against each other tool.
summary() {
  local records=$1; shift
  echo "median of $ROUNDS rounds:"
  local tool other
  for tool in "$@"; do
    [ -f "$WORK/runs.$tool" ] || continue
    local broker; broker=$(median_broker "$tool")
    printf '  %-16s %6.2fs %10d records/s %5d MB peak RSS (max) %5.2fs CPU%s\n' "$tool" "$(median_secs "$tool")" \
      "$(awk -v n="$records" -v s="$(median_secs "$tool")" 'BEGIN { printf "%d", n / s }')" "$(max_rss "$tool")" "$(median_cpu "$tool")" \
      "${broker:+ (broker ${broker}s)}"
  done
  for tool in "$@"; do
    [[ $tool == ktool* ]] && [ -f "$WORK/runs.$tool" ] || continue
    for other in "$@"; do
      [[ $other == ktool* ]] || [ ! -f "$WORK/runs.$other" ] ||
        awk -v a="$(median_secs "$tool")" -v b="$(median_secs "$other")" -v me="$tool" -v o="$other" \
          -v ca="$(median_cpu "$tool")" -v cb="$(median_cpu "$other")" \
          'BEGIN { printf "%s / %s: %.2fx (CPU %.2fx)\n", me, o, b / a, ca / cb }'
    done
  done
}
