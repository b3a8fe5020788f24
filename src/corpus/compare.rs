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

use super::deviation::{self, Deviation};
use super::families::{self, Families, Params, Sketch};
use super::record::DocRecord;
use super::template::{ClauseRec, Template};
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
    /// Deviations from the family's template (for a member of a family of
    /// two or more), kk then ru, in clause order.
    pub deviations: Vec<Deviation>,
    /// For a document alone in its family in a language: ids of its clauses
    /// that no other document has (by normalised clause hash).
    pub unique: Vec<String>,
    /// Rights, disclosures, topics and clauses at least [`NORM_SHARE`] of
    /// the corpus's documents have (clauses: of those with a version in the
    /// language) and this one lacks.
    pub lacks: Vec<Lack>,
}

/// Something the corpus norm has and a document lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Lack {
    /// `right`, `disclosure`, `topic` or `clause` (then `id` is a
    /// representative clause, `source#kk:3.2`).
    pub what: &'static str,
    pub id: String,
    /// Share of the corpus's documents that have it, in [0, 1].
    pub share: f64,
}

/// A right or disclosure is the corpus norm when at least this share of
/// the documents have it; a document without it is reported. 0.8: most of
/// a corpus of template copies, so that one template's omission does not
/// become everybody's norm, yet four in five policies is a clear norm.
pub const NORM_SHARE: f64 = 0.8;

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
    /// The verified links that joined the family, a spanning tree of its
    /// documents ([`families::Families::links`]): document indices and the
    /// exact Jaccard similarity of their shingle sets, in [0, 1].
    pub links: Vec<(usize, usize, f32)>,
    /// The template of a family of two or more: the clauses most members
    /// share, with their document frequency.
    pub template: Option<Template>,
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

/// One kind of finding over the whole audit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindTotal {
    /// Findings at or above the threshold, by severity name.
    pub by_severity: BTreeMap<&'static str, usize>,
    /// Documents with at least one of them.
    pub documents: usize,
}

impl Comparison {
    /// Findings of the whole audit by kind name: the per-document counts
    /// ([`DocCounts::by_kind`]) summed, for the reports' summaries.
    pub fn kind_totals(&self) -> BTreeMap<&'static str, KindTotal> {
        let mut out: BTreeMap<&'static str, KindTotal> = BTreeMap::new();
        for d in &self.documents {
            for (kind, by) in &d.by_kind {
                let t = out.entry(kind).or_default();
                t.documents += 1;
                for (s, n) in by {
                    *t.by_severity.entry(s).or_default() += n;
                }
            }
        }
        out
    }
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
    // Each link to its group, in one pass.
    let mut group_of = vec![0; refs.len()];
    for (rank, g) in groups.iter().enumerate() {
        for &i in g {
            group_of[i] = rank;
        }
    }
    let mut group_links = vec![Vec::new(); groups.len()];
    for &(a, b, s) in &links {
        group_links[group_of[a]].push((sketches[a].0, sketches[b].0, s));
    }
    groups
        .into_iter()
        .zip(group_links)
        .enumerate()
        .map(|(rank, (g, links))| {
            let documents: Vec<usize> = g.iter().map(|&i| sketches[i].0).collect();
            Family {
                id: format!("{}-{}", lang.code(), rank + 1),
                lang,
                documents,
                links,
                template: None,
            }
        })
        .collect()
}

/// For each normalised clause hash of one language (`side` 0 kk, 1 ru):
/// how many documents have it, and the first of them with its clause id.
type Holders = BTreeMap<u64, (usize, usize, String)>;

/// A document's clause hashes of one language, sorted, unique.
fn hashes(recs: &[ClauseRec]) -> Vec<u64> {
    let mut h: Vec<u64> = recs.iter().map(|r| r.hash).collect();
    h.sort_unstable();
    h.dedup();
    h
}

