//! The JSON contract (documented in README.md). These wire types are the
//! only place field names are decided; they borrow from the domain model so
//! that a change of format never touches the pipeline.
//!
//! Invariant: output is a pure function of the document: no timestamps, no
//! hash-map iteration order.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::corpus::Audit;
use crate::corpus::compare::{Comparison, DocCounts, MatrixCell};
use crate::corpus::deviation::{ChangeType, Deviation, DeviationKind, Edit};
use crate::corpus::history::{History, PreviousFinding};
use crate::corpus::record::DocRecord;
use crate::model::{
    Clause, Coverage, Document, DropKind, Dropped, Finding, FindingKind, Flag, Lang, Legal,
    Presence, Severity, Source, SourceFile, Span, TopicHit, Warning,
};

/// Version of the JSON layout; bumped on any incompatible change.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
pub struct DocumentHead<'a> {
    pub source: &'a str,
    pub sha256: &'a str,
    pub encoding: &'a str,
    pub company: Option<&'a str>,
    pub languages: Vec<Lang>,
    pub clauses: BTreeMap<&'static str, usize>,
    pub pairs: usize,
    /// Share of non-whitespace characters in clauses or `dropped`.
    pub coverage: f64,
    /// How the input was read, where the reader should know (bytes
    /// replaced, a script the checks do not read); absent when none.
    #[serde(skip_serializing_if = "<[Warning]>::is_empty")]
    pub warnings: &'a [Warning],
    /// A document published as two files: each file's `source`,
    /// `sha256`, `encoding` and `lang`, Kazakh first; absent for one file.
    #[serde(skip_serializing_if = "<[SourceFile]>::is_empty")]
    pub files: &'a [SourceFile],
    /// The pages (1-based) whose text was read through OCR; absent when
    /// none (for two files, each file's are in `files`).
    #[serde(skip_serializing_if = "<[u32]>::is_empty")]
    pub ocr_pages: &'a [u32],
}

#[derive(Serialize)]
pub struct ClauseOut<'a> {
    pub id: &'a str,
    pub lang: Lang,
    pub number: Option<&'a str>,
    pub label: Option<&'a str>,
    pub kind: crate::model::ClauseKind,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<&'a str>,
    /// The file of a document published as two files that the spans
    /// index (absent for one file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// From the start of the first segment to the end of the last.
    pub span: Span,
    /// The exact source pieces (several when a paragraph was cut by a page
    /// or by the other language's column).
    pub segments: Vec<Span>,
    pub line: usize,
    pub parent: Option<&'a str>,
    /// Topics of the clause with their evidence (empty when none).
    pub topics: &'a [TopicHit],
}

#[derive(Serialize)]
pub struct PairOut<'a> {
    pub kk: Vec<&'a str>,
    pub ru: Vec<&'a str>,
    pub score: f32,
}

/// What the legal rules found, without the per-clause topics (those are
/// on the clauses).
#[derive(Serialize)]
pub struct LegalOut<'a> {
    pub law_version: &'a str,
    pub rights: &'a [Coverage],
    pub extra_rights: &'a [Coverage],
    pub disclosures: &'a [Coverage],
    pub flags: &'a [Flag],
}

pub fn legal_out(legal: &Legal) -> LegalOut<'_> {
    LegalOut {
        law_version: &legal.law_version,
        rights: &legal.rights,
        extra_rights: &legal.extra_rights,
        disclosures: &legal.disclosures,
        flags: &legal.flags,
    }
}

/// A finding as the contract writes it: its clauses as id strings, each
/// piece of evidence with one clause label and its marks as `[[…]]`.
#[derive(Serialize)]
pub struct FindingOut<'a> {
    pub kind: FindingKind,
    pub severity: Severity,
    pub lang: Option<Lang>,
    pub clauses: Vec<String>,
    pub message: &'a str,
    pub evidence: Vec<EvidenceOut>,
}

#[derive(Serialize)]
pub struct EvidenceOut {
    pub lang: Lang,
    pub clause: Option<String>,
    pub quote: String,
}

