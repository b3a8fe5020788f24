//! The legal rules against hand-written gold labels:
//! `fixtures/gold/rights/<stem>.json` (per document and language: the
//! rights of Art. 24 with the clauses that grant them, restrictions, extra
//! rights, disclosures and red flags) and `fixtures/gold/topics.tsv` (the
//! topics of 261 clauses).
//!
//! Rights are scored per right, as present/absent per document × language
//! and per clause (a gold clause is its printed number, e.g. `7.1` for a
//! bullet of the 7.1 list, or `2.3/p` for the paragraph after 2.3). Topics
//! are scored micro-averaged over (clause, topic) pairs; a gold row is
//! resolved to a clause by its snippet, as `tests/align_gold.rs` does.
//! Each test prints its figures (`cargo test --test tests legal_gold:: -- --nocapture`).
//!
//! The rules are read from `data/rules.json`, the file the library embeds.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use qostil::model::{ClauseKind, Document, Lang, Severity};
use qostil::rules::legal::LegalRules;
use serde_json::Value;

use crate::util::key;

const STEMS: [&str; 5] = [
    "beeclever_ru_kk",
    "expressavans_ru_kk",
    "finbox_kk",
    "fintechlab_kk_ru",
    "proleads_kk",
];

fn config() -> qostil::Config {
    let text = std::fs::read_to_string("data/rules.json").unwrap();
    qostil::Config {
        rules: LegalRules::parse("data/rules.json", &text).unwrap(),
        ..Default::default()
    }
}

fn analyze(stem: &str, config: &qostil::Config) -> Document {
    let path = format!("corpus/{stem}.txt");
    qostil::analyze(&path, &std::fs::read(&path).unwrap(), config).unwrap()
}

fn gold(stem: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(format!("fixtures/gold/rights/{stem}.json")).unwrap(),
    )
    .unwrap()
}

fn lang(code: &str) -> Lang {
    match code {
        "kk" => Lang::Kk,
        "ru" => Lang::Ru,
        _ => Lang::Other,
    }
}

/// A gold clause reference, normalised: `3.1(1)`, or `2.3/p` for an
/// unnumbered paragraph after 2.3 (`6.4(18)/p` and `6.4/p` are the same).
fn gold_key(s: &str) -> String {
    match s.strip_suffix("/p") {
        Some(base) => format!("{}/p", base.split('(').next().unwrap_or(base)),
        None => s.to_string(),
    }
}

/// The gold-style reference of one of our citations.
fn our_key(doc: &Document, l: Lang, cite: &str) -> String {
    let Some(c) = doc.clause(&format!("{}:{cite}", l.code())) else {
        return cite.to_string();
    };
    match (c.kind, &c.number) {
        (ClauseKind::Preamble, _) => "0/p".into(),
        (_, Some(n)) => n.clone(),
        (_, None) => {
            let anchor = c.parent.as_deref().unwrap_or("0");
            format!("{}/p", anchor.split('(').next().unwrap_or(anchor))
        }
    }
}

