//! The pipeline's invariants on every corpus file and fixture:
//! - nothing is lost: every non-whitespace character is in exactly one
//!   clause segment or one dropped span (coverage ≥ 99%, no overlaps);
//! - clauses of a stream are in reading order;
//! - alignment is monotonic and puts every clause in exactly one pair;
//! - ids are unique.

use std::collections::HashSet;

use qostil::model::{Document, Lang};

fn corpus() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for dir in ["corpus", "fixtures/text"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
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
}

#[test]
fn every_character_lands_in_one_clause_or_dropped() {
    for (name, doc) in corpus() {
        let text = &doc.source.text;
        let mut owner = vec![0u8; text.len()];
        let spans = doc
            .clauses
            .iter()
            .flat_map(|c| c.segments.iter())
            .chain(doc.dropped.iter().map(|d| &d.span));
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{name}: bad span {s:?}"
            );
            for (i, o) in owner[s.start..s.end].iter_mut().enumerate() {
                let ch = text.as_bytes()[s.start + i];
                assert!(
                    *o == 0 || ch.is_ascii_whitespace(),
                    "{name}: byte {} is in two spans",
                    s.start + i
                );
                *o = 1;
            }
        }
        let (mut total, mut covered) = (0usize, 0usize);
        let mut lost = String::new();
        for (i, ch) in text.char_indices() {
            if ch.is_whitespace() {
                continue;
            }
            total += 1;
            if owner[i] == 1 {
                covered += 1;
            } else if lost.len() < 200 {
                lost.push(ch);
            }
        }
        let share = covered as f64 / total as f64;
        eprintln!("{name}: {covered}/{total} = {share:.5}");
        assert!(share >= 0.99, "{name}: coverage {share:.4}, lost: {lost}");
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
