//! The audit's machine-readable outputs read back as their users read
//! them: `findings.csv` and `rights.csv` by Python's `csv` module and by
//! pandas, `documents.jsonl` line by line, each checked against
//! `report.json` (row counts, documents, statuses). A policy with formulas,
//! quotes, commas and line breaks in its text goes through too: no cell is
//! a formula and no row breaks.
//!
//! Needs python3 (`csv` and `json` are in its standard library); pandas is
//! used when installed, otherwise the test says it read the files with the
//! `csv` module only. Under `CI=true` a missing python3 fails the test.

use std::path::Path;
use std::process::Command;

use crate::util::{qostil, stderr, stdout, tmp};

/// The Python side: reads the three files, prints one JSON object of what
/// it found. `sys.argv[1]` is the report folder.
const READER: &str = r#"
import csv, json, sys
out = sys.argv[1]
def rows(name):
    with open(f"{out}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))
found = {}
for name in ["findings.csv", "rights.csv"]:
    r = rows(name)
    found[name] = {"header": r[0], "rows": len(r) - 1,
                   "widths": sorted({len(x) for x in r}),
                   "first_cells": sorted({c[:1] for x in r[1:] for c in x if c})}
lines = []
with open(f"{out}/documents.jsonl", encoding="utf-8") as f:
    for line in f:
        lines.append(json.loads(line))
found["documents.jsonl"] = {"lines": len(lines),
                            "status": [l["status"] for l in lines],
                            "source": [l["source"] for l in lines],
                            "findings": [l.get("findings") for l in lines]}
try:
    import pandas as pd
except ImportError:
    found["pandas"] = None
else:
    fi = pd.read_csv(f"{out}/findings.csv", keep_default_na=False, dtype=str)
    ri = pd.read_csv(f"{out}/rights.csv", keep_default_na=False, dtype=str)
    do = pd.read_json(f"{out}/documents.jsonl", lines=True)
    found["pandas"] = {"findings": len(fi), "rights": len(ri), "documents": len(do),
                       "per_document": fi.groupby("document").size().to_dict(),
                       "statuses": sorted(ri["status"].unique().tolist())}
print(json.dumps(found))
"#;

/// Run [`READER`] on `out`; `None` (after saying so) when python3 is
/// missing outside CI.
fn read_back(out: &Path) -> Option<serde_json::Value> {
    let run = Command::new("python3")
        .args(["-c", READER])
        .arg(out)
        .output();
    let o = match run {
        Ok(o) => o,
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none_or(|v| v != "true"),
                "python3 is needed to read the CSV back under CI: {e}"
            );
            eprintln!("SKIPPED: python3 not found ({e})");
            return None;
        }
    };
    assert!(
        o.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(serde_json::from_slice(&o.stdout).unwrap())
}

/// Audit `dir` into a folder outside it, return that folder and
/// report.json.
fn audit(dir: &Path) -> (std::path::PathBuf, serde_json::Value) {
    let out = tmp("outputs-report");
    let o = qostil(&[
        "audit",
        dir.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
        "-j",
        "2",
    ]);
    assert!(matches!(o.status.code(), Some(1 | 2)), "{}", stderr(&o));
    for name in ["findings.csv", "rights.csv", "documents.jsonl"] {
        assert!(stdout(&o).contains(name), "the summary names {name}");
    }
    let v = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    (out, v)
}