/// The clause library of one language, counted once for the unique
/// clauses and the corpus norm.
fn holders(docs: &[DocRecord], side: usize) -> Holders {
    let mut out = Holders::new();
    for (i, d) in docs.iter().enumerate() {
        let mut seen = std::collections::BTreeSet::new();
        // Each hash once per document, with its first clause.
        for r in d.clause_recs[side].iter().filter(|r| seen.insert(r.hash)) {
            out.entry(r.hash).or_insert_with(|| (0, i, r.id.clone())).0 += 1;
        }
    }
    out
}

/// Templates of the families of two or more, each member's deviations from
/// its template, and for a document alone in its family the clauses that
/// no other document has (by normalised hash).
fn templates(docs: &[DocRecord], holders: &[Holders; 2], out: &mut Comparison) {
    use rayon::prelude::*;
    // Families are independent: each builds its template and its members'
    // deviations in parallel; the results are merged in family order, so
    // the output does not depend on the thread count.
    let built: Vec<Option<(Template, Vec<Vec<Deviation>>)>> = out
        .families
        .par_iter()
        .map(|f| {
            let side = usize::from(f.lang == Lang::Ru);
            if f.documents.len() < 2 {
                return None;
            }
            let members: Vec<(usize, &[ClauseRec])> = f
                .documents
                .iter()
                .map(|&i| (i, docs[i].clause_recs[side].as_slice()))
                .collect();
            let template = Template::build(&members);
            let deviations = members
                .iter()
                .map(|&(i, recs)| {
                    let also = &docs[i].clause_recs[1 - side];
                    deviation::deviations(&template, i, f.lang, recs, also)
                })
                .collect();
            Some((template, deviations))
        })
        .collect();
    for (f, built) in out.families.iter_mut().zip(built) {
        let side = usize::from(f.lang == Lang::Ru);
        match built {
            None => {
                let i = f.documents[0];
                let recs = &docs[i].clause_recs[side];
                out.documents[i].unique.extend(
                    recs.iter()
                        .filter(|r| holders[side].get(&r.hash).is_some_and(|h| h.0 == 1))
                        .map(|r| r.id.clone()),
                );
            }
            Some((template, deviations)) => {
                for (&i, d) in f.documents.iter().zip(deviations) {
                    out.documents[i].deviations.extend(d);
                }
                f.template = Some(template);
            }
        }
    }
}

