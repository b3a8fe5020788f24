#!/usr/bin/env bash
# Benchmark: `qostil audit` over a synthetic corpus generated from corpus/,
# against baselines measured in the same run:
#   - read+hash: sha256sum over the same files (the floor any tool pays);
#   - -j 1 vs -j 2: the parallel speed-up of the audit.
# Usage: benches/audit.sh [N=200] [REPEAT=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
repeat=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --bin qostil --example synth_corpus
target/release/examples/synth_corpus corpus "$work/corpus" "$n"
bytes=$(cat "$work"/corpus/*.txt | wc -c)
best() { # best wall time in seconds of REPEAT runs of "$@"
  local b=""
  for _ in $(seq "$repeat"); do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(echo "$s $e $b" | awk '{t=$2-$1; if ($3=="" || t<$3) print t; else print $3}')
  done
  echo "$b"
}
hash=$(best sh -c "sha256sum $work/corpus/*.txt")
j1=$(best target/release/qostil audit "$work/corpus" --out-dir "$work/r1" -j 1)
j2=$(best target/release/qostil audit "$work/corpus" --out-dir "$work/r2" -j 2)
cmp -s "$work/r1/report.json" "$work/r2/report.json" && same=yes || same=NO
awk -v n="$n" -v mb="$bytes" -v h="$hash" -v a="$j1" -v b="$j2" -v same="$same" 'BEGIN {
  printf "documents %d, %.1f MB\n", n, mb/1e6
  printf "sha256sum baseline   %7.3f s\n", h
  printf "audit -j 1           %7.3f s  %6.1f docs/s  %5.1fx the baseline\n", a, n/a, a/h
  printf "audit -j 2           %7.3f s  %6.1f docs/s  speed-up %.2fx over -j 1\n", b, n/b, a/b
  printf "reports identical across -j 1 and -j 2: %s\n", same
}'
