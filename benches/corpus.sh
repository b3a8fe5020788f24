#!/usr/bin/env bash
# Benchmark and accuracy of the corpus comparison at scale, on a labelled
# corpus generated from the real policies (tools/gencorpus, --scale mode:
# families of 2-50 copies under new names with planted deviations, ~5%
# singletons). Measured in the same run:
#   - the map: `qostil sketch -j 2` over all files (the per-document stage);
#   - the reduce: `qostil audit --from` (families, comparison, reports),
#     against a `cat` of the same records as the baseline;
#   - wall, CPU and peak RSS of each (/usr/bin/time), and the reduce's
#     phases (--timings): the corpus comparison's own share;
#   - family P/R/F1 and deviation P/R against the gold (score.py).
# Usage: benches/corpus.sh [N=1000] [SEED=7]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
seed=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin qostil
python3 tools/gencorpus/gencorpus.py --sources corpus/*.txt --scale "$n" \
  --seed "$seed" --opaque-names --out "$work/corpus" >/dev/null 2>&1
bytes=$(cat "$work"/corpus/*.txt | wc -c)
measure() { # label, command...: wall s, CPU s, peak RSS MB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  # GNU time adds a "Command exited with non-zero status" line: the figures are the last.
  tail -n 1 "$work/time" | awk -v l="$label" '{printf "%-28s wall %7.2f s  cpu %7.2f s  peak RSS %6.0f MB\n", l, $1, $2+$3, $4/1024}'
}
echo "documents $n, $(awk -v b="$bytes" 'BEGIN{printf "%.1f MB", b/1e6}')"
measure "cat (baseline, inputs)" sh -c "cat $work/corpus/*.txt"
/usr/bin/time -f "%e %U %S %M" -o "$work/time" \
  target/release/qostil sketch -j 2 "$work/corpus" >"$work/records.jsonl" 2>/dev/null || true
tail -n 1 "$work/time" | awk '{printf "%-28s wall %7.2f s  cpu %7.2f s  peak RSS %6.0f MB\n", "sketch -j 2 (map)", $1, $2+$3, $4/1024}'
echo "records: $(wc -l <"$work/records.jsonl") lines, $(du -m "$work/records.jsonl" | cut -f1) MB"
measure "cat (baseline, records)" cat "$work/records.jsonl"
measure "audit --from (reduce)" target/release/qostil audit --from "$work/records.jsonl" --out-dir "$work/r" --timings
# The reduce's phases (its stderr): reading the records, the corpus
# comparison (families, templates, deviations, the norm), the reports.
grep "done at" "$work/err" | sed 's/^qostil: /  /'
python3 tools/gencorpus/score.py "$work/r/report.json" "$work/corpus/gold.json"