fn gold_refs(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().or_else(|| x["clause"].as_str()))
                .map(gold_key)
                .collect()
        })
        .unwrap_or_default()
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn show(&self) -> String {
        format!(
            "P {:.3} R {:.3} (tp {} fp {} fn {})",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

/// Document-level and clause-level scores of one checklist list
/// (`rights`, `extra_rights` or `disclosures`), per item.
fn score_list(
    list: &str,
    docs: &[(String, Document, Value)],
    notes: &mut Vec<String>,
) -> BTreeMap<String, (Score, Score)> {
    let mut out: BTreeMap<String, (Score, Score)> = BTreeMap::new();
    let config_ids: Vec<String> = {
        let d = &docs[0].1;
        let covs = match list {
            "rights" => &d.legal.rights,
            "extra_rights" => &d.legal.extra_rights,
            _ => &d.legal.disclosures,
        };
        covs.iter().map(|c| c.id.clone()).collect()
    };
    for (stem, doc, g) in docs {
        let covs = match list {
            "rights" => &doc.legal.rights,
            "extra_rights" => &doc.legal.extra_rights,
            _ => &doc.legal.disclosures,
        };
        let langs: Vec<Lang> = g["rights"]["know"]
            .as_object()
            .unwrap()
            .keys()
            .map(|k| lang(k))
            .collect();
        for id in &config_ids {
            let cov = covs.iter().find(|c| &c.id == id).unwrap();
            for &l in &langs {
                let gold_set = gold_refs(&g[list][id][l.code()]);
                let ours: BTreeSet<String> = cov
                    .cites(l)
                    .into_iter()
                    .map(|c| our_key(doc, l, c))
                    .collect();
                let e = out.entry(id.clone()).or_default();
                let (gp, op) = (!gold_set.is_empty(), !ours.is_empty());
                e.0.tp += usize::from(gp && op);
                e.0.fp += usize::from(!gp && op);
                e.0.fn_ += usize::from(gp && !op);
                for k in &gold_set {
                    if ours.contains(k) {
                        e.1.tp += 1;
                    } else {
                        e.1.fn_ += 1;
                        notes.push(format!("{list} {stem} {} {id}: missed {k}", l.code()));
                    }
                }
                for k in ours.difference(&gold_set) {
                    e.1.fp += 1;
                    notes.push(format!("{list} {stem} {} {id}: extra {k}", l.code()));
                }
            }
        }
    }
    out
}

/// Every corpus document, analysed once for all the tests of this file.
fn corpus() -> &'static [(String, Document, Value)] {
    static CORPUS: OnceLock<Vec<(String, Document, Value)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let config = config();
        STEMS
            .iter()
            .map(|s| (s.to_string(), analyze(s, &config), gold(s)))
            .collect()
    })
}

fn doc(stem: &str) -> &'static Document {
    &corpus().iter().find(|(s, _, _)| s == stem).unwrap().1
}

fn report(title: &str, scores: &BTreeMap<String, (Score, Score)>) -> (Score, Score) {
    let (mut doc, mut clause) = (Score::default(), Score::default());
    eprintln!("{title}:");
    for (id, (d, c)) in scores {
        eprintln!(
            "  {id:<26} document×language {}   clause {}",
            d.show(),
            c.show()
        );
        doc.add(*d);
        clause.add(*c);
    }
    eprintln!(
        "  {:<26} document×language {}   clause {}",
        "micro",
        doc.show(),
        clause.show()
    );
    (doc, clause)
}

#[test]
fn rights_per_right() {
    let docs = corpus();
    let mut notes = Vec::new();
    let scores = score_list("rights", docs, &mut notes);
    let (_, clause) = report("rights", &scores);
    for n in &notes {
        eprintln!("  {n}");
    }
    for (id, (d, _)) in &scores {
        assert!(
            d.precision() >= 0.9 && d.recall() >= 0.9,
            "right {id}: {}",
            d.show()
        );
    }
    assert!(
        clause.precision() >= 0.9 && clause.recall() >= 0.9,
        "clause level: {}",
        clause.show()
    );
}

#[test]
fn extra_rights_and_disclosures() {
    let docs = corpus();
    let mut notes = Vec::new();
    let (extra_doc, _) = report(
        "extra rights",
        &score_list("extra_rights", docs, &mut notes),
    );
    let (disc_doc, _) = report("disclosures", &score_list("disclosures", docs, &mut notes));
    for n in &notes {
        eprintln!("  {n}");
    }
    assert!(extra_doc.precision() >= 0.9 && extra_doc.recall() >= 0.9);
    assert!(disc_doc.precision() >= 0.85 && disc_doc.recall() >= 0.85);
}

