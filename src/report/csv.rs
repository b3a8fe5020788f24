//! The audit's tables for spreadsheets and pandas: `findings.csv` (one row
//! per finding at or above the audit's threshold) and `rights.csv` (one row
//! per document × right, extra right or disclosure), written with the `csv`
//! crate as RFC 4180: comma-separated, a header row, every cell that holds
//! a comma, a quote or a line break quoted, `\n` line ends, UTF-8 without a
//! BOM. The columns are documented in README.md.
//!
//! Invariants: rows come in the order of `report.json` (documents by path,
//! each document's findings in the contract's order, checklist items in the
//! rules' order), so the row counts equal the lengths of its arrays and the
//! output is a pure function of the audit. Every text cell passes through
//! [`tsv_cell`], the one CSV-injection neutraliser of the reports (a cell
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading `'`, as OWASP advises; tabs and line breaks become spaces, so a
//! row is one line even for a reader that does not know RFC 4180 quoting).
//! Counts are written as plain numbers.

use std::io::Write;

use crate::corpus::Audit;
use crate::corpus::record::DocRecord;
use crate::model::{Coverage, Finding, Lang, Severity};
use crate::report::tmx::tsv_cell;

/// The header of `findings.csv`.
pub const FINDINGS_HEADER: [&str; 11] = [
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
    "ru_quote",
];

/// The header of `rights.csv`.
pub const RIGHTS_HEADER: [&str; 10] = [
    "document",
    "company",
    "languages",
    "group",
    "item",
    "status",
    "restricted",
    "kk_clauses",
    "ru_clauses",
    "law_version",
];

/// Quotes of one language joined in one cell.
const QUOTE_SEPARATOR: &str = " | ";

/// A writer that turns the `csv` crate's errors into I/O errors (the only
/// kind it can meet when writing strings).
fn writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(w)
}

