//! What changed since the last audit: documents new, gone or changed (by
//! the sha256 of their bytes), and, for the changed ones, the findings that
//! appeared and those that were resolved. The previous audit is read from
//! its `report.json` (schema 1), so any earlier run can serve.
//!
//! Invariants: documents are matched by their `source` path; every source
//! of either audit is in exactly one of `new`, `gone`, `changed` or counted
//! in `unchanged`; lists are sorted by source, so the result is a pure
//! function of the two audits. A finding is identified by its kind, its
//! clause ids and its message (which quotes the clause numbers and the
//! differing values).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::Audit;
use super::deviation::{self, Deviation};
use super::record::DocRecord;
use super::template::clause_recs;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Document, Lang, Severity};

/// The part of a previous `report.json` that history reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Previous {
    pub documents: Vec<PreviousDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PreviousDoc {
    pub source: String,
    pub sha256: String,
    #[serde(default)]
    pub findings: Vec<PreviousFinding>,
}

/// A finding as `report.json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub struct PreviousFinding {
    pub kind: String,
    pub severity: Severity,
    pub clauses: Vec<String>,
    pub message: String,
}

impl Previous {
    /// Read a previous `report.json` (`name` for errors).
    ///
    /// Errors: [`ErrorKind::Records`] with the line when it is not a report.
    pub fn parse(name: &str, text: &str) -> Result<Previous> {
        serde_json::from_str(text).map_err(|e| {
            Error::new(
                name,
                ErrorKind::Records(format!("not a qostil report.json: {e}")),
            )
            .at_line(e.line())
        })
    }
}

/// One document whose bytes changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub source: String,
    pub previous_sha256: String,
    pub sha256: String,
    /// Findings (at or above the threshold) not in the previous audit.
    pub appeared: Vec<PreviousFinding>,
    /// Findings of the previous audit no longer made.
    pub resolved: Vec<PreviousFinding>,
    /// Clauses added, removed and changed, per language (the reference,
    /// index 0, is the previous version); empty when the previous audit's
    /// records were not available.
    pub clauses: Vec<Deviation>,
}

/// The changes since a previous audit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub new: Vec<String>,
    pub gone: Vec<String>,
    pub changed: Vec<Changed>,
    pub unchanged: usize,
}

/// Compare `audit` (findings at or above `min`) with a previous report;
/// `records` are the previous audit's records (`records.jsonl` beside its
/// report), which give the clause changes of a changed document.
pub fn since(previous: &Previous, records: &[DocRecord], audit: &Audit, min: Severity) -> History {
    let old_records: BTreeMap<&str, &DocRecord> =
        records.iter().map(|r| (r.source.as_str(), r)).collect();
    let before: BTreeMap<&str, &PreviousDoc> = previous
        .documents
        .iter()
        .map(|d| (d.source.as_str(), d))
        .collect();
    let now: BTreeSet<&str> = audit.documents.iter().map(|d| d.source.as_str()).collect();
    let mut h = History::default();
    for d in &audit.documents {
        let Some(old) = before.get(d.source.as_str()) else {
            h.new.push(d.source.clone());
            continue;
        };
        if old.sha256 == d.sha256 {
            h.unchanged += 1;
            continue;
        }
        let current: BTreeSet<PreviousFinding> = d
            .findings
            .iter()
            .filter(|f| f.severity >= min)
            .map(|f| PreviousFinding {
                kind: f.kind.name().to_string(),
                severity: f.severity,
                clauses: f.clauses.iter().map(ToString::to_string).collect(),
                message: f.message.clone(),
            })
            .collect();
        let old_set: BTreeSet<PreviousFinding> = old.findings.iter().cloned().collect();
        let mut clauses = Vec::new();
        if let Some(r) = old_records.get(d.source.as_str()) {
            for (side, lang) in [Lang::Kk, Lang::Ru].into_iter().enumerate() {
                clauses.extend(deviation::diff(
                    &r.clause_recs[side],
                    &d.clause_recs[side],
                    lang,
                ));
            }
        }
        h.changed.push(Changed {
            source: d.source.clone(),
            previous_sha256: old.sha256.clone(),
            sha256: d.sha256.clone(),
            appeared: current.difference(&old_set).cloned().collect(),
            resolved: old_set.difference(&current).cloned().collect(),
            clauses,
        });
    }
    h.gone = before
        .keys()
        .filter(|s| !now.contains(**s))
        .map(|s| s.to_string())
        .collect();
    h.new.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    h.gone.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    h
}

/// What changed from one version of a policy to the next, per language
/// (Kazakh first): clauses added, removed and changed, typed and
/// redlined, by the engine of the template deviations with the old
/// version as the reference (document index 0 in `template_clause`).
pub fn versions(old: &Document, new: &Document) -> Vec<Deviation> {
    let mut out = Vec::new();
    for lang in [Lang::Kk, Lang::Ru] {
        out.extend(deviation::diff(
            &clause_recs(old, lang),
            &clause_recs(new, lang),
            lang,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::record::DocRecord;

    #[test]
    fn new_gone_changed_and_findings() {
        let a = "1.1. Деректер 5 жыл сақталады.\n1.1. Данные хранятся 5 лет.\n";
        let b = "1.1. Деректер 5 жыл сақталады.\n1.1. Данные хранятся 3 года.\n";
        let before = Audit {
            documents: vec![
                DocRecord::of_text("a.txt", a),
                DocRecord::of_text("gone.txt", a),
            ],
            errors: vec![],
            skipped: vec![],
        };
        // The previous report.json as the writer lays it out (the fields
        // history reads; the binary's round trip is tested in
        // tests/families.rs).
        let docs: Vec<serde_json::Value> = before
            .documents
            .iter()
            .map(|d| {
                let findings: Vec<serde_json::Value> = d
                    .findings
                    .iter()
                    .map(|f| {
                        serde_json::json!({
                            "kind": f.kind.name(),
                            "severity": f.severity,
                            "clauses": f.clauses.iter().map(ToString::to_string).collect::<Vec<_>>(),
                            "message": f.message,
                        })
                    })
                    .collect();
                serde_json::json!({"source": d.source, "sha256": d.sha256, "findings": findings})
            })
            .collect();
        let report = serde_json::json!({ "documents": docs }).to_string();
        let previous = Previous::parse("report.json", &report).unwrap();
        let after = Audit {
            documents: vec![
                DocRecord::of_text("a.txt", b),
                DocRecord::of_text("new.txt", a),
            ],
            errors: vec![],
            skipped: vec![],
        };
        let h = since(&previous, &before.documents, &after, Severity::Info);
        assert_eq!(h.new, ["new.txt"]);
        assert_eq!(h.gone, ["gone.txt"]);
        assert_eq!(h.unchanged, 0);
        assert_eq!(h.changed.len(), 1);
        let c = &h.changed[0];
        assert!(
            c.appeared.iter().any(|f| f.kind == "period_mismatch"),
            "{c:?}"
        );
        assert!(c.resolved.is_empty(), "{c:?}");
        // The previous records give the clause change, typed.
        assert_eq!(c.clauses.len(), 1, "{c:?}");
        assert_eq!(c.clauses[0].clause.as_deref(), Some("ru:1.1"));
        assert_eq!(c.clauses[0].change, Some(deviation::ChangeType::Number));
        // The same audit again: nothing changed.
        let h = since(&previous, &before.documents, &before, Severity::Info);
        assert_eq!(
            (h.new.len(), h.gone.len(), h.changed.len(), h.unchanged),
            (0, 0, 0, 2)
        );
        assert!(Previous::parse("x.json", "[1]").is_err());
    }
}
