//! Issue 9, kinds 8 and 9: the same value written two ways is not a
//! mismatch (thousands separators, ISO dates against dates in words, clock
//! times, periods in words, a table cell that leaves out the year), two
//! different values still are; organisation names without «МФО»/«МҚҰ» are
//! recognised as the company, and compared as a name across the versions.
//!
//! The case of these kinds in `../shared/cases/` (public-reports/07) is
//! read from there at test time: a missing case file fails the test, it
//! never skips. Beside it, inputs of the same kinds the case does not show,
//! in `fixtures/cases_values/`: each `NAME.txt` has a `NAME.expect` giving
//!
//! - `company<TAB>NAME` (or `none`): the document's recognised company;
//! - `pairs<TAB>1-1`: every pair is one Kazakh and one Russian clause with
//!   the same number (so that what is tested is the values, not the cut);
//! - `finding<TAB>KIND<TAB>kk:ID ru:ID`: one parity finding, by kind and
//!   clauses. The parity findings of the document must be exactly these:
//!   no line, no parity finding at all.
//!
//! Lines starting with `#` say what the fixture shows.

use std::collections::BTreeSet;

use qostil::check::parity::KINDS as PARITY;
use qostil::model::{Document, FindingKind, Severity};

use crate::util::assert_nothing_lost;

/// The committed copy of `../shared/cases` (see its README).
const CASES: &str = "fixtures/shared-cases";
const FIXTURES: &str = "fixtures/cases_values";

fn case_text(rel: &str) -> String {
    let path = format!("{CASES}/{rel}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("case file {path} is missing: {e}"))
}

fn analyze(name: &str, text: &str) -> Document {
    let doc = qostil::analyze(name, text.as_bytes(), &qostil::Config::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_nothing_lost(name, &doc);
    doc
}

/// Pairs as (kk ids, ru ids).
fn pairs(doc: &Document) -> Vec<(Vec<String>, Vec<String>)> {
    doc.pairs
        .iter()
        .map(|p| {
            (
                p.kk.iter().map(|&i| doc.clauses[i].id.clone()).collect(),
                p.ru.iter().map(|&i| doc.clauses[i].id.clone()).collect(),
            )
        })
        .collect()
}

/// Every pair is one Kazakh and one Russian clause with the same number.
fn assert_one_to_one(name: &str, doc: &Document) {
    let ps = pairs(doc);
    assert!(!ps.is_empty(), "{name}: no pairs");
    for (kk, ru) in &ps {
        assert!(
            kk.len() == 1 && ru.len() == 1,
            "{name}: pair {kk:?} {ru:?} in {ps:?}"
        );
        assert_eq!(
            kk[0].trim_start_matches("kk:"),
            ru[0].trim_start_matches("ru:"),
            "{name}: {ps:?}"
        );
    }
}

/// The parity findings of a document as «kind<TAB>clause ids».
fn parity_findings(doc: &Document) -> BTreeSet<String> {
    doc.findings
        .iter()
        .filter(|f| PARITY.contains(&f.kind))
        .map(|f| {
            let ids: Vec<&str> = f.clauses.iter().map(|c| c.id.as_str()).collect();
            format!("{}\t{}", f.kind, ids.join(" "))
        })
        .collect()
}

fn describe(doc: &Document) -> String {
    doc.findings
        .iter()
        .filter(|f| PARITY.contains(&f.kind))
        .map(|f| format!("\n  {} {}", f.kind, f.message))
        .collect()
}

// ---- the case ------------------------------------------------------------

#[test]
fn case_07_thousands_with_commas_are_the_same_sums() {
    let text = case_text("public-reports/07-thousands-comma.txt");
    let doc = analyze("07", &text);
    let ps = pairs(&doc);
    let want: Vec<(Vec<String>, Vec<String>)> = ["p1", "p2", "1", "1.1", "1.2"]
        .iter()
        .map(|n| (vec![format!("kk:{n}")], vec![format!("ru:{n}")]))
        .collect();
    assert_eq!(ps, want);
    let entity_kinds = [
        FindingKind::FigureMismatch,
        FindingKind::DateMismatch,
        FindingKind::ContactMismatch,
        FindingKind::LawReferenceMismatch,
        FindingKind::NameMismatch,
    ];
    for f in &doc.findings {
        assert!(
            !entity_kinds.contains(&f.kind),
            "07: {}: {}",
            f.kind,
            f.message
        );
        assert!(
            !(PARITY.contains(&f.kind) && f.severity == Severity::High),
            "07: {}: {}",
            f.kind,
            f.message
        );
    }
    assert_eq!(doc.company.as_deref(), Some("Мысал Қаржы"));
}

#[test]
fn case_07_with_a_different_sum_is_still_a_mismatch() {
    let text = case_text("public-reports/07-thousands-comma.txt");
    for (from, to, marked) in [
        (
            "1,500,000 теңгеге",
            "1,600,000 теңгеге",
            "[[1,600,000 теңгеге]]",
        ),
        ("50,000 теңгеден", "50 теңгеден", "[[50 теңгеден]]"),
        ("50,000 теңгеден", "5,000 теңгеден", "[[5,000 теңгеден]]"),
    ] {
        assert!(text.contains(from), "07 no longer contains {from}");
        let doc = analyze("07-changed", &text.replacen(from, to, 1));
        let figures: Vec<_> = doc
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::FigureMismatch)
            .collect();
        assert_eq!(figures.len(), 1, "{to}: {}", describe(&doc));
        let f = figures[0];
        let ids: Vec<&str> = f.clauses.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["kk:1.1", "ru:1.1"]);
        assert_eq!(f.severity, Severity::High);
        // The evidence quotes the text as written.
        assert!(f.evidence[0].marked().contains(marked), "{f:?}");
    }
}

