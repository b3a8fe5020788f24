//! After `ingest`, nothing downstream knows whether the source was a PDF:
//! a fixture PDF must give the same clause pairs as the text it was made
//! from (the Kazakh and Russian source paragraphs, and the shared title).

use std::collections::BTreeSet;

use qostil::model::Document;

/// Pairs as (kk numbers, ru numbers), numbered clauses only.
fn numbered_pairs(doc: &Document) -> BTreeSet<(Vec<String>, Vec<String>)> {
    let nums = |idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| doc.clauses[i].number.clone())
            .collect()
    };
    doc.pairs
        .iter()
        .map(|p| (nums(&p.kk), nums(&p.ru)))
        .filter(|(k, r)| !k.is_empty() || !r.is_empty())
        .collect()
}

fn source_text(stem: &str) -> String {
    let read = |ext: &str| {
        std::fs::read_to_string(format!("fixtures/pdf/{stem}.{ext}.txt")).unwrap_or_default()
    };
    let paras = |s: String| {
        s.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    format!(
        "{}\n\n{}\n\n{}\n",
        paras(read("shared")),
        paras(read("kk")),
        paras(read("ru"))
    )
}

#[test]
fn pdf_and_its_source_text_give_the_same_pairs() {
    for stem in ["lo_table", "fpdf_cols", "rl_lines"] {
        let pdf_path = format!("fixtures/pdf/{stem}.pdf");
        let pdf = qostil::analyze(
            &pdf_path,
            &std::fs::read(&pdf_path).unwrap(),
            &Default::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let text = source_text(stem);
        let txt = qostil::analyze("source.txt", text.as_bytes(), &Default::default()).unwrap();
        assert_eq!(pdf.source.encoding, "pdf");
        let (a, b) = (numbered_pairs(&pdf), numbered_pairs(&txt));
        let same = a.intersection(&b).count();
        let union = a.union(&b).count();
        eprintln!("{stem}: {same}/{union} numbered pairs identical");
        for d in a.symmetric_difference(&b) {
            eprintln!(
                "  differs: {d:?} ({})",
                if a.contains(d) { "pdf" } else { "text" }
            );
        }
        assert!(union >= 10, "{stem}: only {union} numbered pairs");
        assert!(same as f64 >= 0.95 * union as f64, "{stem}: {same}/{union}");
    }
}
