#!/usr/bin/env python3
"""The audit's map step under Apache Spark (local mode), for the day one
machine is not enough.

Each partition pipes its input paths, one per line, through
`xargs qostil sketch` (Spark's RDD.pipe), so every path becomes one JSON
Lines record (qostil's per-document record, versioned); the records are
collected and written to RECORDS. The reduce is `qostil audit --from
RECORDS`, which sorts the records by path, so the reports equal those of a
single-process `qostil audit DIR` byte for byte.

    python3 tools/spark/map.py --qostil target/release/qostil \\
        --partitions 4 corpus records.jsonl
    target/release/qostil audit --from records.jsonl --out-dir report-spark

Requires `pip install pyspark` and a Java runtime (17 works).
"""

import argparse
import os
import shlex
import sys

INPUT_EXTENSIONS = {"txt", "text", "md", "html", "htm", "pdf", "tsv"}


def inputs(folder):
    """Every input under `folder`, as qostil audit walks it (hidden entries
    skipped), with the folder prefix qostil reports."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if f.startswith("."):
                continue
            if f.rsplit(".", 1)[-1].lower() in INPUT_EXTENSIONS and "." in f:
                out.append(os.path.join(root, f))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--qostil", default="target/release/qostil")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("folder")
    ap.add_argument("records")
    args = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    qostil = os.path.abspath(args.qostil)
    paths = inputs(args.folder)
    conf = SparkConf().setMaster("local[2]").setAppName("qostil-map")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        # -j 1: Spark's tasks are the parallelism.
        command = shlex.join(["xargs", "-d", "\n", qostil, "sketch", "-j", "1"])
        records = (
            sc.parallelize(paths, args.partitions)
            .pipe(command, env={"PATH": os.environ.get("PATH", "")}, checkCode=False)
            .collect()
        )
    finally:
        sc.stop()
    with open(args.records, "w", encoding="utf-8") as out:
        for line in records:
            out.write(line + "\n")
    print(f"{len(paths)} inputs, {len(records)} records -> {args.records}", file=sys.stderr)


if __name__ == "__main__":
    main()
