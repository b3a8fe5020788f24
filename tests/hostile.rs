//! Bounded work for every document (issue 13), through the binary: the
//! hostile inputs of `fixtures/hostile/` (made by its `make.py`), a 1 GiB
//! text file and a 100 MB line made here, each fail with a clear error
//! naming the file (and page) while the rest of the audit goes on; a corpus
//! with 10% broken files audits the good ones exactly as they audit alone.
//! Every run has a watchdog: a hang fails the test.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::util::{stderr, tmp};
use crate::walk::{audit, qostil_within, sources};

const LIMIT: Duration = Duration::from_secs(120);

/// Each hostile fixture and the end of the error `check` gives for it.
const HOSTILE: &[(&str, &str)] = &[
    (
        "bomb.pdf",
        "bomb.pdf, page 1: too much work for one document: a stream inflates past 67108864 bytes (a decompression bomb?)",
    ),
    (
        "bomb_objstm.pdf",
        "bomb_objstm.pdf: too much work for one document: a stream inflates past 67108864 bytes (a decompression bomb?)",
    ),
    (
        "array_bomb.pdf",
        "array_bomb.pdf: too much work for one document: an array or dictionary of more than 1000000 elements",
    ),
    (
        "objects_bomb.pdf",
        "objects_bomb.pdf: too much work for one document: more than 2000000 tokens of objects",
    ),
    (
        "tj_bomb.pdf",
        "tj_bomb.pdf, page 1: too much work for one document: an array or dictionary of more than 1000000 elements",
    ),
    (
        "deep_nesting.pdf",
        "deep_nesting.pdf: too much work for one document: objects nested deeper than 100",
    ),
    (
        "deep_forms.pdf",
        "deep_forms.pdf, page 1: too much work for one document: objects nested deeper than 12",
    ),
    (
        "page_cycle.pdf",
        "page_cycle.pdf: the PDF is malformed: the page tree has a cycle: object 2 0 contains itself",
    ),
    (
        "many_ops.pdf",
        "many_ops.pdf, page 1: too much work for one document: more than 1000000 content operators",
    ),
    (
        "truncated.pdf",
        "truncated.pdf, page 1: the PDF is malformed: the page's content stream (object 5 0) is missing: is the file truncated?",
    ),
    (
        "binary.txt",
        "binary.txt: the document has no text (it looks binary: NUL byte at offset 406)",
    ),
    ("empty.txt", "empty.txt: the document is empty"),
    ("latin1.html", "latin1.html: cannot decode the text: "),
];