/// What each document has, for the norm: (what, id) pairs, unique.
fn has(d: &DocRecord) -> Vec<(&'static str, &str)> {
    let mut out: Vec<(&'static str, &str)> = Vec::new();
    for (what, covs) in [
        ("right", &d.legal.rights),
        ("disclosure", &d.legal.disclosures),
    ] {
        out.extend(
            covs.iter()
                .filter(|c| c.status != Presence::Absent)
                .map(|c| (what, c.id.as_str())),
        );
    }
    for recs in &d.clause_recs {
        for r in recs {
            out.extend(r.topics.iter().map(|t| ("topic", t.as_str())));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Rights, disclosures, topics and clauses the corpus norm has and a
/// document lacks (only for a corpus of at least two documents).
fn norm(docs: &[DocRecord], holders: &[Holders; 2], out: &mut Comparison) {
    let n = docs.len();
    if n < 2 {
        return;
    }
    let each: Vec<Vec<(&'static str, &str)>> = docs.iter().map(has).collect();
    let mut count: BTreeMap<(&'static str, &str), usize> = BTreeMap::new();
    for h in &each {
        for &k in h {
            *count.entry(k).or_default() += 1;
        }
    }
    for (h, counts) in each.iter().zip(out.documents.iter_mut()) {
        for (&(what, id), &c) in &count {
            let share = c as f64 / n as f64;
            if share >= NORM_SHARE && h.binary_search(&(what, id)).is_err() {
                counts.lacks.push(Lack {
                    what,
                    id: id.to_string(),
                    share,
                });
            }
        }
    }
    // Clauses (by normalised hash) that most documents with a version in
    // the language share, named by their first holder: `source#kk:3.2`.
    for (side, holders) in holders.iter().enumerate() {
        let with: Vec<usize> = (0..n)
            .filter(|&i| !docs[i].clause_recs[side].is_empty())
            .collect();
        if with.len() < 2 {
            continue;
        }
        let own: Vec<Vec<u64>> = docs.iter().map(|d| hashes(&d.clause_recs[side])).collect();
        for (&h, &(c, first, ref id)) in holders {
            let share = c as f64 / with.len() as f64;
            if share < NORM_SHARE {
                continue;
            }
            for &i in &with {
                if own[i].binary_search(&h).is_err() {
                    out.documents[i].lacks.push(Lack {
                        what: "clause",
                        id: format!("{}#{id}", docs[first].source),
                        share,
                    });
                }
            }
        }
    }
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
    let of_lang = |side: usize, lang: Lang| {
        let sketches: Vec<(usize, &Sketch)> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.sketches[side].as_ref().map(|s| (i, s)))
            .collect();
        families_of(lang, &sketches)
    };
    // The two languages are independent: one core each.
    let (kk, ru) = rayon::join(|| of_lang(0, Lang::Kk), || of_lang(1, Lang::Ru));
    for (side, families) in [kk, ru].into_iter().enumerate() {
        for f in families {
            for &i in &f.documents {
                out.documents[i].family[side] = Some(out.families.len());
            }
            out.families.push(f);
        }
    }
    let holders = [holders(docs, 0), holders(docs, 1)];
    templates(docs, &holders, &mut out);
    norm(docs, &holders, &mut out);
    for (i, c) in out.documents.iter().enumerate() {
        if let [Some(k), Some(r)] = c.family
            && out.families[k].documents != out.families[r].documents
        {
            out.family_disagreements.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_totals_sum_the_documents_counts() {
        let doc = |pairs: &[(&'static str, &'static str, usize)]| {
            let mut d = DocCounts::default();
            for &(kind, sev, n) in pairs {
                d.by_kind.entry(kind).or_default().insert(sev, n);
            }
            d
        };
        let cmp = Comparison {
            documents: vec![
                doc(&[("right_missing", "high", 2), ("number_mismatch", "low", 1)]),
                doc(&[("right_missing", "high", 1), ("right_missing", "low", 3)]),
                doc(&[]),
            ],
            by_severity: BTreeMap::new(),
            findings: 7,
            matrix: Matrix::default(),
            families: Vec::new(),
            family_disagreements: Vec::new(),
        };
        let t = cmp.kind_totals();
        assert_eq!(t["right_missing"].documents, 2);
        assert_eq!(t["right_missing"].by_severity["high"], 3);
        assert_eq!(t["right_missing"].by_severity["low"], 3);
        assert_eq!(t["number_mismatch"].documents, 1);
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn a_clause_nearly_everyone_has_is_lacked_by_the_one_without() {
        let shared = "2.1. Оператор обеспечивает конфиденциальность персональных данных субъекта и не раскрывает их третьим лицам без согласия.";
        let own = [
            "1.1. Организация принимает заявки через мобильное приложение круглосуточно.",
            "1.1. Займы выдаются гражданам старше восемнадцати лет с постоянным доходом.",
            "1.1. Кредитная история проверяется через бюро по письменному запросу клиента.",
            "1.1. Споры разрешаются путём переговоров, затем в суде по месту регистрации.",
            "1.1. Договор заключается в электронной форме с подписанием одноразовым кодом.",
        ];
        let docs: Vec<DocRecord> = own
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let text = if i == 4 {
                    o.to_string()
                } else {
                    format!("{o}\n{shared}\n")
                };
                DocRecord::of_text(&format!("d{i}.txt"), &text)
            })
            .collect();
        let cmp = compare(&docs, Severity::Info);
        let clause = |d: &DocCounts| -> Vec<(String, f64)> {
            d.lacks
                .iter()
                .filter(|l| l.what == "clause")
                .map(|l| (l.id.clone(), l.share))
                .collect()
        };
        assert_eq!(
            clause(&cmp.documents[4]),
            vec![("d0.txt#ru:2.1".to_string(), 0.8)]
        );
        assert!(cmp.documents[..4].iter().all(|d| clause(d).is_empty()));
    }
}