fn io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// The clause ids of a finding in one language, joined by a space: a
/// clause of another document is named `source#kk:3.2`. A language is read
/// from the id's prefix (`kk:`, `ru:`).
fn clauses_in(f: &Finding, lang: Lang) -> String {
    let prefix = format!("{}:", lang.code());
    f.clauses
        .iter()
        .filter(|c| c.id.starts_with(&prefix))
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The policy text a finding quotes in one language, its marks `[[…]]` as
/// in the JSON contract; only evidence that names a clause is a quote of
/// the policy (an absence's evidence lists what was searched, and is left
/// out), several joined by [`QUOTE_SEPARATOR`].
fn quotes_in(f: &Finding, lang: Lang) -> String {
    f.evidence
        .iter()
        .filter(|e| e.lang == lang && !e.clauses.is_empty())
        .map(|e| e.marked())
        .collect::<Vec<_>>()
        .join(QUOTE_SEPARATOR)
}

/// A document's findings at or above `min`, in the contract's order.
fn shown(d: &DocRecord, min: Severity) -> impl Iterator<Item = &Finding> {
    d.findings.iter().filter(move |f| f.severity >= min)
}

/// Write `findings.csv`: the header ([`FINDINGS_HEADER`]), then one row per
/// finding at or above `min` of each document. `finding` is the finding's
/// 1-based position among the document's findings in `report.json`;
/// `language` is the language concerned (empty when the finding concerns
/// both).
///
/// Errors: those of `w`.
pub fn write_findings(w: impl Write, audit: &Audit, min: Severity) -> std::io::Result<()> {
    let mut out = writer(w);
    out.write_record(FINDINGS_HEADER).map_err(io)?;
    for d in &audit.documents {
        let document = tsv_cell(&d.source);
        let company = tsv_cell(d.company.as_deref().unwrap_or(""));
        for (n, f) in shown(d, min).enumerate() {
            let number = (n + 1).to_string();
            out.write_record([
                document.as_str(),
                company.as_str(),
                &number,
                f.kind.name(),
                f.severity.name(),
                f.lang.map_or("", Lang::code),
                &tsv_cell(&clauses_in(f, Lang::Kk)),
                &tsv_cell(&clauses_in(f, Lang::Ru)),
                &tsv_cell(&f.message),
                &tsv_cell(&quotes_in(f, Lang::Kk)),
                &tsv_cell(&quotes_in(f, Lang::Ru)),
            ])
            .map_err(io)?;
        }
    }
    out.flush()
}

/// The languages in which an item is granted with a condition: `kk`, `ru`,
/// `kk+ru` or empty.
fn restricted(c: &Coverage) -> String {
    [Lang::Kk, Lang::Ru]
        .into_iter()
        .filter(|&l| c.restricted(l))
        .map(Lang::code)
        .collect::<Vec<_>>()
        .join("+")
}

/// Write `rights.csv`: the header ([`RIGHTS_HEADER`]), then one row per
/// document and checklist item: `group` is `right`, `extra_right` or
/// `disclosure`; `status` `both`, `kk_only`, `ru_only` or `absent`;
/// `restricted` the languages in which the item is granted with a
/// condition; `kk_clauses` and `ru_clauses` the clauses citing it, joined
/// by a space.
///
/// Errors: those of `w`.
pub fn write_rights(w: impl Write, audit: &Audit) -> std::io::Result<()> {
    let mut out = writer(w);
    out.write_record(RIGHTS_HEADER).map_err(io)?;
    for d in &audit.documents {
        let document = tsv_cell(&d.source);
        let company = tsv_cell(d.company.as_deref().unwrap_or(""));
        let languages: Vec<&str> = d.languages.iter().map(|l| l.code()).collect();
        let languages = languages.join("+");
        let legal = &d.legal;
        for (group, covs) in [
            ("right", &legal.rights),
            ("extra_right", &legal.extra_rights),
            ("disclosure", &legal.disclosures),
        ] {
            for c in covs {
                out.write_record([
                    document.as_str(),
                    company.as_str(),
                    &languages,
                    group,
                    &tsv_cell(&c.id),
                    c.status.name(),
                    &restricted(c),
                    &tsv_cell(&c.cites(Lang::Kk).join(" ")),
                    &tsv_cell(&c.cites(Lang::Ru).join(" ")),
                    &tsv_cell(&c.law_version),
                ])
                .map_err(io)?;
            }
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClauseRef, Evidence, FindingKind};

    fn audit_of(texts: &[(&str, &str)]) -> Audit {
        let mut audit = Audit::default();
        for (source, text) in texts {
            audit.documents.push(DocRecord::of_text(source, text));
        }
        audit
    }

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes);
        r.records()
            .map(|x| x.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    fn finding(message: &str, evidence: Vec<Evidence>) -> Finding {
        Finding {
            kind: FindingKind::FigureMismatch,
            severity: Severity::High,
            lang: None,
            clauses: vec![
                ClauseRef::local("kk:1.1"),
                ClauseRef::local("ru:1.1"),
                ClauseRef::in_document("b.txt", "ru:2"),
            ],
            message: message.into(),
            evidence,
        }
    }

    #[test]
    fn hostile_text_stays_in_its_cell_and_is_never_a_formula() {
        let text = "1.1. Мерзім 30 күн.\n\n1.1. Срок 15 дней.\n";
        let mut audit = audit_of(&[("=cmd|'/c calc'!A1.txt", text)]);
        audit.documents[0].company = Some("-2+3, \"Ltd\"".into());
        audit.documents[0].findings = vec![finding(
            "@SUM(1), a \"quote\"\nand a line",
            vec![
                Evidence {
                    lang: Lang::Kk,
                    clauses: vec![ClauseRef::local("kk:1.1")],
                    text: "=1+1, «30»".into(),
                    marks: vec![(6, 12)],
                },
                Evidence {
                    lang: Lang::Ru,
                    clauses: vec![],
                    text: "searched: срок".into(),
                    marks: vec![],
                },
            ],
        )];
        let mut out = Vec::new();
        write_findings(&mut out, &audit, Severity::Info).unwrap();
        let rows = rows(&out);
        assert_eq!(rows.len(), 2, "{}", String::from_utf8_lossy(&out));
        assert_eq!(rows[0], FINDINGS_HEADER);
        let want = [
            "'=cmd|'/c calc'!A1.txt",
            "'-2+3, \"Ltd\"",
            "1",
            "figure_mismatch",
            "high",
            "",
            "kk:1.1",
            "ru:1.1 b.txt#ru:2",
            "'@SUM(1), a \"quote\" and a line",
            "'=1+1, [[«30»]]",
            "",
        ];
        assert_eq!(rows[1], want);
        // One physical line per row, whatever the text holds.
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 2);
    }

    #[test]
    fn findings_below_the_threshold_are_left_out_and_rows_follow_documents() {
        let audit = audit_of(&[
            ("a.txt", "1.1. Деректер 5 жыл сақталады.\n"),
            (
                "b.txt",
                "1.1. Деректер 5 жыл сақталады.\n\n1.1. Данные хранятся 3 года.\n",
            ),
        ]);
        for min in [Severity::Info, Severity::Medium, Severity::High] {
            let mut out = Vec::new();
            write_findings(&mut out, &audit, min).unwrap();
            let rows = rows(&out);
            let want: usize = audit
                .documents
                .iter()
                .map(|d| d.findings.iter().filter(|f| f.severity >= min).count())
                .sum();
            assert_eq!(rows.len() - 1, want, "{min:?}");
            assert!(rows[1..].iter().all(|r| r.len() == FINDINGS_HEADER.len()));
        }
        let mut out = Vec::new();
        write_findings(&mut out, &audit, Severity::Info).unwrap();
        let rows = rows(&out);
        let docs: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        let mut sorted = docs.clone();
        sorted.sort();
        assert_eq!(docs, sorted);
        // a.txt has one language only: that finding is there, numbered 1.
        assert!(
            rows.iter()
                .any(|r| r[0] == "a.txt" && r[2] == "1" && r[3] == "single_language")
        );
    }

    #[test]
    fn rights_have_one_row_per_document_and_item() {
        let bytes = std::fs::read("fixtures/text/compliant_kk_ru.txt").unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let audit = audit_of(&[("c.txt", &text), ("k.txt", "1.1. Деректер сақталады.\n")]);
        let mut out = Vec::new();
        write_rights(&mut out, &audit).unwrap();
        let rows = rows(&out);
        assert_eq!(rows[0], RIGHTS_HEADER);
        let items: usize = audit
            .documents
            .iter()
            .map(|d| d.legal.rights.len() + d.legal.extra_rights.len() + d.legal.disclosures.len())
            .sum();
        assert_eq!(rows.len() - 1, items);
        let know = |doc: &str| {
            rows.iter()
                .find(|r| r[0] == doc && r[3] == "right" && r[4] == "know")
                .unwrap()
                .clone()
        };
        let c = know("c.txt");
        assert_eq!((c[2].as_str(), c[5].as_str()), ("kk+ru", "both"));
        assert!(!c[7].is_empty() && !c[8].is_empty(), "{c:?}");
        let k = know("k.txt");
        assert_eq!((k[2].as_str(), k[5].as_str()), ("kk", "absent"));
        assert_eq!((k[7].as_str(), k[8].as_str()), ("", ""));
    }
}