/// The wire form of a finding.
pub fn finding_out(f: &Finding) -> FindingOut<'_> {
    FindingOut {
        kind: f.kind,
        severity: f.severity,
        lang: f.lang,
        clauses: f.clauses.iter().map(ToString::to_string).collect(),
        message: &f.message,
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceOut {
                lang: e.lang,
                clause: e.clause_label(),
                quote: e.marked(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct DocumentOut<'a> {
    pub qostil: &'static str,
    pub schema: u32,
    pub document: DocumentHead<'a>,
    pub clauses: Vec<ClauseOut<'a>>,
    pub pairs: Vec<PairOut<'a>>,
    pub findings: Vec<FindingOut<'a>>,
    pub dropped: Vec<DroppedOut<'a>>,
    pub legal: LegalOut<'a>,
}

/// A piece of layout noise; `file` and a file's own span for a document
/// published as two files.
#[derive(Serialize)]
pub struct DroppedOut<'a> {
    pub kind: DropKind,
    pub text: &'a str,
    pub span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
}

/// `dropped[]` with each span in its own file.
fn dropped_out<'a>(source: &'a Source, dropped: &'a [Dropped]) -> Vec<DroppedOut<'a>> {
    dropped
        .iter()
        .map(|d| {
            let (file, span) = source.locate(d.span);
            DroppedOut {
                kind: d.kind,
                text: &d.text,
                span,
                file: file.map(|f| f.source.as_str()),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct RightsOut<'a> {
    pub qostil: &'static str,
    pub schema: u32,
    pub document: DocumentHead<'a>,
    pub legal: LegalOut<'a>,
}

#[derive(Serialize)]
pub struct CheckOut<'a> {
    pub qostil: &'static str,
    pub schema: u32,
    pub document: DocumentHead<'a>,
    pub findings: Vec<FindingOut<'a>>,
}

#[derive(Serialize)]
pub struct AlignedPair<'a> {
    pub kk: Vec<&'a str>,
    pub ru: Vec<&'a str>,
    pub score: f32,
    pub kk_text: String,
    pub ru_text: String,
}

#[derive(Serialize)]
pub struct AlignOut<'a> {
    pub qostil: &'static str,
    pub schema: u32,
    pub document: DocumentHead<'a>,
    pub pairs: Vec<AlignedPair<'a>>,
}

/// The head of an audited document, from its record.
fn record_head(d: &DocRecord) -> DocumentHead<'_> {
    DocumentHead {
        source: &d.source,
        sha256: &d.sha256,
        encoding: &d.encoding,
        company: d.company.as_deref(),
        languages: d.languages.clone(),
        clauses: [Lang::Kk, Lang::Ru]
            .into_iter()
            .map(|l| (l.code(), d.clauses_in(l)))
            .collect(),
        pairs: d.pairs,
        coverage: d.coverage,
        warnings: &d.warnings,
        files: &d.files,
        ocr_pages: &d.ocr_pages,
    }
}

pub fn head(doc: &Document) -> DocumentHead<'_> {
    let mut clauses = BTreeMap::new();
    for lang in [Lang::Kk, Lang::Ru] {
        clauses.insert(
            lang.code(),
            doc.clauses.iter().filter(|c| c.lang == lang).count(),
        );
    }
    DocumentHead {
        source: &doc.source.name,
        sha256: &doc.source.sha256,
        encoding: &doc.source.encoding,
        company: doc.company.as_deref(),
        languages: doc.languages.clone(),
        clauses,
        pairs: doc.pairs.len(),
        coverage: doc.coverage(),
        warnings: &doc.source.warnings,
        files: &doc.source.files,
        ocr_pages: &doc.source.ocr_pages,
    }
}