// ---- the fixtures ----------------------------------------------------------

/// What a fixture's `.expect` file says.
#[derive(Debug, Default)]
struct Expect {
    company: Option<Option<String>>,
    one_to_one: bool,
    findings: BTreeSet<String>,
}

fn expect(name: &str) -> Expect {
    let path = format!("{FIXTURES}/{name}.expect");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path} is missing: {e}"));
    let mut out = Expect::default();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["company", "none"] => out.company = Some(None),
            ["company", c] => out.company = Some(Some(c.to_string())),
            ["pairs", "1-1"] => out.one_to_one = true,
            ["finding", kind, ids] => {
                out.findings.insert(format!("{kind}\t{ids}"));
            }
            _ => panic!("{path}, line {}: cannot read «{line}»", n + 1),
        }
    }
    out
}

/// Every fixture, by name.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("{FIXTURES}: {e}"))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "txt").then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    names
}

fn check_fixture(name: &str) {
    let want = expect(name);
    let path = format!("{FIXTURES}/{name}.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = analyze(name, &text);
    if let Some(company) = &want.company {
        assert_eq!(&doc.company, company, "{name}: company");
    }
    if want.one_to_one {
        assert_one_to_one(name, &doc);
    }
    assert_eq!(
        parity_findings(&doc),
        want.findings,
        "{name}: parity findings{}",
        describe(&doc)
    );
}

/// The fixtures of organisation names (kind 9).
fn is_org(name: &str) -> bool {
    name.starts_with("org_")
}

#[test]
fn every_fixture_has_its_expectation() {
    let names = fixtures();
    assert!(names.len() >= 12, "fixtures: {names:?}");
    for name in &names {
        let want = expect(name);
        assert!(want.company.is_some(), "{name}: no company line");
        assert!(want.one_to_one, "{name}: no pairs line");
    }
}

#[test]
fn values_written_two_ways_give_no_finding() {
    let names: Vec<String> = fixtures()
        .into_iter()
        .filter(|n| !is_org(n) && expect(n).findings.is_empty())
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    for name in &names {
        check_fixture(name);
    }
}

#[test]
fn different_values_are_still_mismatches() {
    let names: Vec<String> = fixtures()
        .into_iter()
        .filter(|n| !is_org(n) && !expect(n).findings.is_empty())
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        check_fixture(name);
    }
}

#[test]
fn organisation_names_without_mfo_are_the_company() {
    let names: Vec<String> = fixtures().into_iter().filter(|n| is_org(n)).collect();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        check_fixture(name);
    }
}
