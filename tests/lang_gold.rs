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