#[test]
fn csv_and_json_lines_read_back_with_pythons_readers_and_match_report_json() {
    let dir = tmp("outputs");
    for f in [
        "corpus/beeclever_ru_kk.txt",
        "corpus/finbox_kk.txt",
        "fixtures/text/clean_kk_ru.txt",
    ] {
        let p = Path::new(f);
        std::fs::copy(p, dir.join(p.file_name().unwrap())).unwrap();
    }
    // Formulas, quotes, commas and a line break in the policy text, in the
    // company name (from the manifest) and in the file name.
    std::fs::write(
        dir.join("=hostile,\"x\".txt"),
        "1.1. =HYPERLINK(\"http://x\",\"a, b\") Деректер 5 жыл сақталады.\n\n\
         1.1. @SUM(A1) Данные хранятся 3 года, «до востребования».\n\
         -1+1 продолжение.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("manifest.json"),
        r#"{"documents": [{"file": "=hostile,\"x\".txt", "company": "+7 \"Ltd\", Almaty"}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("broken.txt"), [0u8, 1, 2, 3, 0]).unwrap();
    std::fs::write(dir.join("old.doc"), "x").unwrap();
    let (out, report) = audit(&dir);
    let Some(found) = read_back(&out) else { return };

    let docs = report["documents"].as_array().unwrap();
    let findings: usize = docs
        .iter()
        .map(|d| d["findings"].as_array().unwrap().len())
        .sum();
    let items: usize = docs
        .iter()
        .map(|d| {
            ["rights", "extra_rights", "disclosures"]
                .iter()
                .map(|k| d["coverage"][k].as_array().unwrap().len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(docs.len(), 4);
    assert!(findings > 0 && items > 0);
    assert_eq!(found["findings.csv"]["rows"], findings);
    assert_eq!(found["rights.csv"]["rows"], items);
    // Every row as wide as the header, whatever the text held.
    for (name, width) in [("findings.csv", 11), ("rights.csv", 10)] {
        assert_eq!(
            found[name]["widths"],
            serde_json::json!([width]),
            "{name}: {found}"
        );
        // No cell a spreadsheet would run as a formula.
        for c in found[name]["first_cells"].as_array().unwrap() {
            let c = c.as_str().unwrap();
            assert!(
                !["=", "+", "-", "@", "\t", "\r"].contains(&c),
                "{name}: {c}"
            );
        }
    }
    assert_eq!(
        found["findings.csv"]["header"],
        serde_json::json!([
            "document",
            "company",
            "finding",
            "kind",
            "severity",
            "language",
            "kk_clauses",
            "ru_clauses",
            "message",
            "kk_quote",
            "ru_quote"
        ])
    );

    // documents.jsonl: the documents in report.json's order, then the
    // error, then the skipped file.
    let lines = &found["documents.jsonl"];
    let n = docs.len() + 2;
    assert_eq!(lines["lines"], n);
    let status: Vec<&str> = lines["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(
        status,
        [
            "audited", "audited", "audited", "audited", "error", "skipped"
        ]
    );
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(lines["source"][i], d["source"]);
        assert_eq!(
            lines["findings"][i],
            d["findings"].as_array().unwrap().len()
        );
    }
    assert!(lines["source"][4].as_str().unwrap().ends_with("broken.txt"));
    assert!(lines["source"][5].as_str().unwrap().ends_with("old.doc"));

    match &found["pandas"] {
        serde_json::Value::Null => {
            eprintln!(
                "pandas is not installed: the CSV files were read with Python's csv module only"
            )
        }
        p => {
            assert_eq!(p["findings"], findings);
            assert_eq!(p["rights"], items);
            assert_eq!(p["documents"], n);
            // pandas groups the findings by document as report.json has them.
            for d in docs {
                let k = d["findings"].as_array().unwrap().len();
                let got = &p["per_document"][d["source"].as_str().unwrap()];
                if k == 0 {
                    assert!(got.is_null());
                } else {
                    assert_eq!(got, k, "{}", d["source"]);
                }
            }
            eprintln!("read back with pandas {findings} findings, {items} rights rows, {n} lines");
            let statuses = p["statuses"].as_array().unwrap();
            assert!(
                statuses.iter().all(
                    |s| ["both", "kk_only", "ru_only", "absent"].contains(&s.as_str().unwrap())
                ),
                "{p}"
            );
            assert!(statuses.contains(&"both".into()) && statuses.contains(&"absent".into()));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&out).ok();
}

/// The new reports are a pure function of the input: byte-identical with
/// one thread or two.
#[test]
fn tables_are_byte_identical_across_thread_counts() {
    let dir = tmp("outputs-det");
    for f in [
        "corpus/beeclever_ru_kk.txt",
        "corpus/expressavans_ru_kk.txt",
    ] {
        let p = Path::new(f);
        std::fs::copy(p, dir.join(p.file_name().unwrap())).unwrap();
    }
    // The report folders lie outside the audited one, so the second run
    // does not list the first one's as skipped.
    let run = |jobs: &str, out: &str| {
        let out = tmp(out);
        qostil(&[
            "audit",
            dir.to_str().unwrap(),
            "--out-dir",
            out.to_str().unwrap(),
            "-j",
            jobs,
        ]);
        out
    };
    let (a, b) = (run("1", "outputs-det-1"), run("2", "outputs-det-2"));
    for name in ["findings.csv", "rights.csv", "documents.jsonl", "report.md"] {
        let (x, y) = (
            std::fs::read(a.join(name)).unwrap(),
            std::fs::read(b.join(name)).unwrap(),
        );
        assert!(!x.is_empty() && x == y, "{name} differs");
    }
    for d in [dir, a, b] {
        std::fs::remove_dir_all(d).ok();
    }
}