fn clause_out<'a>(doc: &'a Document, i: usize, c: &'a Clause) -> ClauseOut<'a> {
    // A clause lies in one file: its spans are that file's own.
    let file = c
        .segments
        .first()
        .and_then(|&s| doc.source.locate(s).0)
        .map(|f| f.source.as_str());
    let segments: Vec<Span> = c.segments.iter().map(|&s| doc.source.locate(s).1).collect();
    let span = Span {
        start: segments.first().map_or(0, |s| s.start),
        end: segments.last().map_or(0, |s| s.end),
        page: c.page.or_else(|| c.segments.first().and_then(|s| s.page)),
    };
    ClauseOut {
        id: &c.id,
        lang: c.lang,
        number: c.number.as_deref(),
        label: c.label.as_deref(),
        kind: c.kind,
        text: &c.text,
        term: c.term.as_deref(),
        file,
        span,
        segments,
        line: c.line,
        parent: c.parent.as_deref(),
        topics: doc.legal.topics.get(i).map_or(&[], |t| t.as_slice()),
    }
}

fn ids<'a>(doc: &'a Document, idx: &[usize]) -> Vec<&'a str> {
    idx.iter().map(|&i| doc.clauses[i].id.as_str()).collect()
}

fn filtered(doc: &Document, min: Severity) -> Vec<FindingOut<'_>> {
    shown(&doc.findings, min)
}

fn shown(findings: &[Finding], min: Severity) -> Vec<FindingOut<'_>> {
    findings
        .iter()
        .filter(|f| f.severity >= min)
        .map(finding_out)
        .collect()
}

fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// `qostil parse`: the whole document model.
pub fn document(doc: &Document, min: Severity) -> String {
    to_string(&DocumentOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        document: head(doc),
        clauses: doc
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| clause_out(doc, i, c))
            .collect(),
        pairs: doc
            .pairs
            .iter()
            .map(|p| PairOut {
                kk: ids(doc, &p.kk),
                ru: ids(doc, &p.ru),
                score: p.score,
            })
            .collect(),
        findings: filtered(doc, min),
        dropped: dropped_out(&doc.source, &doc.dropped),
        legal: legal_out(&doc.legal),
    })
}

/// `qostil rights --format json`: rights, extra rights, disclosures and
/// red flags of one document.
pub fn rights(doc: &Document) -> String {
    to_string(&RightsOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        document: head(doc),
        legal: legal_out(&doc.legal),
    })
}

/// `qostil check --format json`.
pub fn findings(doc: &Document, min: Severity) -> String {
    to_string(&CheckOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        document: head(doc),
        findings: filtered(doc, min),
    })
}

/// Joined text of the clauses of one side of a pair.
pub fn side_text(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.clauses[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `qostil align --format json`.
pub fn alignment(doc: &Document) -> String {
    to_string(&AlignOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        document: head(doc),
        pairs: doc
            .pairs
            .iter()
            .map(|p| AlignedPair {
                kk: ids(doc, &p.kk),
                ru: ids(doc, &p.ru),
                score: p.score,
                kk_text: side_text(doc, &p.kk),
                ru_text: side_text(doc, &p.ru),
            })
            .collect(),
    })
}

#[derive(Serialize)]
struct AuditOut<'a> {
    qostil: &'static str,
    schema: u32,
    summary: AuditSummary,
    documents: AuditDocs<'a>,
    errors: Vec<AuditError<'a>>,
    /// Files under the folder not audited, with why.
    skipped: Vec<AuditSkipped<'a>>,
    matrix: MatrixOut<'a>,
    /// Template families per language, singletons included.
    families: Vec<FamilyOut<'a>>,
    /// Sources whose Kazakh and Russian versions are in different families.
    family_disagreements: Vec<&'a str>,
    /// Changes since the previous audit (`audit --since`).
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<SinceOut<'a>>,
}

#[derive(Serialize)]
struct SinceOut<'a> {
    previous: &'a str,
    new: &'a [String],
    gone: &'a [String],
    changed: Vec<ChangedOut<'a>>,
    unchanged: usize,
}

#[derive(Serialize)]
struct ChangedOut<'a> {
    source: &'a str,
    previous_sha256: &'a str,
    sha256: &'a str,
    findings_appeared: Vec<PrevFindingOut<'a>>,
    findings_resolved: Vec<PrevFindingOut<'a>>,
    /// Clause changes, with `old_clause` the previous version's clause.
    clause_changes: Vec<ChangeOut<'a>>,
}

