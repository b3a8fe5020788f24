//! Template deviations scored against a labelled corpus: each gold family's
//! template is built per language from its members, every member's
//! deviations are computed, and a found deviation matches a gold row by
//! (document, language, kind, clause number). Prints precision and recall
//! per kind and the change-type accuracy of the matched `changed` rows.
//!
//! `fixtures/families/small/` is committed; a blind corpus in the same
//! format is scored by the ignored test `blind_corpus` with
//! `QOSTIL_BLIND_FAMILIES=DIR`.

use std::collections::BTreeMap;
use std::path::Path;

use qostil::corpus::deviation::{DeviationKind, deviations};
use qostil::corpus::template::{ClauseRec, Template, clause_recs};
use qostil::model::Lang;
use serde_json::Value;

type Key = (String, String, String, String);

fn kind_name(k: DeviationKind) -> &'static str {
    match k {
        DeviationKind::Added => "added",
        DeviationKind::Removed => "removed",
        DeviationKind::Changed => "changed",
    }
}

fn number(id: &str) -> String {
    id.split_once(':').map(|(_, n)| n).unwrap_or(id).to_string()
}

struct Score {
    /// Per kind: (found, gold, true positives).
    kinds: BTreeMap<String, (usize, usize, usize)>,
    /// Matched changed rows, and those with the gold change type.
    changes: (usize, usize),
}

fn score(dir: &Path) -> Score {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let cfg = qostil::Config::default();
    let mut expected: BTreeMap<Key, String> = BTreeMap::new();
    for d in gold["deviations"].as_array().unwrap() {
        let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
        expected.insert(
            (s("document"), s("lang"), s("kind"), s("clause")),
            s("change"),
        );
    }
    let mut found: BTreeMap<Key, String> = BTreeMap::new();
    for fam in gold["families"].as_array().unwrap() {
        let names: Vec<String> = fam["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let docs: Vec<_> = names
            .iter()
            .map(|n| {
                let bytes = std::fs::read(dir.join(n)).unwrap();
                qostil::analyze(n, &bytes, &cfg).unwrap()
            })
            .collect();
        for lang in [Lang::Kk, Lang::Ru] {
            let recs: Vec<(usize, Vec<ClauseRec>)> = docs
                .iter()
                .enumerate()
                .filter(|(_, d)| d.languages.contains(&lang))
                .map(|(i, d)| (i, clause_recs(d, lang)))
                .collect();
            if recs.len() < 2 {
                continue;
            }
            let members: Vec<(usize, &[ClauseRec])> =
                recs.iter().map(|(i, r)| (*i, r.as_slice())).collect();
            let template = Template::build(&members);
            for (i, r) in &recs {
                for d in deviations(&template, lang, *i, r) {
                    let id = match d.kind {
                        DeviationKind::Removed => d.template_clause.as_ref().unwrap().1.clone(),
                        _ => d.clause.clone().unwrap(),
                    };
                    let change = d
                        .change
                        .map(|c| {
                            serde_json::to_value(c)
                                .unwrap()
                                .as_str()
                                .unwrap()
                                .to_string()
                        })
                        .unwrap_or_default();
                    let key = (
                        names[*i].clone(),
                        lang.code().to_string(),
                        kind_name(d.kind).to_string(),
                        number(&id),
                    );
                    if !expected.contains_key(&key) {
                        let red: String = d
                            .redline
                            .iter()
                            .filter(|e| !matches!(e.op, qostil::corpus::deviation::EditOp::Equal))
                            .map(|e| format!("{:?}«{}» ", e.op, e.text))
                            .collect();
                        eprintln!(
                            "extra: {key:?} {change} {}",
                            red.chars().take(300).collect::<String>()
                        );
                    }
                    found.insert(key, change);
                }
            }
        }
    }
    let mut kinds: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for k in ["added", "removed", "changed"] {
        kinds.insert(k.into(), (0, 0, 0));
    }
    for key in found.keys() {
        kinds.get_mut(&key.2).unwrap().0 += 1;
    }
    let mut changes = (0, 0);
    for (key, change) in &expected {
        let e = kinds.get_mut(&key.2).unwrap();
        e.1 += 1;
        match found.get(key) {
            Some(c) => {
                e.2 += 1;
                if key.2 == "changed" {
                    changes.0 += 1;
                    if c == change {
                        changes.1 += 1;
                    } else {
                        eprintln!("change type: {key:?} found {c}, gold {change}");
                    }
                }
            }
            None => eprintln!("missed: {key:?} {change}"),
        }
    }
    Score { kinds, changes }
}

fn report(name: &str, s: &Score) -> BTreeMap<String, (f64, f64)> {
    let mut out = BTreeMap::new();
    for (k, &(found, gold, tp)) in &s.kinds {
        let p = if found == 0 {
            1.0
        } else {
            tp as f64 / found as f64
        };
        let r = if gold == 0 {
            1.0
        } else {
            tp as f64 / gold as f64
        };
        println!("{name} {k:8} P {p:.3} R {r:.3} (found {found}, gold {gold}, matched {tp})");
        out.insert(k.clone(), (p, r));
    }
    println!(
        "{name} change type accuracy {}/{} of matched changed clauses",
        s.changes.1, s.changes.0
    );
    out
}

#[test]
fn small_fixture_deviations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/families/small");
    let s = score(&dir);
    let pr = report("small", &s);
    for (k, (p, r)) in pr {
        assert!(p >= 0.95 && r >= 0.95, "{k}: P {p:.3} R {r:.3}");
    }
    // Reached: 1.000 P and R for each kind, 12/12 change types.
    assert!(s.changes.1 as f64 >= 0.95 * s.changes.0 as f64);
}

/// `QOSTIL_BLIND_FAMILIES=/path/to/corpus cargo test --test deviations -- --ignored --nocapture`
#[test]
#[ignore]
fn blind_corpus() {
    let dir = std::env::var("QOSTIL_BLIND_FAMILIES").expect("QOSTIL_BLIND_FAMILIES");
    let s = score(Path::new(&dir));
    report("blind", &s);
}