#[test]
fn each_hostile_file_fails_with_its_own_error_quickly() {
    for (name, want) in HOSTILE {
        let path = format!("fixtures/hostile/{name}");
        let o = qostil_within(&["check", &path], LIMIT);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("fixtures/hostile/{want}")),
            "{name}: {err}"
        );
    }
    // A font written inline is read once, not at each of its 200,000 Tf
    // (that took minutes).
    let o = qostil_within(
        &["parse", "fixtures/hostile/inline_font.pdf"],
        Duration::from_secs(30),
    );
    assert!(o.status.code().is_some(), "{}", stderr(&o));
    // Text in a file named .pdf is read as the text it is.
    let o = qostil_within(&["parse", "fixtures/hostile/not_really.pdf"], LIMIT);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_1_gib_file_and_a_100_mb_line_are_refused_without_loading_them() {
    let dir = tmp("hostile-large");
    // Sparse: 1 GiB by its size, no blocks on disk.
    let huge = dir.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let line = dir.join("line.txt");
    let mut text = "1. Саясат.\n".as_bytes().to_vec();
    text.extend(std::iter::repeat_n(b'a', 100_000_000));
    std::fs::write(&line, &text).unwrap();
    let long = dir.join("long.txt");
    let mut text = "1. Саясат.\n".as_bytes().to_vec();
    text.extend(std::iter::repeat_n(b'a', 2 << 20));
    std::fs::write(&long, &text).unwrap();
    std::fs::copy("corpus/finbox_kk.txt", dir.join("finbox_kk.txt")).unwrap();
    let start = std::time::Instant::now();
    let (o, report) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(start.elapsed() < Duration::from_secs(60));
    assert_eq!(sources(&dir, &report), ["finbox_kk.txt"]);
    let errors = errors(&dir, &report);
    assert_eq!(
        errors,
        [
            (
                "huge.txt".to_string(),
                "huge.txt: the document is too large (1073741824 bytes; the limit is 134217728)"
                    .to_string()
            ),
            (
                "line.txt".to_string(),
                "line.txt: the document is too large (100000017 bytes; the limit is 16777216)"
                    .to_string()
            ),
            (
                "long.txt".to_string(),
                "long.txt, line 2: the line is too long (2097152 bytes; the limit is 1048576)"
                    .to_string()
            ),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_time_budget_stops_a_document_with_a_typed_error() {
    use qostil::budget::Budget;
    use qostil::error::{ErrorKind, Limit};
    let config = qostil::Config::default();
    for path in ["corpus/finbox_kk.txt", "fixtures/pdf/fpdf_cols.pdf"] {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let err = qostil::analyze_within(path, &bytes, &config, &Budget::seconds(0)).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Limit(Limit::Time(0)), "{path}: {err}");
        assert!(qostil::analyze_within(path, &bytes, &config, &Budget::unlimited()).is_ok());
    }
}

/// `(source relative to dir, error with dir/ removed)` of the report.
fn errors(dir: &Path, report: &Value) -> Vec<(String, String)> {
    let prefix = format!("{}/", dir.display());
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = e["source"].as_str().unwrap();
            (
                s.strip_prefix(&prefix).unwrap_or(s).to_string(),
                e["error"].as_str().unwrap().replace(&prefix, ""),
            )
        })
        .collect()
}