#[derive(Serialize)]
struct PrevFindingOut<'a> {
    kind: &'a str,
    severity: Severity,
    clauses: &'a [String],
    message: &'a str,
}

fn since_out<'a>(previous: &'a str, h: &'a History) -> SinceOut<'a> {
    let findings = |fs: &'a [PreviousFinding]| {
        fs.iter()
            .map(|f| PrevFindingOut {
                kind: &f.kind,
                severity: f.severity,
                clauses: &f.clauses,
                message: &f.message,
            })
            .collect()
    };
    SinceOut {
        previous,
        new: &h.new,
        gone: &h.gone,
        changed: h
            .changed
            .iter()
            .map(|c| ChangedOut {
                source: &c.source,
                previous_sha256: &c.previous_sha256,
                sha256: &c.sha256,
                findings_appeared: findings(&c.appeared),
                findings_resolved: findings(&c.resolved),
                clause_changes: c.clauses.iter().map(change_out).collect(),
            })
            .collect(),
        unchanged: h.unchanged,
    }
}

/// One checklist item of one document, in brief.
#[derive(Serialize)]
struct CoverageCell<'a> {
    id: &'a str,
    status: Presence,
    kk: Vec<&'a str>,
    ru: Vec<&'a str>,
    /// Languages in which the item is granted with a condition.
    restricted: Vec<Lang>,
}

fn cells(covs: &[Coverage]) -> Vec<CoverageCell<'_>> {
    covs.iter()
        .map(|c| CoverageCell {
            id: &c.id,
            status: c.status,
            kk: c.cites(Lang::Kk),
            ru: c.cites(Lang::Ru),
            restricted: [Lang::Kk, Lang::Ru]
                .into_iter()
                .filter(|&l| c.restricted(l))
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct CoverageOut<'a> {
    law_version: &'a str,
    rights: Vec<CoverageCell<'a>>,
    extra_rights: Vec<CoverageCell<'a>>,
    disclosures: Vec<CoverageCell<'a>>,
}

/// Companies × rights and disclosures, for the whole corpus.
#[derive(Serialize)]
struct MatrixOut<'a> {
    rights: &'a [String],
    disclosures: &'a [String],
    rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    company: Option<&'a str>,
    source: &'a str,
    languages: &'a [Lang],
    rights: BTreeMap<&'a str, Presence>,
    disclosures: BTreeMap<&'a str, Presence>,
    /// Rights granted with a condition (in any language).
    restricted: Vec<&'a str>,
}

fn matrix<'a>(audit: &'a Audit, cmp: &'a Comparison) -> MatrixOut<'a> {
    let status =
        |cells: &'a [MatrixCell]| cells.iter().map(|c| (c.id.as_str(), c.status)).collect();
    MatrixOut {
        rights: &cmp.matrix.rights,
        disclosures: &cmp.matrix.disclosures,
        rows: audit
            .documents
            .iter()
            .zip(&cmp.matrix.rows)
            .map(|(d, [rights, disclosures])| MatrixRow {
                company: d.company.as_deref(),
                source: &d.source,
                languages: &d.languages,
                rights: status(rights),
                disclosures: status(disclosures),
                restricted: rights
                    .iter()
                    .filter(|c| c.restricted)
                    .map(|c| c.id.as_str())
                    .collect(),
            })
            .collect(),
    }
}

/// A template family: its documents by their `source` as the report names
/// them, and the verified links that joined it, with their Jaccard
/// similarity.
#[derive(Serialize)]
struct FamilyOut<'a> {
    id: &'a str,
    lang: Lang,
    documents: Vec<&'a str>,
    links: Vec<LinkOut<'a>>,
    /// The template (families of two or more): its clauses in order, each
    /// named by a representative document and clause, with the number of
    /// members that have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    template: Option<Vec<TemplateClauseOut<'a>>>,
}

#[derive(Serialize)]
struct TemplateClauseOut<'a> {
    document: &'a str,
    clause: &'a str,
    members: usize,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    a: &'a str,
    b: &'a str,
    jaccard: f32,
}

