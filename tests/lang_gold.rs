//! Language detection against hand-labelled fragments of the corpus
//! (`fixtures/gold/lang_blocks.tsv`, written by reading the documents).

use qostil::lang;
use qostil::model::Lang;

fn gold() -> Vec<(Lang, String, String)> {
    let text = std::fs::read_to_string("fixtures/gold/lang_blocks.tsv").expect("gold file");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let label = match f.next() {
                Some("kk") => Lang::Kk,
                Some("ru") => Lang::Ru,
                Some("other") => Lang::Other,
                other => panic!("bad label {other:?}"),
            };
            let file = f.next().expect("file").to_string();
            let text = f.next().expect("text").to_string();
            (label, file, text)
        })
        .collect()
}

#[test]
fn standalone_detection_accuracy() {
    let gold = gold();
    assert!(gold.len() >= 300);
    let mut wrong = Vec::new();
    for (label, file, text) in &gold {
        let got = lang::detect(text);
        if got != *label {
            wrong.push(format!("{label:?} got {got:?} [{file}] {text}"));
        }
    }
    let acc = 1.0 - wrong.len() as f64 / gold.len() as f64;
    eprintln!("standalone accuracy {acc:.4} over {} fragments", gold.len());
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(acc >= 0.93, "accuracy {acc:.3}");
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Does `hay` contain `needle` as a contiguous run of words?
fn has_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The pipeline's own decision, in context: each labelled fragment is found
/// in the clauses of its analysed document and the clause's stream language
/// is compared with the label.
#[test]
fn in_context_language_accuracy() {
    let gold = gold();
    let mut docs = std::collections::BTreeMap::new();
    let (mut total, mut right) = (0, 0);
    let mut wrong = Vec::new();
    for (label, file, text) in &gold {
        if *label == Lang::Other {
            continue;
        }
        let doc = docs.entry(file.clone()).or_insert_with(|| {
            let path = format!("corpus/{file}");
            qostil::analyze(&path, &std::fs::read(&path).unwrap(), &Default::default()).unwrap()
        });
        // Long fragments may span clauses the pipeline cut apart (inline
        // items): look for their first eight words.
        let mut k = words(text);
        k.truncate(8);
        if k.is_empty() {
            continue;
        }
        let Some(c) = doc.clauses.iter().find(|c| {
            let mut w = words(&c.text);
            if let Some(t) = &c.term {
                w.extend(words(t));
            }
            has_run(&w, &k)
        }) else {
            wrong.push(format!("not found [{file}] {text}"));
            total += 1;
            continue;
        };
        total += 1;
        if c.lang == *label {
            right += 1;
        } else {
            wrong.push(format!("{label:?} in {} [{file}] {text}", c.id));
        }
    }
    let acc = right as f64 / total as f64;
    eprintln!("in-context accuracy {acc:.4} over {total} fragments");
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(acc >= 0.97, "in-context accuracy {acc:.3}");
}

/// Companies recognised from the text match the manifest written by hand.
#[test]
fn companies_are_recognised_from_the_text() {
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("corpus/manifest.json").unwrap()).unwrap();
    for entry in manifest["documents"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let path = format!("corpus/{file}");
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            qostil::extract::company(&text).as_deref(),
            entry["company"].as_str(),
            "{file}"
        );
    }
}