/// Small good inputs from the fixtures: policies in every layout the
/// project reads, flattened into one folder's names.
fn good_inputs(n: usize) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for dir in [
        "fixtures/cases_values",
        "fixtures/unseen",
        "fixtures/unseen_legal",
        "fixtures/heldout_legal",
        "fixtures/text",
        "fixtures/cases",
    ] {
        let mut stack = vec![PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if qostil::corpus::walk::is_input(&p)
                    && !p.to_string_lossy().contains("README")
                    && e.metadata().is_ok_and(|m| m.len() < 16_000)
                {
                    found.push(p);
                }
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .take(n)
        .map(|p| {
            let flat = p
                .strip_prefix("fixtures")
                .unwrap()
                .to_string_lossy()
                .replace('/', "_");
            (p, flat)
        })
        .collect()
}

/// The report with the folder's path taken out, so two folders compare.
fn relative(dir: &Path, report: &Value) -> Value {
    let text = report
        .to_string()
        .replace(&format!("{}/", dir.display()), "");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_corpus_with_10_percent_broken_files_audits_the_rest_identically() {
    let good = good_inputs(45);
    assert_eq!(good.len(), 45);
    let alone = tmp("hostile-good");
    let mixed = tmp("hostile-mixed");
    for (from, name) in &good {
        std::fs::copy(from, alone.join(name)).unwrap();
        std::fs::copy(from, mixed.join(name)).unwrap();
    }
    // Truncated, binary, a bomb, a wrong extension, zero bytes.
    let broken: &[(&str, &str, &str)] = &[
        (
            "truncated.pdf",
            "zz_truncated.pdf",
            "is the file truncated?",
        ),
        ("binary.txt", "zz_binary.txt", "it looks binary"),
        ("bomb.pdf", "zz_bomb.pdf", "a decompression bomb?"),
        ("binary.txt", "zz_binary_named.html", "it looks binary"),
        ("empty.txt", "zz_empty.md", "the document is empty"),
    ];
    for (from, name, _) in broken {
        std::fs::copy(format!("fixtures/hostile/{from}"), mixed.join(name)).unwrap();
    }
    let (_, a) = audit(&alone, &[]);
    let (o, b) = audit(&mixed, &[]);
    assert_eq!(o.status.code(), Some(2));
    let (a, b) = (relative(&alone, &a), relative(&mixed, &b));
    for key in ["documents", "matrix", "families", "family_disagreements"] {
        assert!(a[key] == b[key], "{key} differs");
    }
    assert!(
        a["summary"]["documents"].as_u64().unwrap() >= 40,
        "{}",
        a["summary"]
    );
    // The good files' own errors (if any) are the same in both; every
    // broken file is listed with its reason.
    let errors_a = errors(&alone, &a);
    let errors_b = errors(&mixed, &b);
    let mut want = errors_a.clone();
    for (_, name, why) in broken {
        let e = errors_b
            .iter()
            .find(|(s, _)| s == name)
            .unwrap_or_else(|| panic!("{name} is not listed: {errors_b:?}"));
        assert!(e.1.contains(why), "{name}: {}", e.1);
        want.push(e.clone());
    }
    want.sort();
    let mut got = errors_b.clone();
    got.sort();
    assert_eq!(got, want);
    assert_eq!(b["summary"]["errors"], errors_a.len() + broken.len());
}

#[test]
fn policy_text_never_becomes_markup_or_a_formula() {
    let input = "fixtures/hostile/markup_and_formulas.txt";
    let run = |format: &str| {
        let o = qostil_within(&["align", input, "--format", format], LIMIT);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let pairs = json["pairs"].as_array().unwrap().len();
    // TMX holds the pairs with text on both sides.
    let both = json["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kk"] != Value::Array(vec![]) && p["ru"] != Value::Array(vec![]))
        .count();
    let tsv = run("tsv");
    assert_eq!(tsv.lines().count(), pairs + 1);
    for line in tsv.lines() {
        assert_eq!(line.split('\t').count(), 5, "{line}");
        for cell in line.split('\t') {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    assert!(tsv.contains("'=HYPERLINK("), "{tsv}");
    // One TMX unit per clause pair with text on both sides (in paragraph
    // units), less the pairs the export says it left out.
    let o = qostil_within(
        &["align", input, "--format", "tmx", "--segment", "paragraph"],
        LIMIT,
    );
    assert_eq!(o.status.code(), Some(0), "tmx: {}", stderr(&o));
    let tmx = String::from_utf8(o.stdout).unwrap();
    let left: usize = ["x-left-out-preamble", "x-left-out-empty"]
        .iter()
        .map(|ty| {
            let open = format!("<prop type=\"{ty}\">");
            let at = tmx.find(&open).unwrap() + open.len();
            tmx[at..at + tmx[at..].find('<').unwrap()]
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(tmx.matches("<tu ").count() + left, both, "{tmx}");
    assert_eq!(tmx.matches("</tu>").count() + left, both);
    assert!(
        !tmx.contains("<script") && !tmx.contains("<tu tuid=\"x\""),
        "{tmx}"
    );
    assert!(tmx.contains("&lt;/tuv&gt;&lt;/tu&gt;&lt;tu tuid=&quot;x&quot;&gt;"));
    let html = run("html");
    assert!(!html.contains("<script") && !html.contains("<tu"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn reports_are_renamed_into_place_with_no_temporary_file_left() {
    let dir = tmp("hostile-atomic");
    std::fs::copy("corpus/finbox_kk.txt", dir.join("finbox_kk.txt")).unwrap();
    let (o, _) = audit(&dir, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(dir.join("report"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "documents.jsonl",
            "findings.csv",
            "html",
            "records.jsonl",
            "report.html",
            "report.json",
            "report.md",
            "rights.csv"
        ]
    );
    // The HTML report's pages too.
    let pages: Vec<String> = std::fs::read_dir(dir.join("report/html"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(pages.len(), 1, "{pages:?}");
    assert!(pages[0].ends_with("finbox_kk.txt.html"), "{pages:?}");
}