#[test]
fn restrictions_are_shown_not_reported_missing() {
    let docs = corpus();
    let mut s = Score::default();
    for (stem, doc, g) in docs {
        let mut gold_set: BTreeSet<(String, String)> = BTreeSet::new();
        for r in g["restricted"].as_array().unwrap() {
            gold_set.insert((
                r["right"].as_str().unwrap().into(),
                r["lang"].as_str().unwrap().into(),
            ));
        }
        let mut ours: BTreeSet<(String, String)> = BTreeSet::new();
        for cov in &doc.legal.rights {
            for m in &cov.restrictions {
                ours.insert((cov.id.clone(), m.lang.code().into()));
            }
        }
        for x in &gold_set {
            if ours.contains(x) {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                eprintln!("  {stem}: missed restriction {x:?}");
            }
        }
        for x in ours.difference(&gold_set) {
            s.fp += 1;
            eprintln!("  {stem}: extra restriction {x:?}");
        }
        // A restricted right is never reported missing.
        for (right, l) in &gold_set {
            assert!(
                !doc.findings.iter().any(|f| f.kind == "right_missing"
                    && f.message.contains(&format!("`{right}`"))
                    && f.lang.is_none_or(|x| x.code() == l)),
                "{stem}: restricted {right} reported missing"
            );
        }
    }
    eprintln!("restrictions (right × language): {}", s.show());
    assert!(s.precision() >= 0.8 && s.recall() >= 0.8, "{}", s.show());
}

/// The clause a topics.tsv row stands for: its snippet near the start of
/// the clause text, preferring the printed number.
fn resolve(doc: &Document, l: Lang, number: &str, snippet: &str) -> Option<usize> {
    let k = key(snippet);
    let number = (!number.contains('/')).then_some(number);
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in doc.clauses.iter().enumerate().filter(|(_, c)| c.lang == l) {
        if let Some(pos) = key(&c.text).find(&k) {
            let start = if pos <= 16 { 0 } else { 1_000_000 };
            let num = if number.is_some() && c.number.as_deref() == number {
                0
            } else {
                1000
            };
            let rank = start + num + pos;
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, i));
            }
        }
    }
    best.map(|(_, i)| i)
}

#[test]
fn topics_micro_averaged() {
    let tsv = std::fs::read_to_string("fixtures/gold/topics.tsv").unwrap();
    let mut per: BTreeMap<String, Score> = BTreeMap::new();
    let mut total = Score::default();
    let mut unresolved = 0;
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let (file, l, number, snippet, topics) = (f[0], lang(f[1]), f[2], f[3], f[4]);
        let stem = file.trim_end_matches(".txt").to_string();
        let doc = doc(&stem);
        let gold: BTreeSet<&str> = topics.split(',').filter(|t| *t != "none").collect();
        let Some(i) = resolve(doc, l, number, snippet) else {
            unresolved += 1;
            eprintln!("  unresolved {file} {} {number} {snippet}", l.code());
            for t in &gold {
                per.entry(t.to_string()).or_default().fn_ += 1;
                total.fn_ += 1;
            }
            continue;
        };
        let ours: BTreeSet<&str> = qostil::extract::provisions::topic_ids(&doc.legal, i)
            .into_iter()
            .collect();
        for t in &gold {
            let e = per.entry(t.to_string()).or_default();
            if ours.contains(t) {
                e.tp += 1;
                total.tp += 1;
            } else {
                e.fn_ += 1;
                total.fn_ += 1;
            }
        }
        for t in ours.difference(&gold) {
            per.entry(t.to_string()).or_default().fp += 1;
            total.fp += 1;
        }
        if ours != gold {
            let why: Vec<String> = doc.legal.topics[i]
                .iter()
                .filter(|h| !gold.contains(h.topic.as_str()))
                .map(|h| format!("{}=«{}»", h.topic, h.hit.words.join(" ")))
                .collect();
            eprintln!(
                "  {stem} {} {number} ({}): gold {:?} ours {:?} extra {}",
                l.code(),
                doc.clauses[i].id,
                gold,
                ours,
                why.join(" ")
            );
        }
    }
    eprintln!("topics ({unresolved} rows unresolved):");
    for (t, s) in &per {
        eprintln!("  {t:<20} {}", s.show());
    }
    eprintln!("  {:<20} {}", "micro", total.show());
    assert!(
        total.precision() >= 0.85 && total.recall() >= 0.85,
        "{}",
        total.show()
    );
}

