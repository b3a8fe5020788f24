//! Alignment precision and recall against hand-written gold pairs of every
//! numbered clause of the three bilingual corpus files
//! (`fixtures/gold/align/*.json`, written by reading the documents).
//!
//! A gold clause is found by its snippet: the clause whose text (letters and
//! digits only, lower case) contains the snippet's near its start, or, for
//! the rare gold snippet that starts mid-paragraph, anywhere. A gold link is
//! (kk clause, ru clause), with one side empty for a one-sided clause.
//! Recall: gold links produced. Precision: produced links touching a gold
//! clause that are gold.

use std::collections::BTreeSet;

use qostil::model::{Document, Lang};
use serde_json::Value;

use crate::util::{Link, key, score_links, unseen_gold};

/// The printed gold number, normalised like clause numbers ("3. 3." → "3").
fn gold_number(n: Option<&str>) -> Option<String> {
    let first = n?.split_whitespace().next()?;
    Some(first.trim_end_matches('.').to_string())
}

fn resolve(doc: &Document, lang: Lang, snippet: &str, number: Option<String>) -> Option<usize> {
    let k = key(snippet);
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in doc
        .clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.lang == lang)
    {
        if let Some(pos) = key(&c.text).find(&k) {
            let start_bonus = if pos <= 16 { 0 } else { 1_000_000 };
            let number_bonus = if number.is_some() && c.number == number {
                0
            } else {
                1000
            };
            let rank = start_bonus + number_bonus + pos;
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

fn evaluate(stem: &str) -> (f64, f64, Vec<String>) {
    evaluate_file(
        &format!("corpus/{stem}.txt"),
        &format!("fixtures/gold/align/{stem}.json"),
    )
}

fn evaluate_file(path: &str, gold_path: &str) -> (f64, f64, Vec<String>) {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let doc = match gold["files"].as_object() {
        // A policy published as two files, read as one document.
        Some(files) => {
            let dir = std::path::Path::new(gold_path).parent().unwrap();
            let [kk, ru] = ["kk", "ru"].map(|l| dir.join(files[l].as_str().unwrap()));
            let read = |p: &std::path::Path| std::fs::read(p).unwrap();
            let name = |p: &std::path::Path| p.display().to_string();
            qostil::analyze_pair(
                &name(&kk),
                &read(&kk),
                &name(&ru),
                &read(&ru),
                &Default::default(),
            )
            .unwrap()
        }
        None => qostil::analyze(path, &std::fs::read(path).unwrap(), &Default::default()).unwrap(),
    };
    let mut notes = Vec::new();
    let mut gold_links: BTreeSet<Link> = BTreeSet::new();
    let mut gold_clauses: BTreeSet<usize> = BTreeSet::new();
    let mut unresolved = 0;
    for p in gold["pairs"].as_array().unwrap() {
        let side = |lang: Lang, field: &str| -> Result<Option<usize>, ()> {
            match p[field].as_str() {
                None => Ok(None),
                Some(s) => resolve(
                    &doc,
                    lang,
                    s,
                    gold_number(p[format!("{field}_num")].as_str()),
                )
                .map(Some)
                .ok_or(()),
            }
        };
        match (side(Lang::Kk, "kk"), side(Lang::Ru, "ru")) {
            (Ok(k), Ok(r)) => {
                gold_links.insert((k, r));
                gold_clauses.extend(k);
                gold_clauses.extend(r);
            }
            _ => {
                unresolved += 1;
                notes.push(format!("unresolved gold pair {p}"));
            }
        }
    }
    let (precision, recall) = score_links(&doc, &gold_links, &gold_clauses, unresolved, &mut notes);
    (precision, recall, notes)
}

fn check(stem: &str) {
    let (p, r, notes) = evaluate(stem);
    eprintln!("{stem}: precision {p:.3} recall {r:.3}");
    for n in &notes {
        eprintln!("  {n}");
    }
    assert!(
        p >= 0.95 && r >= 0.95,
        "{stem}: precision {p:.3} recall {r:.3}"
    );
}

#[test]
fn fintechlab() {
    check("fintechlab_kk_ru");
}

#[test]
fn beeclever() {
    check("beeclever_ru_kk");
}

#[test]
fn expressavans() {
    check("expressavans_ru_kk");
}

/// Bilingual policies in layouts the corpus does not show, written with
/// their gold by a tester who did not look at the aligner
/// (`fixtures/unseen/`): a DOCX-style export, clause-by-clause
/// interleaving, a Markdown table, a semicolon CSV and a tab table with the
/// number in its own column, and a kk | ru pipe table.
#[test]
fn unseen_layouts() {
    let mut failed = Vec::new();
    let paths = unseen_gold();
    assert!(paths.len() >= 6);
    for (g, doc) in paths {
        let (p, r, notes) = evaluate_file(&doc, &g);
        eprintln!("{doc}: precision {p:.3} recall {r:.3}");
        for n in &notes {
            eprintln!("  {n}");
        }
        if p < 0.9 || r < 0.9 {
            failed.push(format!("{doc}: {p:.3}/{r:.3}"));
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

/// Two policies written blind in eight layouts each (`fixtures/blind9c/`:
/// interleaved pages, hard-wrapped text, CSV/TSV rows, HTML, and PDFs from
/// LibreOffice (Word numbering), reportlab, fpdf2 and typst; its README
/// says how). Scored once when new (`score_once.txt`: P 0.989 R 0.980, 22
/// false alarms); fixed since. Floor: every file 0.95, the mean of the
/// set's P and R 0.98.
#[test]
fn blind9c_layouts() {
    let mut failed = Vec::new();
    let (mut hit, mut n) = (0.0, 0.0);
    let mut files: Vec<_> = std::fs::read_dir("fixtures/blind9c")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().to_string())
        .filter(|p| p.ends_with(".gold.json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 16);
    for gold_path in files {
        let stem = gold_path.trim_end_matches(".gold.json");
        let doc_path = ["txt", "csv", "tsv", "html", "pdf"]
            .iter()
            .map(|e| format!("{stem}.{e}"))
            .find(|p| std::path::Path::new(p).exists())
            .unwrap();
        let (p, r, notes) = evaluate_file(&doc_path, &gold_path);
        eprintln!("{doc_path}: precision {p:.3} recall {r:.3}");
        for note in &notes {
            eprintln!("  {note}");
        }
        (hit, n) = (hit + p + r, n + 2.0);
        if p < 0.95 || r < 0.95 {
            failed.push(format!("{doc_path}: {p:.3}/{r:.3}"));
        }
    }
    assert!(hit / n >= 0.98, "mean P/R {:.3}", hit / n);
    assert!(failed.is_empty(), "{failed:?}");
}

/// A policy written blind in eight layouts (`fixtures/blind9d/`: pages
/// interleaved, wrapped text, a Markdown table whose № column counts rows,
/// alternating `<p lang>`, and PDFs from LibreOffice/Word, reportlab with
/// ru on the left, fpdf2 with footnotes, typst with a № | kk | ru table).
/// Scored once when new (`score_once.txt`: P 0.942 R 0.959, 23 false
/// alarms); fixed since, the LibreOffice layout's retention table (a Word
/// table too short for a gutter) included. The reportlab layout (f) is at
/// P 0.956: its Kazakh rows «label:» / «value» break after the colon, and a
/// line ending in «:» is a lead-in there. Floor: every file 0.95, the mean
/// of P and R over the set 0.99.
#[test]
fn blind9d_layouts() {
    let (mut sum, mut n) = (0.0, 0.0);
    let mut failed = Vec::new();
    for x in [
        "a.txt", "b.txt", "c.md", "d.html", "e.pdf", "f.pdf", "g.pdf", "h.pdf",
    ] {
        let doc_path = format!("fixtures/blind9d/akzhaiyk_{x}");
        let gold_path = format!("fixtures/blind9d/akzhaiyk_{}.gold.json", &x[..1]);
        let (p, r, notes) = evaluate_file(&doc_path, &gold_path);
        eprintln!("{doc_path}: precision {p:.3} recall {r:.3}");
        for note in &notes {
            eprintln!("  {note}");
        }
        (sum, n) = (sum + p + r, n + 2.0);
        if p < 0.95 || r < 0.95 {
            failed.push(format!("{doc_path}: {p:.3}/{r:.3}"));
        }
    }
    assert!(sum / n >= 0.99, "mean P/R {:.3}", sum / n);
    assert!(failed.is_empty(), "{failed:?}");
}

/// A policy written blind in five layouts (`fixtures/blind9b/`: wrapped
/// text, paragraph interleaving, an HTML kk | ru table, Markdown, a
/// LibreOffice PDF; its README says how). Scored once when it was new
/// (`score_once.txt`: P 0.994 R 0.988); the faults it showed are fixed
/// since, so this is a regression floor at the target, 0.98, and
/// every planted difference must be reported at its clause.
#[test]
fn blind9b_layouts() {
    let mut failed = Vec::new();
    for x in ["a.txt", "b.txt", "c.html", "d.md", "e.pdf"] {
        let doc_path = format!("fixtures/blind9b/zhibekkadam_{x}");
        let gold_path = format!("fixtures/blind9b/zhibekkadam_{}.gold.json", &x[..1]);
        let (p, r, notes) = evaluate_file(&doc_path, &gold_path);
        eprintln!("{doc_path}: precision {p:.3} recall {r:.3}");
        for n in &notes {
            eprintln!("  {n}");
        }
        if p < 0.98 || r < 0.98 {
            failed.push(format!("{doc_path}: {p:.3}/{r:.3}"));
        }
        // Planted differences: a parity finding citing the planted clause.
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let doc = qostil::analyze(
            &doc_path,
            &std::fs::read(&doc_path).unwrap(),
            &Default::default(),
        )
        .unwrap();
        for g in gold["findings"].as_array().unwrap() {
            let want: Vec<(Lang, String)> = [(Lang::Kk, "kk_num"), (Lang::Ru, "ru_num")]
                .into_iter()
                .filter_map(|(l, f)| gold_number(g[f].as_str()).map(|n| (l, n)))
                .collect();
            let found = doc.findings.iter().any(|f| {
                f.clauses.iter().any(|r| {
                    doc.clauses.iter().any(|c| {
                        c.id == r.id
                            && want
                                .iter()
                                .any(|(l, n)| c.lang == *l && c.number.as_deref() == Some(n))
                    })
                })
            });
            if !found {
                failed.push(format!("{doc_path}: planted {} not reported", g["kind"]));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

/// The Word files behind blind9c's LibreOffice PDFs (`*_e.docx`, made with
/// python-docx: list numbers «%1.», «%1.%2.», «%1-бап.», «%3)» drawn by
/// Word, not typed) read as DOCX against the same gold: the clause numbers
/// come from `numbering.xml`.
#[test]
fn blind9c_docx() {
    for stem in ["kokterek_e", "moiynkum_e"] {
        let doc_path = format!("fixtures/blind9c/{stem}.docx");
        let gold_path = format!("fixtures/blind9c/{stem}.gold.json");
        let (p, r, notes) = evaluate_file(&doc_path, &gold_path);
        eprintln!("{doc_path}: precision {p:.3} recall {r:.3}");
        for n in &notes {
            eprintln!("  {n}");
        }
        assert!(p >= 0.98 && r >= 0.98, "{doc_path}: {p:.3}/{r:.3}");
    }
}

/// Two new policies written blind, each published as two files (a Kazakh
/// and a Russian file) in five layouts (`fixtures/blind16/`): LibreOffice
/// PDFs with Word list numbering, DOCX pairs, website HTML pages, text as
/// pdftotext writes it, and an fpdf2 PDF beside a DOCX. Scored once when
/// new (`score_once.txt`: links P 0.939 R 0.975; with the scorer reading
/// the gold's article-qualified point numbers, `score_sections.txt`,
/// planted 59/60 and 1.6 false alarms per 100 pairs). Fixed since: a
/// table row's cells in one language are one clause, and the running
/// heads of paged text are noise. The Kazakh fpdf2 PDF's definition table
/// (terms centred beside wrapped meanings) is still read column by column
/// (burabai e, 0.913/0.933). Floor: every pair 0.9, the mean 0.97.
#[test]
fn blind16_two_file_pairs() {
    let (mut sum, mut n) = (0.0, 0.0);
    let mut failed = Vec::new();
    for policy in ["burabai", "bayanauyl"] {
        for layout in ["a", "b", "c", "d", "e"] {
            let gold_path = format!("fixtures/blind16/{policy}_{layout}.gold.json");
            let (p, r, notes) = evaluate_file(&gold_path, &gold_path);
            eprintln!("{gold_path}: precision {p:.3} recall {r:.3}");
            for note in &notes {
                eprintln!("  {note}");
            }
            (sum, n) = (sum + p + r, n + 2.0);
            if p < 0.9 || r < 0.9 {
                failed.push(format!("{gold_path}: {p:.3}/{r:.3}"));
            }
        }
    }
    assert!(sum / n >= 0.97, "mean P/R {:.3}", sum / n);
    assert!(failed.is_empty(), "{failed:?}");
}

/// Six policies written blind as organisations' programs publish them
/// (`fixtures/blind17/`, brief and writer's notes beside them): a
/// LibreOffice PDF with automatic numbering and a bordered table of
/// numbered rows, Chromium's print-to-PDF of `<ol>` pages as two files,
/// fpdf2 justified 9 pt text, a 300 dpi scan as two image-only PDFs (read
/// through OCR), a DOCX with a kk | ru definitions table inside the Kazakh
/// part, and a typst PDF in two columns. Scored once at a0ae077
/// (`score_once.txt`: links P 0.883 R 0.903, the scan 0.500/0.500). Fixed
/// since: justified OCR lines are no columns, a word hyphenated across a
/// column cut goes on, a kk | ru table row inside the Kazakh part pairs its
/// cells out of stream order. Left: OCR misreads («Обіцие» for «Общие»)
/// and the scan's «4,2.» for «4.2.» (0.967/0.879). Floor: every file
/// 0.85, the mean of P and R 0.96. The scan needs the
/// OCR tools: skipped without them, a failure under `CI=true`.
#[test]
fn blind17_producers() {
    let ocr = match qostil::ingest::ocr::tools() {
        Ok(_) => true,
        Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("blind17: {why}, and CI=true: OCR must be tested under CI")
        }
        Err(why) => {
            eprintln!("SKIPPED blind17 scan: {why}");
            false
        }
    };
    let (mut sum, mut n) = (0.0, 0.0);
    let mut failed = Vec::new();
    for (stem, file) in [
        ("shalkar_lo", Some("pdf")),
        ("zerendi_web", None),
        ("shalkar_fpdf", Some("pdf")),
        ("zerendi_scan", None),
        ("shalkar_word", Some("docx")),
        ("zerendi_cols", Some("pdf")),
    ] {
        if stem == "zerendi_scan" && !ocr {
            continue;
        }
        let gold_path = format!("fixtures/blind17/{stem}.gold.json");
        let doc_path = file.map_or(gold_path.clone(), |e| {
            format!("fixtures/blind17/{stem}.{e}")
        });
        let (p, r, notes) = evaluate_file(&doc_path, &gold_path);
        eprintln!("{doc_path}: precision {p:.3} recall {r:.3}");
        for note in &notes {
            eprintln!("  {note}");
        }
        (sum, n) = (sum + p + r, n + 2.0);
        if p < 0.85 || r < 0.85 {
            failed.push(format!("{doc_path}: {p:.3}/{r:.3}"));
        }
    }
    assert!(sum / n >= 0.96, "mean P/R {:.3}", sum / n);
    assert!(failed.is_empty(), "{failed:?}");
}
