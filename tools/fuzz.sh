#!/usr/bin/env bash
# Fuzz qostil's readers (issue 13): N executions per target, one core each,
# one target after the other. Not run by CI (it needs nightly and
# cargo-fuzz: `cargo install cargo-fuzz`).
#
#   tools/fuzz.sh [RUNS] [TARGET...]     # default 1000000 runs, every target
#   MAX_TIME=600 tools/fuzz.sh 0 pdf     # or a time limit in seconds per target
#
# Seeds come from corpus/, fixtures/ and ../shared/ (copied into
# fuzz/corpus/TARGET, which the fuzzer grows and keeps between runs).
# A crash is written to fuzz/artifacts/TARGET/; turn each one into a
# regression fixture in fixtures/fuzz/ with a test in tests/hostile.rs.
# The last line per target ("DONE ... cov: N ft: M") gives executions and
# coverage; tools/fuzz.sh writes a summary to fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-1000000}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(ingest_text markup pdf docx analyze)
MAX_TIME=${MAX_TIME:-0}
[ "$RUNS" = 0 ] && RUNS=-1
SHARED=${SHARED:-../shared}
# Its own target folder (nightly, other flags): never the main build's.
export CARGO_TARGET_DIR=$PWD/fuzz/target
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

seed() { # target, find arguments...
    local dir=fuzz/corpus/$1; shift
    mkdir -p "$dir"
    find "$@" -type f -size -2M 2>/dev/null | while read -r f; do
        cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"
    done
}

for t in "${TARGETS[@]}"; do
    case $t in
        ingest_text|analyze)
            seed "$t" corpus fixtures "$SHARED/corpus" "$SHARED/cases" \
                \( -name '*.txt' -o -name '*.tsv' -o -name '*.md' -o -name '*.html' -o -name '*.csv' \) ;;
        markup)
            seed "$t" corpus fixtures "$SHARED/cases" \( -name '*.html' -o -name '*.htm' -o -name '*.md' -o -name '*.txt' \) ;;
        pdf)
            seed "$t" fixtures "$SHARED/real" "$SHARED/cases" -name '*.pdf' ;;
        docx)
            # The archives as they are, and their XML parts packed as the
            # target unpacks them (document, numbering, styles; NUL between).
            seed "$t" fixtures -name '*.docx'
            find fixtures -name '*.docx' | while read -r f; do
                { unzip -p "$f" word/document.xml; printf '\0'
                  unzip -p "$f" word/numbering.xml 2>/dev/null; printf '\0'
                  unzip -p "$f" word/styles.xml 2>/dev/null; } > "fuzz/corpus/$t/xml-$(sha1sum "$f" | cut -c1-16)"
            done ;;
    esac
    # Small inputs run fast (a policy's first 4 KB holds every layout
    # feature); the PDF seeds need room for their objects. MAX_LEN=N
    # overrides both.
    case $t in pdf) LEN=${MAX_LEN:-262144} ;; docx) LEN=${MAX_LEN:-131072} ;; *) LEN=${MAX_LEN:-4096} ;; esac
    mkdir -p fuzz/artifacts/$t
    echo "== $t: $RUNS runs" >&2
    cargo +nightly fuzz run --sanitizer none --debug-assertions "$t" \
        "fuzz/corpus/$t" -- -runs="$RUNS" -max_total_time="$MAX_TIME" \
        -max_len=$LEN -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$t/" 2>&1 | tee "fuzz/$t.log" | grep -E "DONE|crash|panicked|Timeout|ERROR" >&2 || true
    {
        # Executions, edges covered (of the binary's counters) and features.
        echo "$t: $(grep -E '^#[0-9]+[[:space:]]+DONE' "fuzz/$t.log" | tail -1 | tr '\t' ' ')" \
            "counters: $(grep -oE 'Loaded 1 modules +\([0-9]+' "fuzz/$t.log" | grep -oE '[0-9]+$' | tail -1)" \
            "slowest: $(grep -oE 'slowest_unit_time_sec: +[0-9]+' "fuzz/$t.log" | grep -oE '[0-9]+$' | tail -1) s"
        echo "$t: crashes: $(find fuzz/artifacts/$t -type f | wc -l)"
    } >> fuzz/summary.txt
done
cat fuzz/summary.txt