fn families<'a>(audit: &'a Audit, cmp: &'a Comparison) -> Vec<FamilyOut<'a>> {
    let name = |i: usize| audit.documents[i].source.as_str();
    cmp.families
        .iter()
        .map(|f| FamilyOut {
            id: &f.id,
            lang: f.lang,
            documents: f.documents.iter().map(|&i| name(i)).collect(),
            links: f
                .links
                .iter()
                .map(|&(a, b, j)| LinkOut {
                    a: name(a),
                    b: name(b),
                    jaccard: (j * 1000.0).round() / 1000.0,
                })
                .collect(),
            template: f.template.as_ref().map(|t| {
                t.clauses
                    .iter()
                    .map(|c| TemplateClauseOut {
                        document: name(c.doc),
                        clause: &c.rec.id,
                        members: c.freq,
                    })
                    .collect()
            }),
        })
        .collect()
}

#[derive(Serialize)]
struct AuditSummary {
    documents: usize,
    errors: usize,
    skipped: usize,
    findings: usize,
    findings_by_severity: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct AuditDoc<'a> {
    #[serde(flatten)]
    head: DocumentHead<'a>,
    website: Option<&'a str>,
    aligned_pairs: usize,
    findings_by_kind: BTreeMap<&'a str, usize>,
    findings: Vec<FindingOut<'a>>,
    coverage: CoverageOut<'a>,
    /// The document's family in each language (ids of `families`).
    families: BTreeMap<&'static str, &'a str>,
    /// Deviations from the family's template.
    deviations: Vec<DeviationOut<'a>>,
    /// Alone in its family: the clauses no other document has.
    unique_clauses: &'a [String],
    /// What the corpus norm has and this document lacks.
    lacks: Vec<LackOut<'a>>,
}

#[derive(Serialize)]
struct DeviationOut<'a> {
    kind: DeviationKind,
    lang: Lang,
    /// The document's clause id; null for a removed clause.
    clause: Option<&'a str>,
    /// The template's clause: its document's source and clause id; null
    /// for an added clause.
    template_clause: Option<TemplateRef<'a>>,
    change: Option<ChangeType>,
    severity: Severity,
    redline: &'a [Edit],
    /// In a family of two: a difference between the two members, reported
    /// once on the later one, with no direction (written only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    undirected: bool,
}

#[derive(Serialize)]
struct TemplateRef<'a> {
    document: &'a str,
    clause: &'a str,
}

#[derive(Serialize)]
struct LackOut<'a> {
    what: &'a str,
    id: &'a str,
    share: f64,
}

#[derive(Serialize)]
struct AuditError<'a> {
    source: &'a str,
    error: String,
}

#[derive(Serialize)]
struct AuditSkipped<'a> {
    source: &'a str,
    reason: &'a str,
}

/// One document of the audit report, built from its record and counts.
fn audit_doc<'a>(
    audit: &'a Audit,
    cmp: &'a Comparison,
    min: Severity,
    d: &'a DocRecord,
    counts: &'a DocCounts,
) -> AuditDoc<'a> {
    AuditDoc {
        head: record_head(d),
        website: d.website.as_deref(),
        aligned_pairs: counts.aligned_pairs,
        findings_by_kind: counts.of_kind(),
        findings: shown(&d.findings, min),
        coverage: CoverageOut {
            law_version: &d.legal.law_version,
            rights: cells(&d.legal.rights),
            extra_rights: cells(&d.legal.extra_rights),
            disclosures: cells(&d.legal.disclosures),
        },
        families: [Lang::Kk, Lang::Ru]
            .into_iter()
            .zip(counts.family)
            .filter_map(|(l, f)| Some((l.code(), cmp.families[f?].id.as_str())))
            .collect(),
        deviations: counts
            .deviations
            .iter()
            .map(|v| DeviationOut {
                kind: v.kind,
                lang: v.lang,
                clause: v.clause.as_deref(),
                template_clause: v.template_clause.as_ref().map(|(i, id)| TemplateRef {
                    document: &audit.documents[*i].source,
                    clause: id,
                }),
                change: v.change,
                severity: v.severity,
                redline: &v.redline,
                undirected: v.undirected,
            })
            .collect(),
        unique_clauses: &counts.unique,
        lacks: counts
            .lacks
            .iter()
            .map(|l| LackOut {
                what: l.what,
                id: &l.id,
                share: (l.share * 1000.0).round() / 1000.0,
            })
            .collect(),
    }
}

