//! Layouts the corpus does not show. In these fixtures both languages
//! number their clauses identically (the source texts are translations
//! clause by clause), so the gold link of a numbered clause is the clause of
//! the other language with the same number; the test measures how many of
//! those links the aligner produces.

use std::collections::BTreeMap;

use qostil::model::Lang;

fn same_number_rate(path: &str) -> (usize, usize) {
    let doc = qostil::analyze(path, &std::fs::read(path).unwrap(), &Default::default()).unwrap();
    let by_number = |lang: Lang| -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for (i, c) in doc.clauses.iter().enumerate() {
            if c.lang == lang
                && let Some(n) = &c.number
            {
                m.entry(n.clone()).or_insert(i);
            }
        }
        m
    };
    let (kk, ru) = (by_number(Lang::Kk), by_number(Lang::Ru));
    let (mut gold, mut hit) = (0, 0);
    for (n, &k) in &kk {
        let Some(&r) = ru.get(n) else { continue };
        gold += 1;
        if doc
            .pairs
            .iter()
            .any(|p| p.kk.contains(&k) && p.ru.contains(&r))
        {
            hit += 1;
        } else {
            eprintln!("{path}: {n} not paired");
        }
    }
    (hit, gold)
}

#[test]
fn side_by_side_columns_and_html_tables() {
    for path in [
        "fixtures/text/sidebyside_fpdf.txt",
        "fixtures/text/sidebyside_reportlab.txt",
        "fixtures/text/policy_table.html",
    ] {
        let (hit, gold) = same_number_rate(path);
        eprintln!("{path}: {hit}/{gold}");
        assert!(
            gold >= 10,
            "{path}: only {gold} numbered clauses found in both languages"
        );
        assert!(hit as f64 >= 0.95 * gold as f64, "{path}: {hit}/{gold}");
    }
}
