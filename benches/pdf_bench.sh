#!/usr/bin/env bash
# Throughput and accuracy of qostil's PDF extraction beside pdftotext, on the
# fixtures and on a generated PDF of more than 200 pages, in one run.
#
#   bash benches/pdf_bench.sh [REPEATS]
#
# Needs: cargo, poppler-utils (pdftotext, pdfinfo), python3 with rapidfuzz
# (scoring) and, for the 200-page PDF, fpdf2 and fonts-dejavu-core (it is
# remade from fixtures/pdf/make.py rather than committed). Each tool runs as
# one process per extraction, REPEATS times per file (default 5); pages/s is
# pages × REPEATS / wall time. Accuracy: see benches/pdf_score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS="${1:-5}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --quiet --release --example pdf_extract
OURS="$CARGO_TARGET_DIR/release/examples/pdf_extract"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 fixtures/pdf/make.py --big 200 "$WORK/big200.pdf"
FILES=(fixtures/pdf/lo_table.pdf fixtures/pdf/fpdf_cols.pdf fixtures/pdf/rl_lines.pdf "$WORK/big200.pdf")

# Wall time of REPEATS runs of a command, in seconds.
timed() {
  local start end
  start=$(date +%s.%N)
  for ((i = 0; i < REPEATS; i++)); do "$@" >/dev/null 2>&1; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf '%-14s %5s | %9s %9s %9s | %6s %6s | %-26s %-26s %-26s %-26s\n' \
  file pages "ours p/s" "plain p/s" "layout p/s" "x plain" "x layout" \
  "ours kk/ru/lines" "ours-text kk/ru/lines" "pdftotext kk/ru/lines" "-layout kk/ru/lines"
for f in "${FILES[@]}"; do
  name=$(basename "$f" .pdf)
  prefix="${f%.pdf}"
  pages=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  t_ours=$(timed "$OURS" "$f")
  t_plain=$(timed pdftotext "$f" -)
  t_layout=$(timed pdftotext -layout "$f" -)
  pps() { echo "scale=1; $pages * $REPEATS / $1" | bc -l; }
  "$OURS" --blocks "$f" >"$WORK/$name.blocks"
  "$OURS" "$f" >"$WORK/$name.ours.txt"
  pdftotext "$f" "$WORK/$name.plain.txt"
  pdftotext -layout "$f" "$WORK/$name.layout.txt"
  if [[ "$name" == big200 ]]; then
    # Levenshtein over ~300k characters per stream is too slow to be worth it.
    a_ours="-"; a_text="-"; a_plain="-"; a_layout="-"
  else
    a_ours=$(python3 benches/pdf_score.py blocks "$WORK/$name.blocks" "$prefix" | tr '\t' /)
    a_text=$(python3 benches/pdf_score.py plain "$WORK/$name.ours.txt" "$prefix" | tr '\t' /)
    a_plain=$(python3 benches/pdf_score.py plain "$WORK/$name.plain.txt" "$prefix" | tr '\t' /)
    a_layout=$(python3 benches/pdf_score.py plain "$WORK/$name.layout.txt" "$prefix" | tr '\t' /)
  fi
  printf '%-14s %5s | %9s %9s %9s | %6.2f %6.2f | %-26s %-26s %-26s %-26s\n' \
    "$name" "$pages" "$(pps "$t_ours")" "$(pps "$t_plain")" "$(pps "$t_layout")" \
    "$(echo "$t_plain / $t_ours" | bc -l)" "$(echo "$t_layout / $t_ours" | bc -l)" \
    "$a_ours" "$a_text" "$a_plain" "$a_layout"
done
echo "x plain / x layout: how many times faster than pdftotext / pdftotext -layout (wall time ratio)."