/// The `documents` array of the audit report, serialised one document at a
/// time as the writer asks for it: only one document's output structure
/// exists at once.
struct AuditDocs<'a> {
    audit: &'a Audit,
    cmp: &'a Comparison,
    min: Severity,
}

impl Serialize for AuditDocs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.audit
                .documents
                .iter()
                .zip(&self.cmp.documents)
                .map(|(d, c)| audit_doc(self.audit, self.cmp, self.min, d, c)),
        )
    }
}

/// `report/report.json` of `qostil audit`, as a string (see [`write_audit`]).
pub fn audit(
    audit: &Audit,
    cmp: &Comparison,
    min: Severity,
    since: Option<(&str, &History)>,
) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_audit(&mut out, audit, cmp, min, since);
    String::from_utf8(out).unwrap_or_default()
}

/// Write `report/report.json` of `qostil audit` to `w` as it is produced
/// (pretty-printed, a final newline); `since` is the previous report's path
/// and the changes since it, for `audit --since`. The documents are
/// serialised one at a time, so the report never exists whole in memory.
///
/// Errors: those of `w`.
pub fn write_audit(
    mut w: impl std::io::Write,
    audit: &Audit,
    cmp: &Comparison,
    min: Severity,
    since: Option<(&str, &History)>,
) -> std::io::Result<()> {
    let out = AuditOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        summary: AuditSummary {
            documents: audit.documents.len(),
            errors: audit.errors.len(),
            skipped: audit.skipped.len(),
            findings: cmp.findings,
            findings_by_severity: cmp.by_severity.clone(),
        },
        documents: AuditDocs { audit, cmp, min },
        errors: audit
            .errors
            .iter()
            .map(|(path, e)| AuditError {
                source: path,
                error: e.to_string(),
            })
            .collect(),
        skipped: audit
            .skipped
            .iter()
            .map(|(source, reason)| AuditSkipped { source, reason })
            .collect(),
        matrix: matrix(audit, cmp),
        families: families(audit, cmp),
        family_disagreements: cmp
            .family_disagreements
            .iter()
            .map(|&i| audit.documents[i].source.as_str())
            .collect(),
        since: since.map(|(p, h)| since_out(p, h)),
    };
    serde_json::to_writer_pretty(&mut w, &out)?;
    w.write_all(b"\n")
}

/// `qostil diff --format json`: the two versions' heads and the changes.
#[derive(Serialize)]
struct DiffOut<'a> {
    qostil: &'static str,
    schema: u32,
    old: DocumentHead<'a>,
    new: DocumentHead<'a>,
    changes: Vec<ChangeOut<'a>>,
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    kind: DeviationKind,
    lang: Lang,
    /// The new version's clause id; null for a removed clause.
    clause: Option<&'a str>,
    /// The old version's clause id; null for an added clause.
    old_clause: Option<&'a str>,
    change: Option<ChangeType>,
    severity: Severity,
    redline: &'a [Edit],
}

/// `qostil diff --format json`.
pub fn diff(old: &Document, new: &Document, changes: &[Deviation]) -> String {
    to_string(&DiffOut {
        qostil: env!("CARGO_PKG_VERSION"),
        schema: SCHEMA,
        old: head(old),
        new: head(new),
        changes: changes.iter().map(change_out).collect(),
    })
}

/// A change between two versions, as `diff` and `since` write it.
fn change_out(v: &Deviation) -> ChangeOut<'_> {
    ChangeOut {
        kind: v.kind,
        lang: v.lang,
        clause: v.clause.as_deref(),
        old_clause: v.template_clause.as_ref().map(|(_, id)| id.as_str()),
        change: v.change,
        severity: v.severity,
        redline: &v.redline,
    }
}