fn has(doc: &Document, kind: &str, clause: &str, text: &str) -> bool {
    doc.findings.iter().any(|f| {
        f.kind == kind
            && f.clauses.iter().any(|c| c == clause)
            && (f.message.contains(text) || f.evidence.iter().any(|e| e.marked().contains(text)))
    })
}

#[test]
fn known_problems_are_reported() {
    // A Kazakh policy citing Russian Federation law.
    let proleads = doc("proleads_kk");
    assert!(has(
        proleads,
        "foreign_law",
        "kk:4.2.2",
        "Ресей Федерациясының"
    ));
    assert!(has(proleads, "foreign_law", "kk:7.1", "Федералдық"));
    // The law cited by a wrong number.
    assert!(has(proleads, "wrong_law_citation", "kk:1.1", "4-V"));
    assert!(has(proleads, "wrong_law_citation", "kk:7.2", "4-V"));
    for f in proleads.findings.iter().filter(|f| f.kind == "foreign_law") {
        assert_eq!(f.severity, Severity::High);
    }
    // A rights list lacking change, block and destroy.
    for stem in ["beeclever_ru_kk", "expressavans_ru_kk"] {
        let doc = doc(stem);
        for right in ["change", "block", "destroy"] {
            let f = doc
                .findings
                .iter()
                .find(|f| f.kind == "right_missing" && f.message.contains(&format!("`{right}`")))
                .unwrap_or_else(|| panic!("{stem}: {right} not reported missing"));
            assert!(
                f.clauses.iter().any(|c| *c == "kk:7.1"),
                "{stem} {right}: {:?}",
                f.clauses
            );
            assert!(
                f.clauses.iter().any(|c| *c == "ru:7.1"),
                "{stem} {right}: {:?}",
                f.clauses
            );
            assert!(f.message.contains("7.1"), "{}", f.message);
            assert!(
                f.evidence
                    .iter()
                    .any(|e| e.marked().starts_with("searched:"))
            );
        }
        // Withdrawal after the loan is repaid is restricted, not missing.
        assert!(
            doc.findings
                .iter()
                .any(|f| f.kind == "right_restricted" && f.message.contains("`withdraw_consent`"))
        );
    }
    // Law 94-V cited correctly gives no citation finding.
    for stem in ["finbox_kk", "expressavans_ru_kk", "beeclever_ru_kk"] {
        let doc = doc(stem);
        assert!(
            !doc.findings
                .iter()
                .any(|f| f.kind == "wrong_law_citation" || f.kind == "foreign_law"),
            "{stem}"
        );
    }
}

#[test]
fn red_flags_against_gold() {
    let mut s = Score::default();
    for (stem, doc, g) in corpus() {
        let mut gold_set: BTreeSet<(String, String)> = BTreeSet::new();
        for r in g["red_flags"].as_array().unwrap() {
            let kind = r["kind"].as_str().unwrap();
            if kind == "foreign_law" || kind == "wrong_law_citation" {
                let l = lang(r["lang"].as_str().unwrap());
                gold_set.insert((
                    kind.into(),
                    format!("{}:{}", l.code(), gold_key(r["clause"].as_str().unwrap())),
                ));
            }
        }
        let mut ours: BTreeSet<(String, String)> = BTreeSet::new();
        for f in &doc.legal.flags {
            if f.kind == "foreign_law" || f.kind == "wrong_law_citation" {
                let c = doc.clause(&f.clause).unwrap();
                let owner_cite = c.cite();
                ours.insert((
                    f.kind.name().to_string(),
                    format!("{}:{}", f.lang.code(), our_key(doc, f.lang, owner_cite)),
                ));
            }
        }
        for x in &gold_set {
            if ours.contains(x) {
                s.tp += 1;
            } else {
                s.fn_ += 1;
                eprintln!("  {stem}: missed {x:?}");
            }
        }
        for x in ours.difference(&gold_set) {
            s.fp += 1;
            eprintln!("  {stem}: extra {x:?}");
        }
    }
    eprintln!(
        "red flags (foreign_law, wrong_law_citation) per clause: {}",
        s.show()
    );
    assert!(s.precision() >= 0.9 && s.recall() >= 0.9, "{}", s.show());
}
