//! The audit's `documents.jsonl`: one JSON object per line, one line per
//! input, for pipelines that read a corpus line by line (`pandas.read_json(
//! lines=True)`, `jq -c`). A document's line has its head figures, its
//! findings counted by severity and by kind, the status of each right,
//! extra right and disclosure, its template family per language and its
//! number of deviations; an input that failed and a file the walk skipped
//! get a line of their own. Every line has `status` (`audited`, `error` or
//! `skipped`) and `source`, so one table holds them all. The fields are
//! documented in README.md.
//!
//! Invariants: documents come first in `report.json`'s order, then the
//! errors, then the skipped files, each in path order; a line never holds a
//! line break (serde_json escapes them), and the output is a pure function
//! of the audit.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::corpus::Audit;
use crate::corpus::compare::Comparison;
use crate::model::{Coverage, Lang, Presence, Severity};

/// Findings of one document by severity, every severity present (0 when
/// none), in increasing order.
#[derive(Serialize, Default)]
struct BySeverity {
    info: usize,
    low: usize,
    medium: usize,
    high: usize,
}

/// An audited document's line.
#[derive(Serialize)]
struct DocumentLine<'a> {
    status: &'static str,
    source: &'a str,
    company: Option<&'a str>,
    website: Option<&'a str>,
    languages: &'a [Lang],
    sha256: &'a str,
    encoding: &'a str,
    /// Clauses per language, `kk` and `ru`.
    clauses: BTreeMap<&'static str, usize>,
    aligned_pairs: usize,
    /// Findings at or above the audit's threshold.
    findings: usize,
    findings_by_severity: BySeverity,
    findings_by_kind: BTreeMap<&'static str, usize>,
    /// Checklist id → `both`, `kk_only`, `ru_only` or `absent`.
    rights: BTreeMap<&'a str, Presence>,
    extra_rights: BTreeMap<&'a str, Presence>,
    disclosures: BTreeMap<&'a str, Presence>,
    /// Ids of the items granted with a condition in some language.
    restricted: Vec<&'a str>,
    /// The document's template family per language (`kk-1`, `ru-3`).
    families: BTreeMap<&'static str, &'a str>,
    /// Deviations from its families' templates.
    deviations: usize,
    /// How the input was read, where the reader should know.
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    status: &'static str,
    source: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct SkippedLine<'a> {
    status: &'static str,
    source: &'a str,
    reason: &'a str,
}

fn statuses(covs: &[Coverage]) -> BTreeMap<&str, Presence> {
    covs.iter().map(|c| (c.id.as_str(), c.status)).collect()
}

fn line(mut w: impl Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut w, value)?;
    w.write_all(b"\n")
}

/// Write `documents.jsonl` of an audit whose comparison is `cmp` (findings
/// counted at or above `min`, as `report.json` counts them): a line per
/// document, then `{status: "error", source, error}` per input that failed
/// and `{status: "skipped", source, reason}` per file skipped.
///
/// Errors: those of `w`.
pub fn write_documents(
    mut w: impl Write,
    audit: &Audit,
    cmp: &Comparison,
    min: Severity,
) -> std::io::Result<()> {
    for (d, counts) in audit.documents.iter().zip(&cmp.documents) {
        let mut by_severity = BySeverity::default();
        for f in d.findings.iter().filter(|f| f.severity >= min) {
            *match f.severity {
                Severity::Info => &mut by_severity.info,
                Severity::Low => &mut by_severity.low,
                Severity::Medium => &mut by_severity.medium,
                Severity::High => &mut by_severity.high,
            } += 1;
        }
        let legal = &d.legal;
        let restricted = [&legal.rights, &legal.extra_rights, &legal.disclosures]
            .into_iter()
            .flatten()
            .filter(|c| !c.restrictions.is_empty())
            .map(|c| c.id.as_str())
            .collect();
        let doc = DocumentLine {
            status: "audited",
            source: &d.source,
            company: d.company.as_deref(),
            website: d.website.as_deref(),
            languages: &d.languages,
            sha256: &d.sha256,
            encoding: &d.encoding,
            clauses: counts.clauses.clone(),
            aligned_pairs: counts.aligned_pairs,
            findings: counts.findings,
            findings_by_severity: by_severity,
            findings_by_kind: counts.of_kind(),
            rights: statuses(&legal.rights),
            extra_rights: statuses(&legal.extra_rights),
            disclosures: statuses(&legal.disclosures),
            restricted,
            families: [Lang::Kk, Lang::Ru]
                .into_iter()
                .zip(counts.family)
                .filter_map(|(l, f)| Some((l.code(), cmp.families[f?].id.as_str())))
                .collect(),
            deviations: counts.deviations.len(),
            warnings: d.warnings.iter().map(ToString::to_string).collect(),
        };
        line(&mut w, &doc)?;
    }
    for (source, error) in &audit.errors {
        line(
            &mut w,
            &ErrorLine {
                status: "error",
                source,
                error,
            },
        )?;
    }
    for (source, reason) in &audit.skipped {
        line(
            &mut w,
            &SkippedLine {
                status: "skipped",
                source,
                reason,
            },
        )?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::compare::compare;
    use crate::corpus::record::DocRecord;

    #[test]
    fn one_line_per_input_with_its_status() {
        let mut audit = Audit::default();
        for (source, text) in [
            ("a.txt", "1.1. Деректер 5 жыл\nсақталады.\n"),
            (
                "b.txt",
                "1.1. Деректер 5 жыл сақталады.\n\n1.1. Данные хранятся 3 года.\n",
            ),
        ] {
            audit.documents.push(DocRecord::of_text(source, text));
        }
        audit
            .errors
            .push(("c.pdf".into(), "c.pdf: truncated\nx".into()));
        audit.skipped.push(("d.doc".into(), "unsupported".into()));
        let cmp = compare(&audit.documents, Severity::Low);
        let mut out = Vec::new();
        write_documents(&mut out, &audit, &cmp, Severity::Low).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 4, "{text}");
        let status: Vec<&str> = lines
            .iter()
            .map(|l| l["status"].as_str().unwrap())
            .collect();
        assert_eq!(status, ["audited", "audited", "error", "skipped"]);
        let sources: Vec<&str> = lines
            .iter()
            .map(|l| l["source"].as_str().unwrap())
            .collect();
        assert_eq!(sources, ["a.txt", "b.txt", "c.pdf", "d.doc"]);
        assert_eq!(lines[2]["error"], "c.pdf: truncated\nx");
        assert_eq!(lines[3]["reason"], "unsupported");
        for (l, (d, c)) in lines.iter().zip(audit.documents.iter().zip(&cmp.documents)) {
            assert_eq!(l["findings"], c.findings);
            let by: u64 = ["info", "low", "medium", "high"]
                .iter()
                .map(|s| l["findings_by_severity"][s].as_u64().unwrap())
                .sum();
            assert_eq!(by as usize, c.findings);
            // Info findings are below the threshold.
            assert_eq!(l["findings_by_severity"]["info"], 0);
            assert_eq!(l["rights"].as_object().unwrap().len(), d.legal.rights.len());
            assert!(l["families"]["kk"].as_str().unwrap().starts_with("kk-"));
        }
        assert_eq!(lines[0]["languages"], serde_json::json!(["kk"]));
        assert_eq!(lines[0]["rights"]["know"], "absent");
    }
}
