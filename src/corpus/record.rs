//! The per-document record: what the corpus stage and the audit reports
//! need of one analysed document, and nothing more. It is the map/reduce
//! seam: `qostil sketch` writes one record per input as a JSON Lines line,
//! `qostil audit --from` reads them back, and the audit itself reduces each
//! document to its record as soon as it is analysed, so the corpus stage
//! holds compact records, never whole documents.
//!
//! The JSON Lines form (versioned by [`RECORD_VERSION`]) is one object per
//! line: a [`DocRecord`], or `{"record": 2, "source": …, "error": …}` for an
//! input that could not be read. The sketches follow the signature version
//! of [`super::minhash::SIGNATURE_VERSION`].
//!
//! Invariant: a record is a pure function of the input bytes, the rules and
//! the manifest entry, so a run split across processes or machines and
//! merged gives the same records as one run.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::families::Sketch;
use super::sketch::sketch;
use super::template::{ClauseRec, clause_recs};
use crate::model::{Coverage, Document, Finding, Lang, SourceFile, Warning};

/// Version of the record layout and of the clause normalisation behind its
/// clause records; bumped on any incompatible change. 2: own e-mails keep
/// their mailbox (`dpo@own`), brand domains, 11-digit telephones in any
/// grouping, address unit words. 3: an unnumbered heading is a clause
/// record of its own. 4: a toll-free line tied with the company's own
/// number is not its own. 6: the brand is masked as each language version
/// spells it, with case endings only; signature, stamp and requisites
/// lines are no clause records. 7: an own e-mail on the company's site or
/// brand domain is masked whole (`@own`), whatever its mailbox.
pub const RECORD_VERSION: u32 = 7;

/// The rights, extra rights and disclosures of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalRecord {
    pub law_version: String,
    pub rights: Vec<Coverage>,
    pub extra_rights: Vec<Coverage>,
    pub disclosures: Vec<Coverage>,
}

/// One analysed document, reduced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    /// [`RECORD_VERSION`].
    pub record: u32,
    /// The path as the audit names it (the report's `source`).
    pub source: String,
    pub sha256: String,
    pub encoding: String,
    /// How the input was read, where the reader should know (absent from
    /// the line when none, so records without it still read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// The two files of a document published as a Kazakh and a Russian
    /// file (absent for one file, so records without it still read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<SourceFile>,
    /// The pages read through OCR (absent when none, so records without
    /// it still read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocr_pages: Vec<u32>,
    pub company: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<Lang>,
    /// Clauses per language code (`kk`, `ru`).
    pub clauses: BTreeMap<String, usize>,
    /// Alignment pairs, and those with a clause on both sides.
    pub pairs: usize,
    pub aligned_pairs: usize,
    /// Share of non-whitespace characters in a clause or in `dropped`.
    pub coverage: f64,
    /// Every finding (the threshold is applied by the reports).
    pub findings: Vec<Finding>,
    pub legal: LegalRecord,
    /// Family sketches of the Kazakh and the Russian version.
    pub sketches: [Option<Sketch>; 2],
    /// Clause records of the Kazakh and the Russian version, for templates
    /// and deviations.
    pub clause_recs: [Vec<ClauseRec>; 2],
}

/// One line of a records file: a record, an input that failed (or a
/// problem of the folder: its manifest, a subfolder that cannot be read),
/// or a file the walk skipped, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Line {
    Doc(Box<DocRecord>),
    Error {
        record: u32,
        source: String,
        error: String,
    },
    Skipped {
        record: u32,
        source: String,
        skipped: String,
    },
}

impl DocRecord {
    /// Reduce an analysed document; `company` and `website` from the
    /// manifest fill what the document does not say.
    pub fn new(doc: &Document, company: Option<String>, website: Option<String>) -> DocRecord {
        let mut clauses = BTreeMap::new();
        for lang in [Lang::Kk, Lang::Ru] {
            clauses.insert(
                lang.code().to_string(),
                doc.clauses.iter().filter(|c| c.lang == lang).count(),
            );
        }
        DocRecord {
            record: RECORD_VERSION,
            source: doc.source.name.clone(),
            sha256: doc.source.sha256.clone(),
            encoding: doc.source.encoding.clone(),
            warnings: doc.source.warnings.clone(),
            files: doc.source.files.clone(),
            ocr_pages: doc.source.ocr_pages.clone(),
            company: doc.company.clone().or(company),
            website,
            languages: doc.languages.clone(),
            clauses,
            pairs: doc.pairs.len(),
            aligned_pairs: doc
                .pairs
                .iter()
                .filter(|p| !p.kk.is_empty() && !p.ru.is_empty())
                .count(),
            coverage: doc.coverage(),
            findings: doc.findings.clone(),
            legal: LegalRecord {
                law_version: doc.legal.law_version.clone(),
                rights: doc.legal.rights.clone(),
                extra_rights: doc.legal.extra_rights.clone(),
                disclosures: doc.legal.disclosures.clone(),
            },
            sketches: [sketch(doc, Lang::Kk), sketch(doc, Lang::Ru)],
            clause_recs: [clause_recs(doc, Lang::Kk), clause_recs(doc, Lang::Ru)],
        }
    }

    /// Give back the spare capacity that parsing left in the record's
    /// vectors (a vector read from JSON grows by doubling, up to twice
    /// its length): a records file of 10,000 policies is held in memory by
    /// `audit --from`, and this is about a fifth of it.
    pub fn shrink_to_fit(&mut self) {
        self.findings.shrink_to_fit();
        for s in self.sketches.iter_mut().flatten() {
            s.shingles.shrink_to_fit();
            s.signature.shrink_to_fit();
        }
        for recs in &mut self.clause_recs {
            recs.shrink_to_fit();
            for r in recs {
                r.words.shrink_to_fit();
                r.spans.shrink_to_fit();
                r.parts.shrink_to_fit();
                r.entities.shrink_to_fit();
            }
        }
    }

    /// The record of a text analysed with the built-in rules (for tests).
    #[cfg(test)]
    pub(crate) fn of_text(source: &str, text: &str) -> DocRecord {
        let doc = crate::analyze(source, text.as_bytes(), &crate::Config::default())
            .expect("a test text that analyses");
        DocRecord::new(&doc, None, None)
    }

    /// Clauses in one language.
    pub fn clauses_in(&self, lang: Lang) -> usize {
        self.clauses.get(lang.code()).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_survives_json_lines() {
        let bytes = std::fs::read("fixtures/text/compliant_kk_ru.txt").unwrap();
        let doc = crate::analyze("c.txt", &bytes, &crate::Config::default()).unwrap();
        let rec = DocRecord::new(&doc, None, Some("example.kz".into()));
        let line = serde_json::to_string(&Line::Doc(Box::new(rec.clone()))).unwrap();
        assert!(!line.contains('\n'));
        assert_eq!(
            serde_json::from_str::<Line>(&line).unwrap(),
            Line::Doc(Box::new(rec))
        );
        let err = r#"{"record":2,"source":"x.pdf","error":"x.pdf: bad"}"#;
        assert!(matches!(
            serde_json::from_str::<Line>(err).unwrap(),
            Line::Error { .. }
        ));
    }
}
