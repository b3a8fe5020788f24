//! The binary end to end: subcommands, formats, stdin, exit codes, bad input
//! and the audit's determinism.

use std::path::Path;
use std::process::Output;

use crate::util::{qostil, qostil_stdin, stderr, stdout, tmp};

#[test]
fn parse_writes_the_json_contract() {
    let o = qostil(&["parse", "corpus/fintechlab_kk_ru.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in ["document", "clauses", "pairs", "findings", "dropped"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["document"]["company"], "ФинТехЛаб");
    assert_eq!(v["document"]["sha256"].as_str().unwrap().len(), 64);
    let c = &v["clauses"][0];
    for key in ["id", "lang", "number", "kind", "text", "span"] {
        assert!(c.get(key).is_some(), "clause lacks {key}");
    }
    assert!(v["pairs"][0]["kk"].is_array() && v["pairs"][0]["score"].is_number());
}

#[test]
fn check_exit_codes_follow_findings_and_threshold() {
    // A policy that grants every right and makes every disclosure in both
    // languages, with no parity defects.
    let clean = qostil(&["check", "fixtures/text/compliant_kk_ru.txt"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    let dirty = qostil(&["check", "corpus/finbox_kk.txt"]);
    assert_eq!(dirty.status.code(), Some(1));
    assert!(stdout(&dirty).contains("single_language"));
    let json = qostil(&[
        "check",
        "corpus/expressavans_ru_kk.txt",
        "--format",
        "json",
        "--min-severity",
        "high",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] == "high")
    );
}

#[test]
fn align_formats_and_output_file() {
    let md = qostil(&["align", "fixtures/text/table_ru_kk.txt"]);
    assert!(stdout(&md).contains("| 1.1 | 1.1. МҚҰ деректерді"));
    let dir = tmp("align");
    let out = dir.join("a.json");
    let o = qostil(&[
        "align",
        "fixtures/text/table_ru_kk.txt",
        "-f",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 4);
}

#[test]
fn stdin_is_read_with_dash() {
    let input = std::fs::read("fixtures/text/compliant_kk_ru.txt").unwrap();
    let o = qostil_stdin(&["check", "-"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("— - (kk + ru)"));
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let dir = tmp("bad");
    let mut huge = b"1.1. ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 2 << 20));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        ("binary.txt", vec![0, 159, 146, 150, 0, 1, 2, 3], "binary"),
        (
            "latin1.txt",
            b"caf\xe9 na\xefve d\xe9j\xe0 vu r\xe9sum\xe9".to_vec(),
            "not UTF-8",
        ),
        ("huge.txt", huge, "too long"),
        (
            "nums.txt",
            b"123 456\n789\n".to_vec(),
            "no Kazakh or Russian",
        ),
    ];
    for (name, bytes, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = qostil(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(want), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let o = qostil(&["check", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.txt"));
    let o = qostil(&["check", "corpus/finbox_kk.txt", "--min-severity", "loud"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn other_encodings_are_decoded() {
    let dir = tmp("enc");
    let text = std::fs::read_to_string("fixtures/text/clean_kk_ru.txt").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = dir.join("utf16.txt");
    std::fs::write(&p, utf16).unwrap();
    let o = qostil(&["parse", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["document"]["encoding"], "utf-16le");
    assert_eq!(v["document"]["languages"], serde_json::json!(["kk", "ru"]));
}

fn run_audit(dir: &Path, out: &Path, jobs: &str) -> Output {
    qostil(&[
        "audit",
        dir.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
        "-j",
        jobs,
    ])
}

#[test]
fn audit_goes_on_past_a_broken_file_and_is_deterministic() {
    let dir = tmp("audit");
    for f in [
        "corpus/fintechlab_kk_ru.txt",
        "corpus/finbox_kk.txt",
        "fixtures/text/clean_kk_ru.txt",
    ] {
        let p = Path::new(f);
        std::fs::copy(p, dir.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("broken.txt"), [0u8, 1, 2, 3, 0]).unwrap();
    // The output folder sits inside the audited folder: the second run must
    // not read the first run's report.md back as a policy.
    let a = dir.join("report");
    let o1 = run_audit(&dir, &a, "1");
    assert_eq!(o1.status.code(), Some(2), "{}", stderr(&o1));
    assert!(stderr(&o1).contains("broken.txt"));
    assert!(stdout(&o1).contains("3 documents, 1 errors"));
    let first: Vec<Vec<u8>> = ["report.json", "report.md"]
        .iter()
        .map(|f| std::fs::read(a.join(f)).unwrap())
        .collect();
    let o2 = run_audit(&dir, &a, "2");
    assert_eq!(stdout(&o1), stdout(&o2));
    for (f, x) in ["report.json", "report.md"].iter().zip(first) {
        let y = std::fs::read(a.join(f)).unwrap();
        assert!(x == y, "{f} differs between -j 1 and -j 2");
    }
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(a.join("report.json")).unwrap()).unwrap();
    assert!(
        v["errors"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with("broken.txt")
    );
    assert_eq!(v["documents"].as_array().unwrap().len(), 3);
}

/// Every format `check` reads is audited: a folder of CSV tables is not
/// "0 documents".
#[test]
fn audit_reads_csv_tables() {
    let dir = tmp("audit-csv");
    std::fs::copy(
        "fixtures/cases/csv_comma_kk_ru.csv",
        dir.join("csv_comma_kk_ru.csv"),
    )
    .unwrap();
    let o = run_audit(&dir, &dir.join("report"), "1");
    assert!(
        stdout(&o).contains("1 documents, 0 errors"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn audit_defaults_to_the_corpus() {
    let out = tmp("default");
    let o = qostil(&["audit", "--out-dir", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 documents, 0 errors"));
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    for company in [
        "ФинТехЛаб",
        "BeeClever",
        "Express Аванс",
        "Finbox",
        "ProLeads",
    ] {
        assert!(md.contains(company), "{company} missing from report.md");
    }
}

#[test]
fn broken_pdfs_each_get_their_own_error_and_exit_2() {
    let cases = [
        (
            "fixtures/pdf/encrypted.pdf",
            "encrypted and needs a password",
        ),
        // A blank scan: OCR (where installed) finds nothing on it.
        ("fixtures/pdf/image_only.pdf", "has no text layer (a scan?)"),
        ("fixtures/pdf/truncated.pdf", "truncated"),
        ("fixtures/pdf/garbage.pdf", "malformed"),
    ];
    for (path, want) in cases {
        let o = qostil(&["check", path]);
        assert_eq!(o.status.code(), Some(2), "{path}");
        let err = stderr(&o);
        assert!(err.contains(path) && err.contains(want), "{path}: {err}");
    }
    let o = qostil(&["check", "fixtures/pdf/owner_only.pdf"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn html_view_escapes_all_document_text() {
    let o = qostil(&["align", "fixtures/text/escape_kk_ru.txt", "-f", "html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "unescaped script tag");
    assert!(html.contains("&lt;script&gt;alert(&quot;qostil&quot;)&lt;/script&gt;"));
    assert!(html.contains("&#39;дербес&#39;") && html.contains("A &lt; B &amp; C &gt; D"));
    // Two columns, one row per pair.
    assert!(html.contains("<th>қазақша</th>") && html.contains("<th>русский</th>"));
    assert_eq!(html.matches("<td lang=\"kk\">").count(), 4);
}

#[test]
fn html_view_shows_findings_inline_and_highlights_differences() {
    let o = qostil(&["align", "corpus/expressavans_ru_kk.txt", "-f", "html"]);
    let html = stdout(&o);
    // expressavans 9.2: «Сайт» where the Russian says «Политика».
    assert!(html.contains("<code>term_mismatch</code>"));
    assert!(
        html.contains("Бұл <mark class=\"find\">Сайт</mark>"),
        "swap not marked"
    );
    // ru 3.3 cites «пункте 1», the Kazakh does not: the figure is highlighted.
    assert!(html.contains("<mark class=\"diff\">1</mark>"));
}

#[test]
fn align_writes_tsv_and_refuses_html_for_check() {
    let o = qostil(&["align", "fixtures/text/clean_kk_ru.txt", "-f", "tsv"]);
    let tsv = stdout(&o);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "kk\tru\tscore\tkk_text\tru_text");
    assert!(lines.iter().skip(1).all(|l| l.split('\t').count() == 5));
    assert!(lines.iter().any(|l| l.starts_with("kk:2.2\tru:2.2\t")));
    let bad = qostil(&["check", "fixtures/text/clean_kk_ru.txt", "-f", "tmx"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("formats of align"));
}

#[test]
fn check_reports_parity_findings_with_marked_quotes() {
    let o = qostil(&["check", "corpus/fintechlab_kk_ru.txt", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["findings"].as_array().unwrap();
    let spelling = f
        .iter()
        .find(|f| {
            f["kind"] == "kazakh_spelling"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains("«Өндеуге» → «Өңдеуге»")
        })
        .expect("fintechlab's «Өндеуге» is found");
    assert!(
        spelling["evidence"][0]["quote"]
            .as_str()
            .unwrap()
            .contains("[[Өндеуге]]")
    );
    let finbox = qostil(&["check", "corpus/finbox_kk.txt", "--min-severity", "low"]);
    let text = stdout(&finbox);
    for want in [
        "«бюrolар» → «бюролар»",
        "«өндеу» → «өңдеу»",
        "«корғау» → «қорғау»",
    ] {
        assert!(text.contains(want), "finbox: {want} not found");
    }
}

#[test]
fn a_user_glossary_adds_checked_terms_and_align_only_terms() {
    let dir = tmp("glossary");
    let g = dir.join("g.tsv");
    // «мерзім» ↔ «срок» is not in the fixture's Russian: the user's term
    // is checked; marked `align`, it is not.
    std::fs::write(&g, "storage_time\tсақталады\tхранят\n").unwrap();
    let input = dir.join("p.txt");
    std::fs::write(
        &input,
        "1. Ереже\n\n1.1. Деректер 5 жыл бойы Сақталады және Сақталады.\n\n1. Правила\n\n1.1. Данные уничтожаются через 5 лет.\n",
    )
    .unwrap();
    let with = qostil(&[
        "--glossary",
        g.to_str().unwrap(),
        "check",
        input.to_str().unwrap(),
    ]);
    assert!(stdout(&with).contains("term_mismatch"), "{}", stdout(&with));
    std::fs::write(&g, "storage_time\tсақталады\tхранят\talign\n").unwrap();
    let without = qostil(&[
        "--glossary",
        g.to_str().unwrap(),
        "check",
        input.to_str().unwrap(),
    ]);
    assert!(
        !stdout(&without).contains("term_mismatch"),
        "{}",
        stdout(&without)
    );
}

#[test]
fn new_formats_are_byte_identical_across_runs() {
    for format in ["html", "tmx", "tsv", "md"] {
        let a = qostil(&["align", "corpus/beeclever_ru_kk.txt", "-f", format]);
        let b = qostil(&["align", "corpus/beeclever_ru_kk.txt", "-f", format]);
        assert_eq!(a.stdout, b.stdout, "{format}");
        assert!(!a.stdout.is_empty());
    }
}

#[test]
fn audit_of_a_file_or_into_a_file_says_what_is_wrong() {
    let o = qostil(&[
        "audit",
        "corpus/finbox_kk.txt",
        "--out-dir",
        "/nonexistent/x",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("corpus/finbox_kk.txt is a file, not a folder")
            && err.contains("qostil check corpus/finbox_kk.txt"),
        "{err}"
    );
    let dir = tmp("outdir-file");
    let file = dir.join("report");
    std::fs::write(&file, "not a folder").unwrap();
    let o = qostil(&[
        "audit",
        "fixtures/families/small",
        "--out-dir",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "--out-dir {} is a file, not a folder",
            file.display()
        )),
        "{err}"
    );
    // Nothing was written over it.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn quiet_keeps_the_errors_only_and_no_progress_is_drawn_off_a_terminal() {
    let dir = tmp("quiet");
    std::fs::copy("corpus/finbox_kk.txt", dir.join("finbox_kk.txt")).unwrap();
    std::fs::write(dir.join("broken.txt"), [0u8, 1, 2, 3, 0]).unwrap();
    std::fs::write(dir.join("old.doc"), "x").unwrap();
    // A Latin-script Kazakh text gets a warning.
    std::fs::write(
        dir.join("latin.txt"),
        "1.1. Jeke derekter qorǵaý turaly saıasat. Bul saıasat jeke derekterdi óńdeý tártibin anyqtaıdy.\n",
    )
    .unwrap();
    let out = tmp("quiet-out");
    let args = |quiet: bool| {
        let mut a = vec![
            "audit".to_string(),
            dir.display().to_string(),
            "--out-dir".into(),
            out.display().to_string(),
        ];
        if quiet {
            a.push("--quiet".into());
        }
        a
    };
    let run = |quiet| {
        let a = args(quiet);
        qostil(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let loud = run(false);
    assert_eq!(loud.status.code(), Some(2));
    let (so, se) = (stdout(&loud), stderr(&loud));
    assert!(
        so.contains("qostil audit: 2 documents, 1 errors, 1 skipped"),
        "{so}"
    );
    for name in [
        "report.json",
        "report.md",
        "findings.csv",
        "rights.csv",
        "documents.jsonl",
        "records.jsonl",
    ] {
        assert!(so.contains(name), "the summary does not name {name}: {so}");
    }
    assert!(se.contains("warning:") && se.contains("broken.txt"), "{se}");
    assert!(se.contains("1 files skipped"), "{se}");
    // stderr is a pipe here: no progress bar, no cursor movement.
    assert!(!se.contains('\r') && !se.contains('\u{1b}'), "{se:?}");
    let quiet = run(true);
    assert_eq!(quiet.status.code(), Some(2));
    assert_eq!(stdout(&quiet), "");
    let se = stderr(&quiet);
    assert!(se.contains("broken.txt"), "errors are still printed: {se}");
    assert!(!se.contains("warning") && !se.contains("skipped"), "{se}");
    assert_eq!(se.lines().count(), 1, "{se}");
    // --quiet is global: it also silences a document command's warnings.
    let latin = dir.join("latin.txt");
    let o = qostil(&["check", latin.to_str().unwrap()]);
    assert!(stderr(&o).contains("warning"), "{}", stderr(&o));
    let o = qostil(&["-q", "check", latin.to_str().unwrap()]);
    assert_eq!(stderr(&o), "");
}

/// On a terminal the audit draws its progress on standard error (run under
/// `script`, which gives the binary a pseudo-terminal).
#[test]
fn a_terminal_gets_a_progress_bar() {
    let have_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_script {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v != "true"),
            "`script` (util-linux) is needed under CI"
        );
        eprintln!("SKIPPED: `script` not found");
        return;
    }
    let out = tmp("progress-out");
    let log = out.join("typescript");
    let command = format!(
        "{} audit fixtures/families/small --out-dir {} -j 1",
        env!("CARGO_BIN_EXE_qostil"),
        out.display()
    );
    let o = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &command])
        .arg(&log)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let seen = std::fs::read_to_string(&log).unwrap_or_default() + &stdout(&o);
    assert!(seen.contains("documents"), "{seen}");
    assert!(
        seen.contains("/13 documents"),
        "no progress bar drawn: {seen:?}"
    );
}
