//! The cross-document half of the audit: a pure function from the analysed
//! documents to what the corpus reports show. Per-document counts, the
//! company × rights and disclosures matrix, and the template families of
//! each language are computed here once; the writers only render them.
//!
//! Invariants: [`Comparison::documents`] is indexed like the audit's
//! documents; families cover every document that has a version in their
//! language exactly once (singletons included), sorted by first member,
//! with ids `kk-1`, `kk-2`, … and `ru-1`, … in that order. Everything is
//! kept in vectors and sorted maps, so the result does not depend on the
//! thread count.

use std::collections::BTreeMap;

use super::families::{self, Families, Params, Sketch};
use super::record::DocRecord;
use crate::model::{Coverage, Lang, Presence, Severity};

/// What the reports count for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocCounts {
    /// Clauses per language, `kk` and `ru`.
    pub clauses: BTreeMap<&'static str, usize>,
    /// Pairs with a clause on both sides.
    pub aligned_pairs: usize,
    /// Findings at or above the audit's threshold.
    pub findings: usize,
    /// Those findings by kind name, then by severity name.
    pub by_kind: BTreeMap<&'static str, BTreeMap<&'static str, usize>>,
    /// The family of the document's Kazakh and Russian versions (indices
    /// into [`Comparison::families`]).
    pub family: [Option<usize>; 2],
}

impl DocCounts {
    /// Findings of one kind, all severities.
    pub fn of_kind(&self) -> BTreeMap<&'static str, usize> {
        self.by_kind
            .iter()
            .map(|(k, s)| (*k, s.values().sum()))
            .collect()
    }
}

/// One checklist item of one document in the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell {
    pub id: String,
    pub status: Presence,
    /// Granted with a condition in some language.
    pub restricted: bool,
}

/// Companies × rights and disclosures, one row per document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matrix {
    /// Checklist ids, in the rules' order.
    pub rights: Vec<String>,
    pub disclosures: Vec<String>,
    /// Rows indexed like the documents.
    pub rows: Vec<[Vec<MatrixCell>; 2]>,
}

/// Documents of one language that share a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// `kk-1`, `ru-3`: the language and the family's rank by first member.
    pub id: String,
    pub lang: Lang,
    /// Indices of the audit's documents, ascending.
    pub documents: Vec<usize>,
    /// Verified links inside the family: document indices and the exact
    /// Jaccard similarity of their shingle sets, in [0, 1].
    pub links: Vec<(usize, usize, f32)>,
}

/// What the corpus reports show, computed once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub documents: Vec<DocCounts>,
    /// Findings at or above the threshold, by severity name, all documents.
    pub by_severity: BTreeMap<&'static str, usize>,
    pub findings: usize,
    pub matrix: Matrix,
    /// Kazakh families, then Russian ones.
    pub families: Vec<Family>,
    /// Documents whose Kazakh and Russian versions sit in families with
    /// different members: the translation came from elsewhere.
    pub family_disagreements: Vec<usize>,
}

fn cells(covs: &[Coverage]) -> Vec<MatrixCell> {
    covs.iter()
        .map(|c| MatrixCell {
            id: c.id.clone(),
            status: c.status,
            restricted: !c.restrictions.is_empty(),
        })
        .collect()
}

/// The families of one language: `sketches` holds the document index and
/// the sketch of each document with a version in `lang`.
fn families_of(lang: Lang, sketches: &[(usize, &Sketch)]) -> Vec<Family> {
    let refs: Vec<&Sketch> = sketches.iter().map(|(_, s)| *s).collect();
    let Families { groups, links, .. } = families::families(&refs, &Params::default());
    groups
        .into_iter()
        .enumerate()
        .map(|(rank, g)| {
            let documents: Vec<usize> = g.iter().map(|&i| sketches[i].0).collect();
            let links = links
                .iter()
                .filter(|(a, _, _)| g.binary_search(a).is_ok())
                .map(|&(a, b, s)| (sketches[a].0, sketches[b].0, s))
                .collect();
            Family {
                id: format!("{}-{}", lang.code(), rank + 1),
                lang,
                documents,
                links,
            }
        })
        .collect()
}

/// Compare the documents of an audit; `min` is the findings threshold.
pub fn compare(docs: &[DocRecord], min: Severity) -> Comparison {
    let mut out = Comparison::default();
    for doc in docs {
        let mut counts = DocCounts::default();
        for lang in [Lang::Kk, Lang::Ru] {
            counts.clauses.insert(lang.code(), doc.clauses_in(lang));
        }
        counts.aligned_pairs = doc.aligned_pairs;
        for f in doc.findings.iter().filter(|f| f.severity >= min) {
            counts.findings += 1;
            *counts
                .by_kind
                .entry(f.kind.name())
                .or_default()
                .entry(f.severity.name())
                .or_default() += 1;
            *out.by_severity.entry(f.severity.name()).or_default() += 1;
        }
        out.findings += counts.findings;
        out.documents.push(counts);
        out.matrix
            .rows
            .push([cells(&doc.legal.rights), cells(&doc.legal.disclosures)]);
    }
    if let Some(first) = docs.first() {
        let ids = |c: &[Coverage]| c.iter().map(|x| x.id.clone()).collect();
        out.matrix.rights = ids(&first.legal.rights);
        out.matrix.disclosures = ids(&first.legal.disclosures);
    }
    for (side, lang) in [Lang::Kk, Lang::Ru].into_iter().enumerate() {
        let sketches: Vec<(usize, &Sketch)> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.sketches[side].as_ref().map(|s| (i, s)))
            .collect();
        for f in families_of(lang, &sketches) {
            for &i in &f.documents {
                out.documents[i].family[side] = Some(out.families.len());
            }
            out.families.push(f);
        }
    }
    for (i, c) in out.documents.iter().enumerate() {
        if let [Some(k), Some(r)] = c.family
            && out.families[k].documents != out.families[r].documents
        {
            out.family_disagreements.push(i);
        }
    }
    out
}
