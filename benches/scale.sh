#!/usr/bin/env bash
# The bulk audit at scale (issue 15): `qostil audit` end to end (analysis,
# corpus comparison, every report) over generated corpora of 100, 1,000 and
# 10,000 policies, against baselines timed in the same run on the same
# files:
#   - `cat` of every input (reading them);
#   - `rg` (ripgrep) counting a word in every input (scanning them);
#   - `audit -j 1` against `audit -j 2` (the parallel speed-up).
# The corpora come from tools/gencorpus --scale (the real layouts of
# corpus/ under new names, in families with planted deviations, ~47 KB a
# policy). For each run: wall, CPU (user + system) and peak RSS from GNU
# time; CPU per policy; the ratios to cat and rg; the cost exponent
# between consecutive sizes (log of the CPU ratio over log of the size
# ratio: 1.0 is linear). Then one long policy (all of corpus/ repeated to
# LONG_MB, default 1 MB) analysed alone by `qostil check`.
# Usage: benches/scale.sh [SIZES="100 1000 10000"] [LONG_MB=1]
# Needs GNU time (/usr/bin/time) and ripgrep (Debian: time, ripgrep).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"100 1000 10000"}
long_mb=${2:-1}
for tool in /usr/bin/time rg python3; do
  command -v "$tool" >/dev/null || { echo "scale.sh: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin qostil
bin=target/release/qostil

# measure LABEL N cmd...: one line of figures; also leaves "wall cpu rss"
# in $work/last.
measure() {
  local label=$1 n=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  # GNU time adds a "Command exited with non-zero status" line: the
  # figures are on the last line.
  tail -n 1 "$work/time" | awk '{print $1, $2+$3, $4/1024}' >"$work/last"
  read -r wall cpu rss <"$work/last"
  awk -v l="$label" -v n="$n" -v w="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
    printf "  %-14s wall %8.2f s  cpu %8.2f s  %6.2f ms cpu/policy  peak RSS %6.0f MB\n",
      l, w, c, 1000 * c / n, r }'
}

prev_n="" ; prev_cpu=""
for n in $sizes; do
  dir="$work/c$n"
  python3 tools/gencorpus/gencorpus.py --sources corpus/*.txt --scale "$n" \
    --seed 7 --opaque-names --out "$dir" >/dev/null 2>&1
  rm -f "$dir/gold.json"
  files=$(find "$dir" -type f | wc -l)
  bytes=$(find "$dir" -type f -print0 | xargs -0 cat | wc -c)
  echo "policies $files, $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}')"
  measure "cat" "$files" sh -c "find '$dir' -type f -print0 | xargs -0 cat"
  read -r cat_wall _ _ <"$work/last"
  measure "rg" "$files" rg -c -j 2 "персональн" "$dir"
  read -r rg_wall _ _ <"$work/last"
  measure "audit -j 1" "$files" "$bin" audit "$dir" --out-dir "$work/r1" -j 1 -q
  read -r j1_wall j1_cpu _ <"$work/last"
  measure "audit -j 2" "$files" "$bin" audit "$dir" --out-dir "$work/r2" -j 2 -q
  read -r j2_wall j2_cpu _ <"$work/last"
  same=NO
  cmp -s "$work/r1/report.json" "$work/r2/report.json" && same=yes
  awk -v a="$j1_wall" -v b="$j2_wall" -v c="$cat_wall" -v r="$rg_wall" -v same="$same" 'BEGIN {
    printf "  -j 2 speed-up %.2fx; audit -j 2 is %.0fx cat, %.0fx rg; reports identical across -j: %s\n",
      a / b, b / (c > 0.005 ? c : 0.005), b / (r > 0.005 ? r : 0.005), same }'
  if [ -n "$prev_n" ]; then
    awk -v n0="$prev_n" -v n1="$files" -v c0="$prev_cpu" -v c1="$j2_cpu" 'BEGIN {
      printf "  cost exponent from %d to %d policies: %.2f\n", n0, n1, log(c1 / c0) / log(n1 / n0) }'
  fi
  prev_n=$files; prev_cpu=$j2_cpu
  rm -rf "$dir" "$work/r1" "$work/r2"
done

# One long policy: corpus/ repeated until LONG_MB.
long="$work/long.txt"
: >"$long"
while [ "$(wc -c <"$long")" -lt $((long_mb * 1000000)) ]; do
  cat corpus/*.txt >>"$long"
done
echo "one policy of $(awk -v b="$(wc -c <"$long")" 'BEGIN{printf "%.1f MB", b/1e6}')"
measure "check" 1 "$bin" check "$long" -q
