//! The pipeline's invariants on every corpus file and fixture:
//! - nothing is lost: every non-whitespace character is in exactly one
//!   clause segment or one dropped span (coverage exactly 100%, no
//!   overlaps; `robustness` checks the same on damaged inputs);
//! - clauses of a stream are in reading order;
//! - alignment is monotonic (a kk | ru table row aside) and puts every
//!   clause in exactly one pair;
//! - ids are unique.

use std::collections::HashSet;
use std::sync::OnceLock;

use qostil::model::{Document, Lang};

use crate::util::assert_nothing_lost;

/// Every text and PDF input of the corpus and the fixtures (each must
/// analyse without error), analysed once for all the tests here.
fn corpus() -> &'static [(String, Document)] {
    static CORPUS: OnceLock<Vec<(String, Document)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut out = Vec::new();
        // The inputs of each folder (its notes and gold files are not).
        let inputs: [(&str, &[&str]); 6] = [
            ("corpus", &["txt"]),
            ("fixtures/text", &["txt", "html"]),
            ("fixtures/unseen", &["txt", "md", "csv", "tsv"]),
            ("fixtures/unseen_legal", &["txt"]),
            ("fixtures/heldout_legal", &["txt"]),
            // Its *.txt are the PDFs' source texts.
            ("fixtures/pdf_unseen", &["pdf"]),
        ];
        for (dir, exts) in inputs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut paths: Vec<_> = entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| exts.iter().any(|x| e == *x)))
                .collect();
            paths.sort();
            for p in paths {
                let name = p.display().to_string();
                let doc = qostil::analyze(&name, &std::fs::read(&p).unwrap(), &Default::default())
                    .unwrap_or_else(|e| panic!("{e}"));
                out.push((name, doc));
            }
        }
        for name in ["lo_table", "fpdf_cols", "rl_lines", "owner_only"] {
            let name = format!("fixtures/pdf/{name}.pdf");
            let doc = qostil::analyze(&name, &std::fs::read(&name).unwrap(), &Default::default())
                .unwrap_or_else(|e| panic!("{e}"));
            out.push((name, doc));
        }
        assert!(out.len() >= 9);
        out
    })
}

#[test]
fn every_character_lands_in_one_clause_or_dropped() {
    for (name, doc) in corpus() {
        let (covered, total) = assert_nothing_lost(name, doc);
        eprintln!("{name}: {covered}/{total}");
    }
}

#[test]
fn streams_are_in_reading_order_and_ids_unique() {
    for (name, doc) in corpus() {
        let mut ids = HashSet::new();
        for lang in [Lang::Kk, Lang::Ru] {
            let mut last = 0;
            for c in doc.clauses.iter().filter(|c| c.lang == lang) {
                assert!(ids.insert(c.id.clone()), "{name}: duplicate id {}", c.id);
                for s in &c.segments {
                    assert!(s.start >= last, "{name}: {} out of order", c.id);
                    last = s.end;
                }
            }
        }
    }
}

#[test]
fn alignment_is_monotonic_and_complete() {
    for (name, doc) in corpus() {
        let mut seen = vec![0; doc.clauses.len()];
        let (mut last_kk, mut last_ru) = (None, None);
        for p in &doc.pairs {
            assert!((0.0..=1.0).contains(&p.score));
            // A kk | ru table row paired by the layout may stand out of
            // order; its cells share a source line and page.
            let row = |&k: &usize, &r: &usize| {
                let (a, b) = (&doc.clauses[k], &doc.clauses[r]);
                a.line > 0 && (a.page, a.line) == (b.page, b.line)
            };
            if let ([k], [r]) = (p.kk.as_slice(), p.ru.as_slice())
                && row(k, r)
            {
                seen[*k] += 1;
                seen[*r] += 1;
                continue;
            }
            assert!(p.kk.len() + p.ru.len() >= 1 && p.kk.len() <= 2 && p.ru.len() <= 2);
            for &k in &p.kk {
                assert_eq!(doc.clauses[k].lang, Lang::Kk);
                assert!(last_kk.is_none_or(|l| k > l), "{name}: kk not monotonic");
                last_kk = Some(k);
                seen[k] += 1;
            }
            for &r in &p.ru {
                assert_eq!(doc.clauses[r].lang, Lang::Ru);
                assert!(last_ru.is_none_or(|l| r > l), "{name}: ru not monotonic");
                last_ru = Some(r);
                seen[r] += 1;
            }
        }
        assert!(
            seen.iter().all(|&n| n == 1),
            "{name}: a clause is not in exactly one pair"
        );
    }
}
